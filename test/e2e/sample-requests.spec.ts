import { expect, test, type Page } from '@playwright/test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startBrowserHost, type BrowserHost, stopGently } from './support/processes'

/**
 * On a fresh demo, Today (工作台) leads with what needs doing: the samples 禾映 promised for last Friday
 * have not arrived. The buyer asks 禾映 for another sample (asked three weeks ago, promised two weeks
 * ago), marks it shipped with a tracking number, and sees it late on Today — in Chinese and in English.
 * Its own browser host, so its requests do not reach the other specs' demo data.
 */
test.setTimeout(120_000)

const SHOTS = 'resources/screenshots'
const HEYING = '晋江禾映纸业有限公司'
const ITEM = '竹浆本色抽纸 3层130抽 试产样'
let host: BrowserHost
let dataDir: string

const day = (offset: number) => {
  const d = new Date(Date.now() + offset * 86_400_000)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

async function typeDate(page: Page, testId: string, value: string): Promise<void> {
  const input = page.getByTestId(testId)
  await input.click()
  await input.fill(value)
  await input.press('Enter')
  await page.keyboard.press('Escape')
}

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'workbench-e2e-requests-'))
  host = await startBrowserHost(dataDir, ['--sync-every', '0'])
})
test.afterAll(async () => {
  if (host) await stopGently(host)
  rmSync(dataDir, { recursive: true, force: true })
})

test('requests a sample, marks it shipped with a tracking number, and sees it late on Today', async ({
  page,
}) => {
  await page.goto(host.url)
  const late = page.getByTestId('today-late-requests')
  await expect(late.getByTestId('today-late-request')).toHaveCount(1)
  await expect(late).toContainText(HEYING)
  await expect(late).toContainText('未寄出')
  await page.screenshot({ path: `${SHOTS}/today-demo-zh.png`, fullPage: true })

  await page.getByTestId('nav-sampleRequests').click()
  await page.getByTestId('sample-request-new').click()
  const form = page.getByTestId('sample-request-form')
  await form.getByTestId('sample-request-factory').fill('禾映')
  await page
    .getByRole('option', { name: new RegExp(HEYING) })
    .first()
    .click()
  await form.getByTestId('sample-request-item').fill(ITEM)
  await form.getByTestId('sample-request-quantity').fill('4')
  await typeDate(page, 'sample-request-requested-on', day(-21))
  // A promise before the request is refused on its field, and nothing is saved.
  await typeDate(page, 'sample-request-promised', day(-25))
  await form.getByTestId('sample-request-save').click()
  await expect(form).toContainText('承诺寄出日期不能早于申请日期')
  await typeDate(page, 'sample-request-promised', day(-14))
  await form.screenshot({ path: `${SHOTS}/sample-request-new-zh.png` })
  await form.getByTestId('sample-request-save').click()
  await expect(form).toBeHidden()

  const row = page.getByTestId('sample-request-row').filter({ hasText: ITEM })
  await expect(row.getByTestId('sample-request-status')).toHaveText('待寄出')
  await row.getByTestId('sample-request-ship').click()
  const ship = page.getByTestId('sample-request-ship-form')
  await typeDate(page, 'sample-request-shipped-on', day(-12))
  await ship.getByTestId('sample-request-courier').fill('顺丰')
  await ship.getByTestId('sample-request-tracking').fill('SF1402938475613')
  await ship.screenshot({ path: `${SHOTS}/sample-request-ship-zh.png` })
  await ship.getByTestId('sample-request-ship-save').click()
  await expect(ship).toBeHidden()
  await expect(row.getByTestId('sample-request-status')).toHaveText('已寄出')
  await expect(row.getByTestId('sample-request-shipping')).toContainText('顺丰 SF1402938475613')
  // Shipped twelve days ago, a week is the allowance: five days late, not received.
  await expect(row.getByTestId('sample-request-late')).toHaveText('逾期 5 天未收到')
  // Late first: both of 禾映's late requests lead the list.
  await expect(
    page.getByTestId('sample-request-row').first().getByTestId('sample-request-late'),
  ).toBeVisible()
  await page.screenshot({ path: `${SHOTS}/sample-requests-zh.png`, fullPage: true })

  await page.getByTestId('nav-dashboard').click()
  await expect(late.getByTestId('today-late-request')).toHaveCount(2)
  await expect(late.getByTestId('today-late-request').filter({ hasText: ITEM })).toContainText(
    '逾期 5 天未收到',
  )
  await page.screenshot({ path: `${SHOTS}/today-late-sample-zh.png`, fullPage: true })

  // One click from Today to the request, highlighted in the list.
  await late.getByTestId('today-late-request').filter({ hasText: ITEM }).getByRole('link').click()
  await expect(page.locator('[data-testid="sample-request-row"][data-focused]')).toContainText(ITEM)

  await page.getByTestId('language-switch').getByText('English').click()
  await page.getByTestId('nav-dashboard').click()
  await expect(page.getByTestId('today-late-requests')).toContainText('Samples late to arrive')
  await expect(late.getByTestId('today-late-request').filter({ hasText: ITEM })).toContainText(
    '5 days late, not received',
  )
  await expect(late.getByTestId('today-late-request').filter({ hasNotText: ITEM })).toContainText(
    'not shipped',
  )
  await page.screenshot({ path: `${SHOTS}/today-late-sample-en.png`, fullPage: true })
  await page.getByTestId('nav-sampleRequests').click()
  await expect(page.getByTestId('sample-request-row').filter({ hasText: ITEM })).toContainText('Shipped')
  await page.screenshot({ path: `${SHOTS}/sample-requests-en.png`, fullPage: true })
  await page.getByTestId('language-switch').getByText('中文').click()

  // The factory's page holds its requests too, late first, with "request samples" for that factory.
  await page.getByTestId('nav-factories').click()
  await page.getByTestId('factory-row').filter({ hasText: HEYING }).click()
  const onFactory = page.getByTestId('factory-sample-requests')
  await expect(onFactory.getByTestId('sample-request-row')).toHaveCount(2)
  await expect(onFactory.getByTestId('sample-request-row').filter({ hasText: ITEM })).toContainText(
    '逾期 5 天未收到',
  )
  await onFactory.screenshot({ path: `${SHOTS}/factory-sample-requests-zh.png` })
})
