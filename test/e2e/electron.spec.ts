import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'
import {
  electronAbi,
  electronNativeBindingPath,
  findElectronBinary,
} from '../../src-main/launcher/electron-binary.mjs'

/**
 * The desktop shell end to end, where Electron's binary exists. Elsewhere (offline machines, CI without the
 * binary) the test is skipped and says why; everything behind the shell is covered by the browser host tests.
 */
const root = join(__dirname, '..', '..')
const binary = findElectronBinary(root)
const abi = electronAbi(root)
const skipReason = !binary.path
  ? `Electron binary not installed: ${binary.reason}`
  : !abi || !existsSync(electronNativeBindingPath(root, abi))
    ? "better-sqlite3 is not built for Electron's ABI (npm run setup:electron needs the internet)"
    : null

test.describe('Electron desktop app', () => {
  test.skip(skipReason !== null, skipReason ?? '')
  if (skipReason) console.log(`[electron e2e] skipped — ${skipReason}`)

  test('opens the workbench window locked down, with demo factories', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'workbench-electron-'))
    // WORKBENCH_NO_EXTERNAL: links are logged, never handed to the system's browser or image viewer.
    const app = await electron.launch({
      executablePath: binary.path!,
      args: [root, '--data-dir', dataDir],
      env: { ...process.env, WORKBENCH_NO_EXTERNAL: '1' },
    })
    try {
      const page = await app.firstWindow()
      await expect(page).toHaveTitle(/源选采购工作台/)
      // Navigation away from the app is blocked.
      await page.evaluate(() => {
        location.href = 'https://example.com/'
      })
      await page.waitForTimeout(500)
      expect(page.url()).toMatch(/^app:\/\/workbench\//)
      const errors: string[] = []
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text())
      })
      // The renderer cannot reach Node.
      expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe(
        'undefined',
      )
      expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe(
        'undefined',
      )
      // window.open is refused.
      expect(await page.evaluate(() => window.open('https://example.com') === null)).toBe(true)
      expect(app.windows()).toHaveLength(1)
      // The typed API works through the preload.
      const info = await page.evaluate(() =>
        (
          window as unknown as {
            workbench: { call(n: string, i: unknown): Promise<{ ok: boolean; value: { host: string } }> }
          }
        ).workbench.call('app.info', {}),
      )
      expect(info.ok && info.value.host).toBe('electron')
      await page.locator('a[href="#/factories"], [data-nav="factories"]').first().click()
      await expect(page.getByTestId('factory-row').first()).toBeVisible()
      expect(errors).toEqual([])
    } finally {
      await app.close()
    }
  })
})
