import { expect, test, type Page } from '@playwright/test'
import { readFileSync } from 'node:fs'

/**
 * Export PDF from a demo sample's page in real Chromium against the browser host: the host prints the
 * report with the system Chromium and the page hands the file over as a download.
 */

function appUrl(): string {
  const url = process.env.WORKBENCH_URL
  if (!url) throw new Error('WORKBENCH_URL is not set: run through playwright.config.ts (global-setup)')
  return url
}

/** Signs the reports as a buyer would have once (report-summary.spec.ts walks the first-export prompt). */
async function setBuyerName(page: Page, buyerName: string): Promise<void> {
  const url = new URL(appUrl())
  const secret = new URLSearchParams(url.hash.slice(1)).get('secret')!
  const response = await page.request.post(`${url.origin}/api/profile.set`, {
    headers: { 'x-workbench-secret': secret },
    data: { buyerName },
  })
  expect(response.ok()).toBe(true)
}

test('a sample page exports its report as a PDF download', async ({ page }) => {
  await page.goto(appUrl())
  await setBuyerName(page, '王敏')
  await page.getByTestId('nav-samples').click()
  await page.getByTestId('sample-row').filter({ hasText: '竹浆混合三层抽纸' }).click()
  await expect(page.getByTestId('sample-page')).toBeVisible()
  const code = (await page.getByTestId('sample-page-code').textContent())?.trim() ?? ''
  expect(code).toMatch(/^S-\d{4}-/)

  const download = page.waitForEvent('download', { timeout: 30_000 })
  await page.getByTestId('export-pdf').click()
  const file = await download
  expect(file.suggestedFilename()).toBe(`${code} 竹浆混合三层抽纸 100抽.pdf`)
  const bytes = readFileSync((await file.path())!)
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-')
  expect(bytes.length).toBeGreaterThan(20_000)
  await expect(page.getByTestId('export-pdf-done')).toBeVisible()
})

test('the Reports center finds a sample by name and exports its PDF, and exports a list to Excel', async ({
  page,
}) => {
  await page.goto(appUrl())
  await page.getByTestId('nav-reports').click()
  await expect(page.getByTestId('reports-page')).toBeVisible()
  await page.getByTestId('reports-sample-search').fill('竹浆混合')
  const row = page.getByTestId('reports-samples').locator('tbody tr')
  await expect(row).toHaveCount(1)
  await expect(row).toContainText('竹浆混合三层抽纸')

  const pdf = page.waitForEvent('download', { timeout: 30_000 })
  await row.getByTestId('export-pdf').click()
  expect((await pdf).suggestedFilename()).toMatch(/^S-\d{4}-.* 竹浆混合三层抽纸 100抽( \(\d+\))?\.pdf$/)
  await page.keyboard.press('Escape')

  await page.getByTestId('reports-tab-tours').click()
  await expect(page.getByTestId('reports-tours').locator('tbody tr').first()).toBeVisible()
  await page.screenshot({ path: 'resources/screenshots/reports-center-tours.png', fullPage: true })

  await page.getByTestId('reports-tab-lists').click()
  const xlsx = page.waitForEvent('download')
  await page.getByTestId('export-factories').click()
  const file = await xlsx
  expect(file.suggestedFilename()).toMatch(/\.xlsx$/)
  const bytes = readFileSync((await file.path())!)
  expect(bytes.subarray(0, 2).toString()).toBe('PK')
})
