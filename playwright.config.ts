import { defineConfig } from '@playwright/test'
import { chromiumExecutable, CHROMIUM_ARGS } from './test/e2e/chromium'

/**
 * End-to-end tests in real Chromium (Debian's, since Playwright cannot download its own here) against
 * the browser host started by global-setup on a fresh data directory.
 */
export default defineConfig({
  testDir: 'test/e2e',
  globalSetup: './test/e2e/global-setup.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    launchOptions: { executablePath: chromiumExecutable(), args: CHROMIUM_ARGS },
    screenshot: 'only-on-failure',
    trace: 'off',
  },
})
