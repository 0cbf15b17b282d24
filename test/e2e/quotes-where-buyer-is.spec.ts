import { expect, test, type Page } from '@playwright/test'

/**
 * Quotes where the buyer is, in real Chromium against the browser host with demo data: a quote entered
 * from a visit (factory and date filled in), linked to a sample picked from that factory's samples and
 * seen on the sample page; the comparison reads "品牌价的 N%" and "≥ 1,000 箱"; the charts name each
 * factory and round; a blacklisted factory warns in the picker and in search.
 */
test.describe.configure({ mode: 'serial' })

const SKU = '三层抽纸 100抽×24包'
const FACTORY = '晋江禾映纸业有限公司'
const SAMPLE_NAME = `e2e 抽纸样品 ${Date.now().toString(36)}`

function appUrl(): string {
  const url = process.env.WORKBENCH_URL
  if (!url) throw new Error('WORKBENCH_URL is not set: run through playwright.config.ts (global-setup)')
  return url
}

/** A call through the API the UI uses (setup and look-ups only; what is proven is done in the UI). */
async function api<T>(page: Page, name: string, data: unknown): Promise<T> {
  const url = new URL(appUrl())
  const secret = new URLSearchParams(url.hash.slice(1)).get('secret') ?? ''
  const response = await page.request.post(`${url.origin}/api/${name}`, {
    headers: { 'x-workbench-secret': secret },
    data,
  })
  const body = (await response.json()) as { ok: boolean; value: T; error?: unknown }
  expect(body.ok, JSON.stringify(body.error)).toBe(true)
  return body.value
}

async function go(page: Page, hash: string): Promise<void> {
  await page.goto(appUrl())
  await page.evaluate((h) => {
    window.location.hash = h
  }, hash)
}

let sampleId = ''
let sampleCode = ''
let visitDate = ''
let skuId = ''

test('enters a quote from a visit, prefilled, linked to a picked sample, and sees it on the sample page', async ({
  page,
}) => {
  await page.goto(appUrl())
  const visits = await api<{ id: string; factoryId: string; factoryName: string; visitDate: string }[]>(
    page,
    'visits.list',
    {},
  )
  const visit = visits.find((v) => v.factoryName === FACTORY)
  expect(visit, `a demo visit of ${FACTORY}`).toBeDefined()
  visitDate = visit!.visitDate
  const sample = await api<{ id: string; code: string }>(page, 'samples.create', {
    source: 'visit',
    visitId: visit!.id,
    factoryId: visit!.factoryId,
    name: SAMPLE_NAME,
  })
  sampleId = sample.id
  sampleCode = sample.code
  const skus = await api<{ id: string; name: string }[]>(page, 'skus.list', { search: '三层抽纸' })
  skuId = skus.find((s) => s.name === SKU)!.id

  await go(page, `#/visits/${visit!.id}`)
  await page.getByTestId('visit-enter-quote').click()
  const form = page.getByTestId('quote-form')
  await expect(form.getByTestId('quote-context')).toContainText(visitDate)
  await expect(form.getByTestId('quote-factory')).toHaveValue(FACTORY)
  await expect(form.getByTestId('quote-date')).toHaveValue(visitDate)

  await form.getByTestId('quote-sku').click()
  await page.getByRole('option', { name: `${SKU}（生活用纸）` }).click()
  // The pack starts from the SKU's retail pack.
  await expect(form.getByTestId('quote-pack-total')).toHaveText('24包 × 100抽 = 2,400抽')
  // The sample is picked from this factory's samples, not typed.
  await form.getByTestId('quote-sample').click()
  await page.getByRole('option', { name: `${sampleCode} · ${SAMPLE_NAME}` }).click()
  await form.getByTestId('quote-pack-word').click()
  await page.getByRole('option', { name: '箱', exact: true }).click()
  await form.getByTestId('tier-0-from').fill('1000')
  await form.getByTestId('tier-0-price').fill('8.00')
  await form.getByTestId('quote-moq').fill('1000')
  await expect(form.getByTestId('quote-moq').locator('xpath=..')).toContainText('箱')
  await form.getByTestId('quote-save').click()
  await expect(form).toBeHidden()

  await go(page, `#/samples/${sampleId}`)
  const panel = page.getByTestId('sample-quotes')
  await expect(panel.getByTestId('quote-here-row')).toHaveCount(1)
  await expect(panel).toContainText(SKU)
  await expect(panel).toContainText(FACTORY)
  await expect(panel).toContainText('≥ 1,000 箱')
  await panel.screenshot({ path: 'resources/screenshots/sample-quotes-zh.png' })
})

test('the comparison reads a share of the brand price and minimum orders in the pack word; charts in zh and en', async ({
  page,
}) => {
  await go(page, `#/skus/${skuId}`)
  const row = page.getByTestId('comparison-row').filter({ hasText: '¥8.00' }).first()
  await expect(row).toContainText(FACTORY)
  await expect(row.getByTestId('comparison-share')).toHaveText(/^品牌价的 \d+(\.\d)?%$/)
  await expect(row.getByTestId('comparison-smallest')).toContainText('≥ 1,000 箱')
  await expect(row).toContainText('1,000 箱起 ¥8.00')
  await expect(page.getByTestId('summary-ratio-value')).toHaveText(/^品牌价的 \d+(\.\d)?%$/)
  // Two quotes of one factory are told apart in the legend by their round.
  const legend = page.getByTestId('tier-curve-legend')
  await expect(legend).toContainText('晋江禾映纸业 · 第2轮')
  await expect(legend).toContainText('晋江禾映纸业 · 第1轮')
  const charts = page
    .getByTestId('unit-cost-chart')
    .locator('xpath=ancestor::div[contains(@class,"SimpleGrid")][1]')
  await page.getByTestId('comparison-table').scrollIntoViewIfNeeded()
  await page
    .getByTestId('comparison-panel')
    .screenshot({ path: 'resources/screenshots/quote-comparison-figures-zh.png' })
  await charts.screenshot({ path: 'resources/screenshots/quote-charts-zh.png' })

  await page.getByTestId('language-switch').getByText('English').click()
  const rowEn = page.getByTestId('comparison-row').filter({ hasText: '¥8.00' }).first()
  await expect(rowEn.getByTestId('comparison-share')).toHaveText(/^\d+(\.\d)?% of brand price$/)
  await expect(rowEn.getByTestId('comparison-smallest')).toContainText('≥ 1,000 cases')
  await expect(legend).toContainText('晋江禾映纸业 · round 2')
  await page
    .getByTestId('comparison-panel')
    .screenshot({ path: 'resources/screenshots/quote-comparison-figures-en.png' })
  await charts.screenshot({ path: 'resources/screenshots/quote-charts-en.png' })
  await page.getByTestId('language-switch').getByText('中文').click()
})

test('a blacklisted factory warns in the quote picker and in search', async ({ page }) => {
  await go(page, `#/skus/${skuId}`)
  await page.getByTestId('quote-new').click()
  const form = page.getByTestId('quote-form')
  await form.getByTestId('quote-factory').click()
  await form.getByTestId('quote-factory').fill('恒卓')
  const option = page.getByRole('option', { name: /东莞市恒卓纸业有限公司/ })
  await expect(option).toContainText('黑名单')
  await option.click()
  await expect(form.getByTestId('quote-factory-warning')).toHaveText(
    '东莞市恒卓纸业有限公司 已列入黑名单：请勿向其采购或报价',
  )
  await form.screenshot({ path: 'resources/screenshots/quote-blacklisted-warning-zh.png' })

  // Search too: a fresh page (the unsaved quote form would ask before leaving).
  await page.goto('about:blank')
  await go(page, '#/skus')
  // The shortcut is heard once the app is up (its header search is there).
  await expect(page.getByTestId('header-search')).toBeVisible()
  await page.keyboard.press('Control+K')
  await expect(page.getByTestId('search-input')).toBeFocused()
  await page.getByTestId('search-input').pressSequentially('恒卓')
  await expect(page.getByTestId('search-factory-warning').first()).toHaveText('黑名单')
})

test('the SKU list reads the best quote as a share of the brand price, in zh and en', async ({ page }) => {
  await go(page, '#/skus')
  const row = page.getByTestId('sku-row').filter({ hasText: SKU }).first()
  await expect(row).toContainText(/品牌价的 \d+(\.\d)?%/)
  await expect(row).not.toContainText(/\b0\.\d{3}\b/)
  await page.getByTestId('sku-row').first().locator('xpath=ancestor::table[1]').screenshot({
    path: 'resources/screenshots/sku-list-share-zh.png',
  })
  await page.getByTestId('language-switch').getByText('English').click()
  await expect(row).toContainText(/\d+(\.\d)?% of brand price/)
  await page.getByTestId('sku-row').first().locator('xpath=ancestor::table[1]').screenshot({
    path: 'resources/screenshots/sku-list-share-en.png',
  })
  await page.getByTestId('language-switch').getByText('中文').click()
})
