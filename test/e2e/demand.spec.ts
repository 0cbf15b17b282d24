import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import type { Hq } from '../../src-hq/hq'
import { createHqStore, hqCall, startStoreHq, type HqStore } from '../../src-hq/testing/test-hq'
import { startBrowserHost, type BrowserHost, stopGently } from './support/processes'

/**
 * Demand signals on the SKU page and HQ-owned records read-only on an enrolled laptop, in real Chromium:
 * the demo laptop (standalone) shows and edits a demo SKU's monthly units per channel; a second laptop,
 * enrolled with a real HQ, shows the same records with 由总部维护 where the buttons were.
 */
test.describe.configure({ mode: 'serial' })

const DEMO_SKU = '三层抽纸 100抽×24包'

function appUrl(): string {
  const url = process.env.WORKBENCH_URL
  if (!url) throw new Error('WORKBENCH_URL is not set: run through playwright.config.ts (global-setup)')
  return url
}

async function openDemoSku(page: Page, url: string): Promise<void> {
  await page.goto(url)
  await page.getByTestId('nav-skus').click()
  await page.getByTestId('sku-search').fill(DEMO_SKU)
  await page.getByRole('link', { name: DEMO_SKU, exact: true }).click()
  await expect(page.getByTestId('sku-title')).toHaveText(DEMO_SKU)
}

test('a standalone laptop shows six months of demand per channel and records a new channel', async ({
  page,
}) => {
  await openDemoSku(page, appUrl())
  const panel = page.getByTestId('demand-panel')
  await expect(panel.getByTestId('demand-row')).toHaveCount(3)
  await expect(panel.getByRole('columnheader')).toHaveCount(7)
  await expect(panel.getByTestId('demand-row').first()).toContainText('天猫旗舰店')
  await expect(panel.getByTestId('demand-chart')).toBeVisible()
  await expect(page.getByTestId('sku-edit')).toBeVisible()
  await expect(page.getByTestId('hq-owned-note')).toHaveCount(0)
  await panel.scrollIntoViewIfNeeded()
  await panel.screenshot({ path: 'resources/screenshots/sku-demand-zh.png' })

  // 盒马 last month: a new row; then correct it by clicking its figure.
  await panel.getByTestId('demand-new').click()
  const form = page.getByTestId('demand-form')
  await form.getByTestId('demand-channel').fill('盒马')
  await form.getByTestId('demand-units').fill('1234')
  await form.getByTestId('demand-save').click()
  const hema = panel.getByTestId('demand-row').filter({ hasText: '盒马' })
  await expect(hema).toContainText('1,234')
  await hema.getByTestId('demand-cell').click()
  await form.getByTestId('demand-units').fill('1300')
  await form.getByTestId('demand-save').click()
  await expect(hema).toContainText('1,300')

  // A second signal for the same month and channel is refused on the month field.
  await panel.getByTestId('demand-new').click()
  await form.getByTestId('demand-channel').fill('盒马')
  await form.getByTestId('demand-units').fill('5')
  await form.getByTestId('demand-save').click()
  await expect(form).toContainText('已有月销量')
})

test.describe('a laptop enrolled with HQ', () => {
  let store: HqStore
  let hq: Hq
  let host: BrowserHost
  let dataDir: string

  test.beforeAll(async () => {
    store = await createHqStore('sqlite')
    hq = await startStoreHq(store)
    dataDir = mkdtempSync(join(tmpdir(), 'workbench-e2e-enrolled-'))
    host = await startBrowserHost(dataDir)
    const code = await hqCall(hq.url, 'admin.codes.create', {}, hq.adminToken)
    const url = new URL(host.url)
    const secret = new URLSearchParams(url.hash.slice(1)).get('secret') ?? ''
    const response = await fetch(`${url.origin}/api/sync.enrol`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-workbench-secret': secret },
      body: JSON.stringify({
        hqUrl: hq.url,
        code: (code.body.value as { code: string }).code,
        deviceName: '王工的笔记本',
      }),
    })
    expect(((await response.json()) as { ok: boolean }).ok).toBe(true)
  })
  test.afterAll(async () => {
    if (host) await stopGently(host)
    await hq?.close()
    await store?.dispose()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  test('shows SKU briefs, benchmarks, demand and category policy read-only', async ({ page }) => {
    await openDemoSku(page, host.url)
    const panel = page.getByTestId('demand-panel')
    await expect(panel.getByTestId('demand-row')).toHaveCount(3)
    await expect(panel.getByTestId('hq-owned-note')).toHaveText('由总部维护')
    await expect(page.getByTestId('hq-owned-note')).toHaveCount(3)
    for (const button of ['sku-edit', 'benchmark-new', 'demand-new', 'demand-cell']) {
      await expect(page.getByTestId(button)).toHaveCount(0)
    }
    await panel.scrollIntoViewIfNeeded()
    await page.screenshot({ path: 'resources/screenshots/sku-hq-owned-zh.png' })

    await page.getByTestId('nav-skus').click()
    await expect(page.getByTestId('hq-owned-note')).toBeVisible()
    await expect(page.getByTestId('sku-new')).toHaveCount(0)

    await page.getByTestId('nav-settings').click()
    const policy = page.getByTestId('category-policy')
    await expect(policy.getByTestId('hq-owned-note')).toBeVisible()
    await expect(policy.getByTestId('category-add')).toHaveCount(0)
    await expect(policy.getByTestId('category-delete')).toHaveCount(0)
  })
})
