import { expect, test } from '@playwright/test'

/**
 * Search as a buyer uses it, in real Chromium against the browser host with demo data (global-setup):
 * Ctrl+K, two Chinese characters from the middle of a demo factory's name, Enter opens that factory.
 */

const FACTORY = '泸县玉蟾酒业有限公司'

function appUrl(): string {
  const url = process.env.WORKBENCH_URL
  if (!url) throw new Error('WORKBENCH_URL is not set: run through playwright.config.ts (global-setup)')
  return url
}

test('Ctrl+K finds a demo factory by a two-character substring and Enter opens it', async ({ page }) => {
  await page.goto(appUrl())
  await expect(page.getByTestId('header-search')).toBeVisible()
  await page.keyboard.press('Control+K')
  const input = page.getByTestId('search-input')
  await expect(input).toBeFocused()
  await input.pressSequentially('玉蟾')
  const first = page.getByTestId('search-result').first()
  await expect(first).toContainText(FACTORY)
  await expect(page.getByRole('group', { name: '工厂' })).toBeVisible()
  await page.screenshot({ path: 'test-results/search-palette.png' })
  await input.press('Enter')
  await expect(page).toHaveURL(/#\/factories\/[0-9a-f-]{36}$/)
  await expect(page.getByTestId('search-input')).toHaveCount(0)
  await expect(page.getByText(FACTORY).first()).toBeVisible()
  await page.screenshot({ path: 'test-results/search-opened.png' })
})

test('the header box opens the palette; arrow keys move and a miss says so', async ({ page }) => {
  await page.goto(appUrl())
  await page.getByTestId('header-search').click()
  const input = page.getByTestId('search-input')
  await input.fill('有限公司')
  const results = page.getByTestId('search-result')
  await expect(results.nth(1)).toBeVisible()
  await input.press('ArrowDown')
  await expect(results.nth(1)).toHaveAttribute('data-active', 'true')
  await input.fill('不存在的工厂名')
  await expect(page.getByText('没有找到“不存在的工厂名”')).toBeVisible()
  await input.press('Escape')
  await expect(input).toHaveCount(0)
})
