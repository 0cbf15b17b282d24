import { expect, test, type Page } from '@playwright/test'
import { creditCodeCheckChar } from '../../src-main/core/domain/credit-code'

/**
 * The factories slice as a buyer uses it, in real Chromium against the browser host (demo data on a
 * fresh data directory, started by global-setup). The tests share that host and run in order.
 */
test.describe.configure({ mode: 'serial' })

const FIRST_17 = '91350582MA2XY1234'
const VALID_CODE = FIRST_17 + creditCodeCheckChar(FIRST_17)
// Same 17 characters, a check character that is in the alphabet but wrong.
const WRONG_CHECK = FIRST_17 + (VALID_CODE.endsWith('A') ? 'B' : 'A')
const NAME = `晋江测试纸业有限公司 ${Date.now().toString(36)}`

function appUrl(): string {
  const url = process.env.WORKBENCH_URL
  if (!url) throw new Error('WORKBENCH_URL is not set: run through playwright.config.ts (global-setup)')
  return url
}

async function openFactories(page: Page): Promise<void> {
  await page.goto(appUrl())
  await page.getByTestId('nav-factories').click()
  await expect(page.getByTestId('factory-row').first()).toBeVisible()
}

async function searchFor(page: Page, text: string): Promise<void> {
  await page.getByTestId('factory-search').fill(text)
}

test('opens in Chinese with the demo factories, and keeps the secret out of the address bar', async ({
  page,
}) => {
  await page.goto(appUrl())
  await expect(page.getByTestId('app-name')).toHaveText('源选采购工作台')
  expect(page.url()).not.toContain('secret=')
  await page.getByTestId('nav-factories').click()
  await expect(page.getByTestId('factory-row').first()).toBeVisible()
  const count = await page.getByTestId('factory-count').textContent()
  const total = Number(/\d+/.exec(count ?? '')?.[0])
  expect(total).toBeGreaterThan(0)
  // Virtualized: never more rows in the DOM than factories, and only a window of them when there are many.
  const rendered = await page.getByTestId('factory-row').count()
  expect(rendered).toBeLessThanOrEqual(total)
  if (total > 30) expect(rendered).toBeLessThan(total)
  await expect(page.getByRole('columnheader', { name: '工厂名称' })).toBeVisible()
})

test('keeps a factory whose credit code fails its check only with a reason, and shows the warning', async ({
  page,
}) => {
  await openFactories(page)
  await page.getByTestId('factory-new').click()
  const form = page.getByTestId('factory-form')
  await form.getByTestId('field-name').fill(NAME)
  await form.getByTestId('field-creditCode').fill(WRONG_CHECK)
  await form.getByTestId('field-province').fill('福建')
  await form.getByTestId('field-city').fill('泉州')
  await form.getByTestId('field-industrialBelt').fill('晋江生活用纸')
  await form.getByTestId('field-categories').fill('生活用纸')
  await form.getByTestId('field-categories').press('Enter')
  await form.getByTestId('contact-add').click()
  await form.getByTestId('contact-0-name').fill('陈经理')
  await form.getByTestId('contact-0-phone').fill('12345')

  // The failing check character is a warning that asks for the reason; the phone is an error.
  await expect(form.getByTestId('creditCode-warning')).toBeVisible()
  await form.getByTestId('factory-save').click()
  await expect(form.getByText('校验位不符的代码须写明保留原因')).toBeVisible()
  await expect(form.getByText('不是有效的电话号码（手机号或带区号的座机）')).toBeVisible()
  await expect(page.getByTestId('form-error')).toBeVisible()

  await form.getByTestId('field-creditCodeNote').fill('与营业执照原件核对一致')
  await form.getByTestId('contact-0-phone').fill('0595-8588 1234')
  await form.getByTestId('factory-save').click()
  await expect(form).toBeHidden()

  await searchFor(page, NAME)
  await expect(page.getByTestId('factory-count')).toHaveText('找到 1 家工厂')
  await expect(page.getByTestId('factory-row')).toHaveCount(1)
  await expect(page.getByTestId('factory-row')).toContainText('福建 · 泉州')
  await expect(page.getByTestId('row-creditCode-warning')).toContainText('与营业执照原件核对一致')
  await page.getByTestId('factory-row').click()
  await expect(page.getByTestId('detail-creditCode-warning')).toContainText('与营业执照原件核对一致')
  await page.screenshot({ path: 'resources/screenshots/factory-credit-code-kept-zh.png', fullPage: true })
})

test('switches to English, and after a reload keeps the language and the created factory', async ({
  page,
}) => {
  await openFactories(page)
  await page.getByTestId('language-switch').getByText('English').click()
  await expect(page.getByTestId('app-name')).toHaveText('Sourcing Workbench')
  await expect(page.getByRole('columnheader', { name: 'Industrial belt' })).toBeVisible()
  await expect(page.getByTestId('nav-visits')).toContainText('Tours & visits')

  await page.reload()
  await expect(page.getByTestId('app-name')).toHaveText('Sourcing Workbench')
  await searchFor(page, NAME)
  await expect(page.getByTestId('factory-count')).toHaveText('Matching factories: 1')
  await page.getByTestId('factory-row').click()
  await expect(page.getByTestId('factory-detail-name')).toHaveText(NAME)
  await expect(page.getByTestId('detail-creditCode')).toContainText(WRONG_CHECK)
  await expect(page.getByTestId('detail-creditCode-warning')).toContainText('kept because')
  // Stored in one normal form, shown grouped.
  await expect(page.getByTestId('detail-contacts')).toContainText('0595 8588 1234')
})

test('edits a factory and deletes it after confirming', async ({ page }) => {
  await openFactories(page)
  await searchFor(page, NAME)
  await expect(page.getByTestId('factory-row')).toHaveCount(1)
  await page.getByTestId('factory-row').click()

  await page.getByTestId('factory-edit').click()
  const form = page.getByTestId('factory-form')
  await form.getByTestId('field-city').fill('晋江')
  await form.getByTestId('field-name').fill('')
  await form.getByTestId('factory-save').click()
  await expect(form.getByText('必填')).toBeVisible()
  await form.getByTestId('field-name').fill(`${NAME} 改`)
  await form.getByTestId('factory-save').click()
  await expect(form).toBeHidden()
  await expect(page.getByTestId('factory-detail-name')).toHaveText(`${NAME} 改`)
  await expect(page.getByTestId('factory-detail')).toContainText('福建 · 晋江')

  await page.getByTestId('factory-delete').click()
  await page.getByTestId('factory-delete-confirm').click()
  await expect(page).toHaveURL(/#\/factories$/)
  await searchFor(page, NAME)
  await expect(page.getByTestId('factory-empty')).toBeVisible()
  await expect(page.getByTestId('factory-row')).toHaveCount(0)
})
