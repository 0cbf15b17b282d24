import { expect, test } from '@playwright/test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startBrowserHost, type BrowserHost, stopGently } from './support/processes'

/**
 * A buyer who tried the app on its demo data clears it from Settings before real work; the factory
 * they already entered stays. Its own browser host: the shared one keeps its demo data for the others.
 */
let host: BrowserHost
let dataDir: string

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'workbench-e2e-demo-'))
  host = await startBrowserHost(dataDir, ['--sync-every', '0'])
})
test.afterAll(async () => {
  if (host) await stopGently(host)
  rmSync(dataDir, { recursive: true, force: true })
})

test('clears the demo data from Settings and keeps the buyer’s own factory', async ({ page }) => {
  await page.goto(host.url)
  await page.getByTestId('nav-factories').click()
  await page.getByTestId('factory-new').click()
  const form = page.getByTestId('factory-form')
  await form.getByTestId('field-name').fill('晋江恒安纸业有限公司')
  await form.getByTestId('field-province').fill('福建')
  await form.getByTestId('field-city').fill('晋江')
  await form.getByTestId('factory-save').click()
  await expect(form).toBeHidden()
  await expect(page.getByTestId('factory-count')).toContainText('41')

  await page.getByTestId('nav-settings').click()
  const demo = page.getByTestId('demo-settings')
  await expect(demo).toContainText('只留在本机，不会同步到总部')
  await expect(demo).toContainText('工厂 40')
  await demo.screenshot({ path: 'resources/screenshots/settings-demo-data-zh.png' })
  await page.getByTestId('demo-clear').click()
  await page.getByTestId('demo-clear-confirm').click()
  await expect(page.getByText('演示数据已清除')).toBeVisible()
  await expect(demo).toBeHidden()

  await page.getByTestId('nav-factories').click()
  await expect(page.getByTestId('factory-count')).toHaveText('共 1 家工厂')
  await expect(page.getByTestId('factory-row')).toHaveCount(1)
  await expect(page.getByTestId('factory-row')).toContainText('晋江恒安纸业有限公司')
  await page.getByTestId('nav-samples').click()
  await expect(page.getByTestId('sample-row')).toHaveCount(0)
})
