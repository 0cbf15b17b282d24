import { expect, test } from '@playwright/test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startBrowserHost, type BrowserHost, stopGently } from './support/processes'

/**
 * Settings → backups, as the "done when" reads: back up, delete a factory, restore: the factory
 * is back, and the state before the restore is kept as a backup of its own. Its own browser host, so
 * the shared one keeps its data.
 */
let host: BrowserHost
let dataDir: string

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'workbench-e2e-backup-'))
  host = await startBrowserHost(dataDir, ['--sync-every', '0'])
})
test.afterAll(async () => {
  if (host) await stopGently(host)
  rmSync(dataDir, { recursive: true, force: true })
})

test('backs up, and a restore brings a deleted factory back', async ({ page }) => {
  await page.goto(host.url)
  await page.getByTestId('nav-settings').click()
  const section = page.getByTestId('backup-settings')
  await expect(section).toContainText('备份与恢复')
  await expect(page.getByTestId('backup-folder')).toContainText(join(dataDir, 'backups'))
  await page.getByTestId('backup-now').click()
  await expect(page.getByText('已备份')).toBeVisible()
  const rows = section.getByTestId('backup-row')
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText('手动')
  await expect(rows.first()).toContainText('工厂 40')

  await page.getByTestId('nav-factories').click()
  await expect(page.getByTestId('factory-count')).toContainText('40')
  const doomed = page.getByTestId('factory-row').first()
  const name = (await doomed.innerText()).split('\n')[0]!.trim()
  await doomed.click()
  await page.getByTestId('factory-delete').click()
  await page.getByTestId('factory-delete-confirm').click()
  await expect(page).toHaveURL(/#\/factories$/)
  await expect(page.getByTestId('factory-count')).toContainText('39')

  await page.getByTestId('nav-settings').click()
  await section.scrollIntoViewIfNeeded()
  await section.screenshot({ path: 'test-results/backup-settings-before-zh.png' })
  const restore = section.locator('[data-testid^="backup-restore-"]').first()
  await restore.click()
  const dialog = page.getByRole('dialog')
  await expect(dialog).toContainText('恢复前会先把现在的数据另存为一份“恢复前”备份')
  await page.screenshot({
    path: 'resources/screenshots/settings-backup-restore-confirm-zh.png',
    animations: 'disabled',
  })
  await dialog.locator('[data-testid$="-confirm"]').click()
  await expect(page.getByText(/已恢复到 .* 的备份/)).toBeVisible()
  // The state just before the restore is a backup of its own (39 factories), above the restored one.
  await expect(rows).toHaveCount(2)
  await expect(rows.first()).toContainText('恢复前')
  await expect(rows.first()).toContainText('工厂 39')
  await section.screenshot({ path: 'resources/screenshots/settings-backups-zh.png' })

  await page.getByTestId('nav-factories').click()
  await expect(page.getByTestId('factory-count')).toContainText('40')
  await expect(page.getByTestId('factory-row').filter({ hasText: name })).toHaveCount(1)
})
