import { createHash, randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { parseChannelYaml } from '../../src-hq/updates/update-feed'
import { freePort, mintHqCode, startHqProcess, stopGently, type HqProcess } from './support/processes'

/**
 * Publishing an update through HQ's console, in real Chromium against a real HQ (`npm run hq` on a
 * fresh data directory): the admin picks an installer build, HQ refuses a wrong file or a missing
 * version in words, takes the right one with its progress, lists it — and the latest.yml a laptop
 * fetches with its device token names it with the sha512 and size of the bytes uploaded.
 */

const SHOTS = 'resources/screenshots'
const EXE = 'Sourcing-Workbench-Setup-0.2.0.exe'

let hq: HqProcess
let hqUrl = ''
let dataDir = ''
let filesDir = ''
const installer = randomBytes(4 * 1024 * 1024 + 123)

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'workbench-hq-updates-e2e-'))
  filesDir = mkdtempSync(join(tmpdir(), 'workbench-hq-updates-files-'))
  writeFileSync(join(filesDir, EXE), installer)
  writeFileSync(join(filesDir, 'release-notes.txt'), 'not an installer')
  hq = await startHqProcess(dataDir, await freePort())
  hqUrl = hq.url
})

test.afterAll(async () => {
  if (hq) await stopGently(hq)
  rmSync(dataDir, { recursive: true, force: true })
  rmSync(filesDir, { recursive: true, force: true })
})

const adminToken = () => readFileSync(join(dataDir, 'admin-token'), 'utf8').trim()

async function login(page: Page): Promise<void> {
  await page.goto(hqUrl)
  await page.getByTestId('login-token').fill(adminToken())
  await page.getByTestId('login-submit').click()
  await expect(page.getByTestId('console-title')).toBeVisible()
}

async function pick(page: Page, fileName: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await page.getByTestId('update-file').click()
  await (await chooser).setFiles(join(filesDir, fileName))
}

/** A device token, as a laptop gets one: enrol with a code the admin minted. */
async function enrolledDeviceToken(): Promise<string> {
  const code = await mintHqCode(dataDir)
  const enrolled = await fetch(`${hqUrl}/api/enrol`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, deviceName: '王敏的笔记本', nodeId: '00000000000000e2' }),
  })
  expect(enrolled.status).toBe(200)
  return ((await enrolled.json()) as { value: { token: string } }).value.token
}

test('an HQ admin uploads an installer on the updates page and laptops are offered it with its sha512', async ({
  page,
}) => {
  const consoleErrors: string[] = []
  page.on('console', (message) => {
    // Chromium logs each refused request (the two wrong uploads below); anything else is a fault.
    if (message.type() === 'error' && !/status of 40\d/.test(message.text()))
      consoleErrors.push(message.text())
  })
  await login(page)
  await page.getByTestId('nav-updates').click()
  await expect(page.getByRole('heading', { name: '软件更新' })).toBeVisible()
  await expect(page.getByText('总部还没有安装包：上传第一个版本')).toBeVisible()

  // A file that is not an installer: HQ's refusal, in words.
  await pick(page, 'release-notes.txt')
  await page.getByTestId('update-upload').click()
  await expect(page.getByTestId('update-error')).toContainText('不是安装包')

  // The installer without its version: refused, nothing stored.
  await pick(page, EXE)
  await expect(page.getByTestId('update-version')).toHaveValue('0.2.0')
  await page.getByTestId('update-version').fill('')
  await page.getByTestId('update-upload').click()
  await expect(page.getByTestId('update-error')).toContainText('安装包需要版本号')
  await expect(page.getByText('总部还没有安装包：上传第一个版本')).toBeVisible()

  // Over a slow link (as from a hotel), the admin watches the upload's progress.
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 20,
    downloadThroughput: -1,
    uploadThroughput: 1.5 * 1024 * 1024,
  })
  await page.getByTestId('update-version').fill('0.2.0')
  await page.getByTestId('update-upload').click()
  await expect(page.getByTestId('update-progress')).toContainText(/正在上传 [1-9]\d*%/)
  await page.screenshot({ path: `${SHOTS}/hq-console-updates-progress-zh.png` })
  await expect(page.getByText(`已上传 ${EXE}（0.2.0）`)).toBeVisible()
  await expect(page.getByTestId('update-error')).toHaveCount(0)
  const row = page.locator(`[data-testid="update-row"][data-file="${EXE}"]`)
  await expect(row).toContainText('0.2.0')
  await expect(row).toContainText('当前版本（latest.yml）')
  await expect(row).toContainText('4.0 MB')
  const sha512 = createHash('sha512').update(installer).digest('base64')
  await expect(row.getByTestId('update-sha512')).toHaveText(`${sha512.slice(0, 12)}…`)
  await page.screenshot({ path: `${SHOTS}/hq-console-updates-zh.png`, fullPage: true })

  // What a laptop reads: latest.yml over HTTP with its device token.
  const deviceToken = await enrolledDeviceToken()
  const feed = await fetch(`${hqUrl}/updates/latest.yml`, {
    headers: { authorization: `Bearer ${deviceToken}` },
  })
  expect(feed.status).toBe(200)
  const latest = parseChannelYaml(await feed.text())
  expect(latest.version).toBe('0.2.0')
  expect(latest.files).toEqual([{ url: EXE, sha512, size: installer.length }])
  expect(latest.path).toBe(EXE)
  // And the installer itself, byte for byte.
  const served = await fetch(`${hqUrl}/updates/${EXE}`, {
    headers: { authorization: `Bearer ${deviceToken}` },
  })
  expect(
    createHash('sha512')
      .update(Buffer.from(await served.arrayBuffer()))
      .digest('base64'),
  ).toBe(sha512)

  await page.getByTestId('language-switch').getByText('English').click()
  await expect(page.getByRole('heading', { name: 'Updates' })).toBeVisible()
  await expect(row).toContainText('Current (latest.yml)')
  await pick(page, 'release-notes.txt')
  await page.getByTestId('update-upload').click()
  await expect(page.getByTestId('update-error')).toContainText('Not an installer')
  await page.screenshot({ path: `${SHOTS}/hq-console-updates-en.png`, fullPage: true })
  expect(consoleErrors).toEqual([])
})
