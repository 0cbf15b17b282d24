import { expect, test } from '@playwright/test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startHq, type Hq } from '../../src-hq/hq'
import { hqCall } from '../../src-hq/testing/test-hq'
import { startBrowserHost, type BrowserHost, stopGently } from './support/processes'

/**
 * HQ revokes a laptop: its Sync screen says so and since when, that its unsent work is kept, and what
 * to do (a new enrolment code, enrol again in Settings), in Chinese and in English.
 */
test.describe.configure({ mode: 'serial' })

let hq: Hq
let laptop: BrowserHost
const dirs: string[] = []

async function api<T>(name: string, input: unknown): Promise<T> {
  const url = new URL(laptop.url)
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

test.beforeAll(async () => {
  const hqDir = mkdtempSync(join(tmpdir(), 'workbench-e2e-hq-'))
  const laptopDir = mkdtempSync(join(tmpdir(), 'workbench-e2e-laptop-'))
  dirs.push(hqDir, laptopDir)
  hq = await startHq({ dataDir: hqDir, host: '127.0.0.1', port: 0 })
  laptop = await startBrowserHost(laptopDir, ['--sync-every', '0', '--no-demo'])
  await api('sync.enrol', { hqUrl: hq.url, code: hq.firstCode!.code, deviceName: '李娜的笔记本' })
  await api('factories.create', { name: '晋江恒安纸业', province: '福建', city: '晋江' })
  expect((await api<{ outcome: string }>('sync.now', {})).outcome).toBe('ok')
  const { hqDeviceId } = await api<{ hqDeviceId: string }>('sync.status', {})
  expect((await hqCall(hq.url, 'admin.devices.revoke', { deviceId: hqDeviceId }, hq.adminToken)).status).toBe(
    200,
  )
  // Work done after the revocation stays on the laptop.
  await api('factories.create', { name: '泉州恒利纸品', province: '福建', city: '泉州' })
  expect((await api<{ outcome: string }>('sync.now', {})).outcome).toBe('unauthorized')
})

test.afterAll(async () => {
  if (laptop) await stopGently(laptop)
  await hq?.close()
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

test('the Sync screen says the laptop was revoked, when, and how to enrol again', async ({ page }) => {
  const { revokedAt } = await api<{ revokedAt: string }>('sync.status', {})
  const local = new Date(revokedAt)
  const pad = (n: number) => String(n).padStart(2, '0')
  const shown = `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())} ${pad(local.getHours())}:${pad(local.getMinutes())}`
  await page.goto(laptop.url)
  await page.getByTestId('nav-sync').click()
  const notice = page.getByTestId('sync-revoked')
  await expect(notice).toContainText(`总部已于 ${shown} 撤销本机的登记`)
  await expect(notice).toContainText('尚未上传的 1 条记录也会保留')
  await expect(notice).toContainText('请向总部管理员要一个新的登记码')
  await page.screenshot({ path: 'resources/screenshots/sync-revoked-zh.png', fullPage: true })
  await page.getByRole('link', { name: '前往设置重新登记' }).click()
  // Settings offers the enrolment form again, with HQ's address filled in.
  await expect(page.getByTestId('hq-settings')).toBeVisible()
  await expect(page.getByTestId('hq-settings').getByRole('textbox').first()).toHaveValue(hq.url)
})

test('reads the same in English', async ({ page }) => {
  await page.goto(laptop.url)
  await page.getByTestId('language-switch').getByText('English').click()
  await page.getByTestId('nav-sync').click()
  const notice = page.getByTestId('sync-revoked')
  await expect(notice).toContainText('HQ revoked this laptop’s enrolment on')
  await expect(notice).toContainText('including what is not yet sent (records: 1)')
  await expect(notice).toContainText('Ask the HQ administrator for a new enrolment code')
  await page.screenshot({ path: 'resources/screenshots/sync-revoked-en.png', fullPage: true })
  await page.getByTestId('language-switch').getByText('中文').click()
})
