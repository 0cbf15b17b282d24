import { expect, test } from '@playwright/test'
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { HQ_DATABASE_FILE, startHq, type Hq } from '../../src-hq/hq'
import { countMessages } from '../../src-hq/messages.repository'
import { startBrowserHost, type BrowserHost, stopGently } from './support/processes'

/**
 * HQ restored from yesterday's copy of its database: the laptop's next sync (Sync now on its Sync
 * screen) finds HQ lacking what it had sent, sends it again and says so; HQ then holds everything.
 */
let hq: Hq
let laptop: BrowserHost
const dirs: string[] = []
let hqDir: string

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

const file = () => join(hqDir, HQ_DATABASE_FILE)

test.beforeAll(async () => {
  hqDir = mkdtempSync(join(tmpdir(), 'workbench-e2e-hq-'))
  const laptopDir = mkdtempSync(join(tmpdir(), 'workbench-e2e-laptop-'))
  dirs.push(hqDir, laptopDir)
  hq = await startHq({ dataDir: hqDir, host: '127.0.0.1', port: 0 })
  const port = hq.port
  laptop = await startBrowserHost(laptopDir, ['--sync-every', '0', '--no-demo'])
  await api('sync.enrol', { hqUrl: hq.url, code: hq.firstCode!.code, deviceName: '李娜的笔记本' })
  await api('factories.create', { name: '晋江恒安纸业', province: '福建', city: '晋江' })
  expect((await api<{ outcome: string }>('sync.now', {})).outcome).toBe('ok')
  // Yesterday's backup, taken as the README says: HQ stopped, its data copied.
  await hq.close()
  copyFileSync(file(), `${file()}.yesterday`)
  hq = await startHq({ dataDir: hqDir, host: '127.0.0.1', port })
  await api('factories.create', { name: '泉州恒利纸品', province: '福建', city: '泉州' })
  expect((await api<{ outcome: string }>('sync.now', {})).outcome).toBe('ok')
  // HQ's disk dies; yesterday's copy goes back.
  await hq.close()
  for (const suffix of ['-wal', '-shm']) if (existsSync(file() + suffix)) rmSync(file() + suffix)
  copyFileSync(`${file()}.yesterday`, file())
  hq = await startHq({ dataDir: hqDir, host: '127.0.0.1', port })
})

test.afterAll(async () => {
  if (laptop) await stopGently(laptop)
  await hq?.close()
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

test('Sync now heals HQ restored from a backup and says what went up again', async ({ page }) => {
  const lacking = await countMessages(hq.database.db)
  await page.goto(laptop.url)
  await page.getByTestId('nav-sync').click()
  const before = await page.getByTestId('sync-last').textContent()
  await page.getByTestId('sync-now').click()
  await expect(page.getByTestId('sync-last')).not.toHaveText(before!, { timeout: 30_000 })
  await expect(page.getByTestId('sync-last')).toHaveAttribute('data-outcome', 'ok')
  // The factory made after the backup: its 17 fields (its contacts are rows of their own now).
  await expect(page.getByTestId('sync-resent')).toHaveText(
    '总部缺少本机之前已上传的 17 条修改（总部从备份恢复过，或换了总部），本次已重新上传',
  )
  await expect(page.getByTestId('sync-count-pushed')).toContainText('17')
  expect(await countMessages(hq.database.db)).toBe(lacking + 17)
  await page.screenshot({ path: 'resources/screenshots/sync-restored-hq-zh.png', fullPage: true })
})
