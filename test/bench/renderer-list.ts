import type { Browser, Page } from 'playwright-core'
import { join } from 'node:path'
import { plainTablePage, serveHtml, type PlainRow } from './baseline-pages'
import { BROWSER_HOST_ENTRY } from './build'
import { firstRowMs, listNodeCount, newProbedPage, requestTiming, scrollFrameTimes } from './chromium-page'
import { startServer, stopServer } from './processes'
import type { BenchRow } from './report'
import { summarize, type Timing } from './stats'

const FIRST_ROWS_TIMEOUT_MS = 15_000
const SCROLL_FRAMES = 240
const SCROLL_STEP_PX = 120
const LIST_REQUEST_PATH = '/api/factories.list'

/** What one page (ours or the baseline) measured. */
interface PageFigures {
  firstRows: Timing
  scrollFrames: Timing
  idleFrames: Timing
  nodes: number
  /** The list's API request: when it started and how long it took (absent on the plain page). */
  request: { start: Timing; duration: Timing } | null
}

/** Loads `url` `loads` times (full navigations), then scrolls the list and counts its nodes. */
async function measurePage(page: Page, url: (i: number) => string, loads: number): Promise<PageFigures> {
  const times: number[] = []
  const requests: { startMs: number; durationMs: number }[] = []
  for (let i = 0; i < loads; i++) {
    await page.goto(url(i), { waitUntil: 'commit' })
    times.push(await firstRowMs(page, FIRST_ROWS_TIMEOUT_MS))
    const request = await requestTiming(page, LIST_REQUEST_PATH)
    if (request) requests.push(request)
  }
  await page.waitForTimeout(300) // let the last load settle before timing frames
  const idle = await scrollFrameTimes(page, 60, 0)
  const scroll = await scrollFrameTimes(page, SCROLL_FRAMES, SCROLL_STEP_PX)
  return {
    firstRows: summarize(times),
    scrollFrames: summarize(scroll),
    idleFrames: summarize(idle),
    nodes: await listNodeCount(page),
    request:
      requests.length > 0
        ? {
            start: summarize(requests.map((r) => r.startMs)),
            duration: summarize(requests.map((r) => r.durationMs)),
          }
        : null,
  }
}

function notMeasurable(reason: string): BenchRow[] {
  console.log(`renderer list: not measurable yet (${reason})`)
  return ['first rows rendered', 'scroll frame', 'DOM nodes in the list'].map((what, i) => ({
    what: `renderer, 10k factories: ${what}`,
    value: null,
    baselineWhat: 'plain 10k-row HTML table',
    baseline: null,
    target: [100, 17, 500][i] ?? null,
    unit: i === 2 ? 'nodes' : 'ms',
    note: i === 0 ? `not measurable yet (${reason})` : undefined,
  }))
}

/**
 * The factory list in Chromium with the data dir's 10,000 factories, served by the real browser host:
 * navigation to first painted rows, frame times while the list scrolls, and the DOM it keeps. The
 * baseline is a plain HTML table of the same rows, measured the same way.
 */
export async function benchRendererList(
  root: string,
  browser: Browser | null,
  dataDir: string,
  plainRows: PlainRow[],
  loads: number,
): Promise<BenchRow[]> {
  if (!browser) return notMeasurable('no Chromium')
  const host = await startServer([
    join(root, BROWSER_HOST_ENTRY),
    '--no-open',
    '--no-demo',
    '--data-dir',
    dataDir,
  ])
  const baselineServer = await serveHtml(plainTablePage(plainRows))
  const appPage = await newProbedPage(browser)
  const plainPage = await newProbedPage(browser)
  try {
    // The first visit hands the app its secret (kept for the tab); timed loads then open the list directly.
    await appPage.goto(host.url, { waitUntil: 'domcontentloaded' })
    await appPage.locator('[data-testid="app-name"]').waitFor({ timeout: FIRST_ROWS_TIMEOUT_MS })
    const origin = new URL(host.url).origin
    let ours: PageFigures
    try {
      ours = await measurePage(appPage, (i) => `${origin}/?load=${i}#/factories`, loads)
    } catch (error) {
      const why = error instanceof Error ? error.message.split('\n')[0] : String(error)
      return notMeasurable(`no factory row rendered: ${why}`)
    }
    const plain = await measurePage(plainPage, (i) => `${baselineServer.url}?load=${i}`, loads)
    return [
      {
        what: 'renderer, 10k factories: first rows rendered',
        value: ours.firstRows,
        baselineWhat: 'plain 10k-row HTML table',
        baseline: plain.firstRows,
        target: 100,
        unit: 'ms',
        note:
          `navigation start to the frame after the first row is in the DOM, ${loads} loads; ` +
          (ours.request
            ? `the page asks ${LIST_REQUEST_PATH} at ${ours.request.start.p50.toFixed(0)} ms and its first reply ` +
              `takes ${ours.request.duration.p50.toFixed(0)} ms (p50)`
            : `no ${LIST_REQUEST_PATH} request seen`),
      },
      {
        what: 'renderer, 10k factories: scroll frame',
        value: ours.scrollFrames,
        baselineWhat: 'same scroll, plain table',
        baseline: plain.scrollFrames,
        target: 17,
        unit: 'ms',
        note:
          `${SCROLL_FRAMES} frames scrolling ${SCROLL_STEP_PX} px per frame; idle frames in the same page: ` +
          `${ours.idleFrames.p50.toFixed(1)} / ${ours.idleFrames.p95.toFixed(1)} ms (the display's own cadence)`,
      },
      {
        what: 'renderer, 10k factories: DOM nodes in the list',
        value: { p50: ours.nodes, p95: ours.nodes, samples: 1 },
        baselineWhat: 'plain table',
        baseline: { p50: plain.nodes, p95: plain.nodes, samples: 1 },
        target: 500,
        unit: 'nodes',
      },
    ]
  } finally {
    await appPage.context().close()
    await plainPage.context().close()
    await baselineServer.close()
    await stopServer(host)
  }
}
