import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import type { Browser } from 'playwright-core'
import { BARE_SERVER_SCRIPT } from './baseline-pages'
import { BROWSER_HOST_ENTRY } from './build'
import { newProbedPage, ROW_SELECTOR } from './chromium-page'
import { startServer, stopServer, type StartedServer } from './processes'
import type { BenchRow } from './report'
import { summarize } from './stats'

/** How long a page may take to show rows before we call the list not measurable. */
const ROWS_TIMEOUT_MS = 10_000

interface StartSample {
  listeningMs: number
  /** Spawn to the first factory row visible; null when the page never showed one. */
  interactiveMs: number | null
}

/**
 * One cold start: a fresh page is ready before the spawn, then the clock runs from spawn to the Open
 * line and on to the first visible factory row (the app opens on the dashboard, so the page switches
 * to the factory list as soon as the app has taken its secret from the URL).
 */
async function startOnce(
  args: string[],
  browser: Browser | null,
  toFactories: boolean,
): Promise<StartSample> {
  const page = browser ? await newProbedPage(browser) : null
  let server: StartedServer | undefined
  try {
    server = await startServer(args)
    if (!page) return { listeningMs: server.listeningMs, interactiveMs: null }
    await page.goto(server.url, { waitUntil: 'domcontentloaded' })
    if (toFactories) await page.evaluate("location.hash = '#/factories'")
    try {
      await page.locator(ROW_SELECTOR).first().waitFor({ state: 'visible', timeout: ROWS_TIMEOUT_MS })
    } catch {
      return { listeningMs: server.listeningMs, interactiveMs: null }
    }
    return { listeningMs: server.listeningMs, interactiveMs: performance.now() - server.spawnedAt }
  } finally {
    if (server) await stopServer(server)
    await page?.context().close()
  }
}

/** Browser host start to listening and to the first interactive page, against a bare Node server. */
export async function benchHostStart(
  root: string,
  browser: Browser | null,
  runs: number,
): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'workbench-bench-start-'))
  const hostArgs = [join(root, BROWSER_HOST_ENTRY), '--no-open', '--data-dir', dataDir]
  try {
    // First launch creates the database and seeds the demo factories; the timed starts reuse it.
    await stopServer(await startServer(hostArgs))
    const app: StartSample[] = []
    const bare: StartSample[] = []
    await startOnce(hostArgs, browser, true) // warm the OS file cache and Chromium
    for (let i = 0; i < runs; i++) {
      app.push(await startOnce(hostArgs, browser, true))
      bare.push(await startOnce(['-e', BARE_SERVER_SCRIPT], browser, false))
    }
    const interactive = (samples: StartSample[]) => {
      const ms = samples.map((s) => s.interactiveMs)
      return ms.every((m): m is number => m !== null) ? summarize(ms) : null
    }
    const appInteractive = interactive(app)
    return [
      {
        what: 'browser host: spawn -> listening',
        value: summarize(app.map((s) => s.listeningMs)),
        baselineWhat: 'bare node http server',
        baseline: summarize(bare.map((s) => s.listeningMs)),
        target: 400,
        unit: 'ms',
        note: `${runs} cold starts each, on a data dir with the demo factories`,
      },
      {
        what: 'browser host: spawn -> factory rows shown',
        value: appInteractive,
        baselineWhat: 'bare server + static page',
        baseline: interactive(bare),
        target: 1000,
        unit: 'ms',
        note: browser
          ? appInteractive
            ? 'Chromium page opened before the spawn; clock stops when the first row is visible'
            : `not measurable yet (no ${ROW_SELECTOR} within ${ROWS_TIMEOUT_MS / 1000} s of the page opening)`
          : 'not measurable (no Chromium)',
      },
    ]
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}
