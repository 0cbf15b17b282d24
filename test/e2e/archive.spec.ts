import { expect, test } from '@playwright/test'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startBrowserHost, stopGently, type BrowserHost } from './support/processes'

/**
 * Moving to a new laptop as a buyer would: Settings → Export everything on the old one (a download),
 * then Settings → Open an archive on a fresh one; the same factories open there. Each its own host.
 */
let oldLaptop: BrowserHost
let newLaptop: BrowserHost
let scratch: string

test.beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'workbench-e2e-archive-'))
  oldLaptop = await startBrowserHost(join(scratch, 'old'), ['--sync-every', '0'])
  newLaptop = await startBrowserHost(join(scratch, 'new'), ['--sync-every', '0', '--no-demo'])
})
test.afterAll(async () => {
  // Each host writes its quit backup as it stops: the folder goes only after both have.
  await Promise.all([oldLaptop, newLaptop].map((host) => host && stopGently(host)))
  rmSync(scratch, { recursive: true, force: true })
})

test('export everything, open it on a new laptop: the same factories and samples come back', async ({
  browser,
}) => {
  const old = await browser.newPage()
  await old.goto(oldLaptop.url)
  await old.getByTestId('nav-settings').click()
  const panel = old.getByTestId('archive-settings')
  await expect(panel).toContainText('搬到新电脑')
  const download = old.waitForEvent('download')
  await old.getByTestId('archive-export').click()
  const archive = join(scratch, 'moved.tar')
  await (await download).saveAs(archive)
  await expect(old.getByTestId('archive-exported')).toContainText('工厂 40')
  expect(statSync(archive).size).toBeGreaterThan(100_000)
  const workbook = old.waitForEvent('download')
  await old.getByTestId('archive-workbook').click()
  expect((await workbook).suggestedFilename()).toMatch(/^全部数据_\d{4}-\d{2}-\d{2}\.xlsx$/)
  await panel.screenshot({ path: 'test-results/archive-export-zh.png' })
  await old.getByTestId('nav-factories').click()
  await expect(old.getByTestId('factory-count')).toContainText('40')
  await expect(old.getByTestId('factory-row').first()).toBeVisible()
  // The rows as shown, times aside (a relative "updated" column may tick over between the two reads).
  const rowsOf = async (page: typeof old) =>
    (await page.getByTestId('factory-row').allInnerTexts()).map((row) =>
      row.replace(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/g, ''),
    )
  const firstRows = await rowsOf(old)

  const fresh = await browser.newPage()
  await fresh.goto(newLaptop.url)
  await fresh.getByTestId('nav-factories').click()
  await expect(fresh.getByTestId('factory-row')).toHaveCount(0)
  await fresh.getByTestId('nav-settings').click()
  await fresh.getByTestId('archive-file').setInputFiles(archive)
  await fresh.getByTestId('archive-open-confirm').click()
  const opened = fresh.getByRole('dialog', { name: '存档已打开' })
  await expect(opened).toContainText('工厂 40')
  await opened.screenshot({ path: 'test-results/archive-opened-zh.png', animations: 'disabled' })
  await fresh.getByTestId('archive-reload').click()
  await fresh.getByTestId('nav-factories').click()
  await expect(fresh.getByTestId('factory-count')).toContainText('40')
  await expect(fresh.getByTestId('factory-row').first()).toBeVisible()
  await expect.poll(() => rowsOf(fresh)).toEqual(firstRows)
  // The samples come back too (photo files byte for byte: archive.test.ts).
  await fresh.getByTestId('nav-samples').click()
  await expect(fresh.getByTestId('sample-row')).toHaveCount(8)
})

test('a laptop with records of its own cannot open an archive, and says why', async ({ page }) => {
  await page.goto(newLaptop.url)
  await page.getByTestId('nav-factories').click()
  await page.getByTestId('factory-new').click()
  const form = page.getByTestId('factory-form')
  await form.getByTestId('field-name').fill('泉州新录入的工厂')
  await form.getByTestId('factory-save').click()
  await expect(form).toBeHidden()
  await page.getByTestId('nav-settings').click()
  const panel = page.getByTestId('archive-settings')
  await expect(panel).toContainText('这台电脑上已有 1 条你自己录入的记录')
  await expect(page.getByTestId('archive-open')).toBeDisabled()
  await panel.screenshot({ path: 'test-results/archive-refused-zh.png' })
})
