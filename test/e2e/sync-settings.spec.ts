import { expect, test, type Page } from '@playwright/test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startHq, type Hq } from '../../src-hq/hq'
import { startBrowserHost, type BrowserHost, stopGently } from './support/processes'

/**
 * One laptop (the demo app, its own browser host and data directory) enrols with an HQ started here,
 * syncs from Settings, and reads on the Sync screen whose edit replaced whose after a second laptop (a
 * second browser host, driven through its API) changed the same sample note later.
 */
test.describe.configure({ mode: 'serial' })

let hq: Hq
let laptop: BrowserHost
let wang: BrowserHost | undefined
const dirs: string[] = []

/** One API call to a laptop's browser host, as its own page would make it. */
async function api<T>(name: string, input: unknown, host = laptop): Promise<T> {
  const url = new URL(host.url)
  const secret = new URLSearchParams(url.hash.slice(1)).get('secret')!
  const response = await fetch(`${url.origin}/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-workbench-secret': secret },
    body: JSON.stringify(input),
  })
  const body = (await response.json()) as { ok: boolean; value: T; error?: unknown }
  if (!body.ok) throw new Error(`${name} failed: ${JSON.stringify(body.error)}`)
  return body.value
}

interface SampleValues {
  id: string
  code: string
  name: string
  source: string
  visitId: string | null
  factoryId: string
  skuId: string | null
  category: string
  categoryOverride: unknown
  specs: unknown[]
  storageLocation: string
  notes: string
}

function editable(sample: SampleValues, notes: string) {
  const { source, visitId, factoryId, skuId, category, categoryOverride, name, specs, storageLocation } =
    sample
  return {
    source,
    visitId,
    factoryId,
    skuId,
    category,
    categoryOverride,
    name,
    specs,
    storageLocation,
    notes,
  }
}

test.beforeAll(async () => {
  const hqDir = mkdtempSync(join(tmpdir(), 'workbench-e2e-hq-'))
  const laptopDir = mkdtempSync(join(tmpdir(), 'workbench-e2e-laptop-'))
  dirs.push(hqDir, laptopDir)
  hq = await startHq({ dataDir: hqDir, host: '127.0.0.1', port: 0 })
  laptop = await startBrowserHost(laptopDir, ['--sync-every', '0'])
  await api('profile.set', { buyerName: '李娜' })
  // The buyer's own work beside the demo data: a factory and its sample go to HQ; an SKU brief filed
  // before enrolling stays here (HQ owns briefs).
  const factory = await api<{ id: string }>('factories.create', {
    name: '广州洁力日化有限公司',
    province: '广东',
    city: '广州',
  })
  await api('samples.create', {
    source: 'selectionCenter',
    factoryId: factory.id,
    name: '强效洁厕液 500ml',
    storageLocation: '办公室 3 号柜',
    notes: '',
  })
  await api('skus.create', {
    category: '家庭清洁',
    name: '洁厕液 500ml',
    comparableUnit: 'ml',
    retailPackSpec: [{ count: 500, label: 'ml' }],
    plannedOrderPacks: 20000,
    targetMargin: '0.3',
  })
})

test.afterAll(async () => {
  if (laptop) await stopGently(laptop)
  if (wang) await stopGently(wang)
  await hq?.close()
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

async function openSettings(page: Page): Promise<void> {
  await page.goto(laptop.url)
  await page.getByTestId('nav-settings').click()
  await expect(page.getByTestId('hq-settings')).toBeVisible()
}

test('before enrolling, the Sync screen sends the buyer to Settings', async ({ page }) => {
  await page.goto(laptop.url)
  await page.getByTestId('nav-sync').click()
  await expect(page.getByTestId('sync-page')).toContainText('本机尚未登记到总部')
  await page.getByRole('link', { name: '前往设置' }).click()
  await expect(page.getByTestId('hq-settings')).toBeVisible()
})

test('enrols from Settings with HQ’s first code, after a wrong one is refused under its field', async ({
  page,
}) => {
  await openSettings(page)
  await expect(page.getByTestId('hq-device-name')).toHaveValue('李娜的笔记本')
  await page.getByTestId('hq-url').fill(hq.url)
  await page.getByTestId('hq-code').fill('WRONG-CODE-0000')
  await page.getByTestId('hq-enrol').click()
  await expect(page.getByTestId('hq-settings')).toContainText('登记码不正确')
  await page.getByTestId('hq-settings').screenshot({ path: 'resources/screenshots/hq-enrol-error-zh.png' })

  await page.getByTestId('hq-code').fill(hq.firstCode!.code)
  await page.getByTestId('hq-enrol').click()
  const status = page.getByTestId('hq-status')
  await expect(status).toContainText('已登记到总部')
  await expect(status).toContainText(hq.url)
  await expect(status).toContainText('李娜的笔记本')
  await expect(page.getByTestId('hq-unsent')).toHaveText(/^[\d,]+ 条记录（[\d,]+ 处修改）$/)

  await page.getByTestId('sync-now').click()
  await expect(status).toContainText('同步成功', { timeout: 30_000 })
  await expect(page.getByTestId('hq-unsent')).toHaveText('0')
  await page.screenshot({ path: 'resources/screenshots/hq-settings-zh.png', fullPage: true })
})

test('the Sync screen reports the sync and says whose edit replaced whose', async ({ page }) => {
  // A second laptop takes everything the first sent, then both change one sample's note: 王强 later.
  const wangDir = mkdtempSync(join(tmpdir(), 'workbench-e2e-laptop-'))
  dirs.push(wangDir)
  wang = await startBrowserHost(wangDir, ['--no-demo', '--sync-every', '0'])
  const minted = await fetch(`${hq.url}/api/admin.codes.create`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${hq.adminToken}` },
    body: '{}',
  })
  const { code } = ((await minted.json()) as { value: { code: string } }).value
  await api('sync.enrol', { hqUrl: hq.url, code, deviceName: '王强的笔记本' }, wang)
  expect((await api<{ outcome: string }>('sync.now', {}, wang)).outcome).toBe('ok')
  const own = (await api<{ id: string; name: string }[]>('samples.list', {})).find(
    (listed) => listed.name === '强效洁厕液 500ml',
  )
  const sample = await api<SampleValues>('samples.get', { id: own!.id })
  await api('samples.update', { id: sample.id, values: editable(sample, '李娜：样品已寄回，等复测') })
  await new Promise((resolve) => setTimeout(resolve, 20))
  await api('samples.update', { id: sample.id, values: editable(sample, '王强：工厂同意降价 3%') }, wang)
  expect((await api<{ outcome: string }>('sync.now', {}, wang)).outcome).toBe('ok')

  await page.goto(laptop.url)
  await page.getByTestId('nav-sync').click()
  await expect(page.getByTestId('sync-page')).toBeVisible()
  await expect(page.getByTestId('sync-last')).toHaveAttribute('data-outcome', 'ok')
  const syncedBefore = await page.getByTestId('sync-last').textContent()
  await page.getByTestId('sync-now').click()
  await expect(page.getByTestId('sync-last')).not.toHaveText(syncedBefore!, { timeout: 30_000 })
  await expect(page.getByTestId('sync-last')).toHaveAttribute('data-outcome', 'ok')

  const row = page.getByTestId('sync-conflict').filter({ hasText: '备注' }).first()
  await expect(row).toContainText(`样品 ${sample.code}`)
  await expect(row).toContainText(
    '王强的笔记本 的「王强：工厂同意降价 3%」替换了 李娜的笔记本 的「李娜：样品已寄回，等复测」',
  )
  await expect(page.getByTestId('sync-indicator')).toContainText('已同步')

  // The brief filed before enrolling stays here (HQ owns briefs); the demo data never left.
  await expect(page.getByTestId('sync-rejection-summary')).toHaveText(
    'SKU 1 条 — 总部维护的数据，本机不能修改',
  )
  await expect(page.getByTestId('sync-rejection')).toContainText('SKU 洁厕液 500ml')
  await expect(page.getByTestId('sync-local-only')).toContainText('本机的演示数据')
  await page.screenshot({ path: 'resources/screenshots/sync-screen-zh.png', fullPage: true })

  // The record's name opens it.
  await row.getByRole('link', { name: `样品 ${sample.code}` }).click()
  await expect(page.getByTestId('sample-page')).toContainText('王强：工厂同意降价 3%')
})

test('reads the same in English', async ({ page }) => {
  await page.goto(laptop.url)
  await page.getByTestId('language-switch').getByText('English').click()
  await page.getByTestId('nav-sync').click()
  await expect(page.getByTestId('sync-last')).toContainText('Synced')
  await expect(page.getByTestId('sync-conflict').first()).toContainText(
    '“王强：工厂同意降价 3%” from 王强的笔记本 replaced “李娜：样品已寄回，等复测” from 李娜的笔记本',
  )
  await page.screenshot({ path: 'resources/screenshots/sync-screen-en.png', fullPage: true })
  await page.getByTestId('language-switch').getByText('中文').click()
})

test('shows the phase and counts while a sync runs, and Cancel asks the core to stop', async ({ page }) => {
  // The real runs here finish in well under a poll; the core's answers are held at "pulling" instead.
  const running = {
    running: true,
    phase: 'pulling',
    cancelling: false,
    toPush: 120,
    pushed: 120,
    pulled: 2000,
    applied: 1500,
    conflicts: 0,
    startedAt: new Date().toISOString(),
    last: null,
  }
  let cancelled = false
  await page.route('**/api/sync.progress', (route) =>
    route.fulfill({ json: { ok: true, value: { ...running, cancelling: cancelled } } }),
  )
  await page.route('**/api/sync.cancel', (route) => {
    cancelled = true
    return route.fulfill({ json: { ok: true, value: { ...running, cancelling: true } } })
  })
  await page.goto(laptop.url)
  await page.getByTestId('nav-sync').click()
  const progress = page.getByTestId('sync-progress')
  await expect(progress).toContainText('正在下载总部的修改')
  await expect(progress).toContainText('已上传 120 / 120 条 · 已下载 2,000 条 · 已生效 1,500 条')
  await expect(page.getByTestId('sync-indicator')).toContainText('同步中')
  await page.screenshot({ path: 'resources/screenshots/sync-progress-zh.png' })
  await page.getByTestId('sync-cancel').click()
  await expect(page.getByTestId('sync-cancel')).toHaveText('正在取消…')
  expect(cancelled).toBe(true)
})
