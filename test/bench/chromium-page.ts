import { chromium, type Browser, type Page } from 'playwright-core'
import { CHROMIUM_ARGS, chromiumExecutable } from '../e2e/chromium'

/** Test ids the renderer's factory list carries (see src-renderer/factories). */
export const ROW_SELECTOR = '[data-testid="factory-row"]'
export const LIST_SELECTOR = '[data-testid="factory-list"]'

/** Debian's Chromium, headless, with the e2e flags; null (with the reason) when it is not installed. */
export async function launchChromium(): Promise<{ browser: Browser } | { reason: string }> {
  const executablePath = chromiumExecutable()
  if (!executablePath) return { reason: 'no Chromium found (set CHROMIUM_PATH)' }
  return { browser: await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true }) }
}

/**
 * Records in the page, relative to its navigation start, when the first factory row is in the DOM and
 * the frame after it (the paint) has started — without Playwright's polling in the figure.
 */
const FIRST_ROW_PROBE = `(() => {
  const mark = () => {
    if (window.__firstRowMs !== undefined || !document.querySelector('${ROW_SELECTOR}')) return false
    window.__firstRowMs = null
    requestAnimationFrame(() => { window.__firstRowMs = performance.now() })
    return true
  }
  const observer = new MutationObserver(() => { if (mark()) observer.disconnect() })
  observer.observe(document, { childList: true, subtree: true })
})()`

/** A page that reports when its first factory row paints (see firstRowMs). */
export async function newProbedPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
  await context.addInitScript({ content: FIRST_ROW_PROBE })
  return context.newPage()
}

/**
 * Milliseconds from the page's navigation start to its first painted factory row. Polls from Node:
 * the app's CSP (rightly) forbids the string evaluation waitForFunction would need.
 */
export async function firstRowMs(page: Page, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = (await page.evaluate('window.__firstRowMs')) as number | null | undefined
    if (typeof value === 'number') return value
    if (Date.now() > deadline) throw new Error(`no ${ROW_SELECTOR} painted within ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/**
 * Scrolls the list container by `stepPx` every animation frame for `frames` frames and returns the
 * frame-to-frame times (ms). With `stepPx` 0 it measures idle frames: the display's own cadence.
 */
export async function scrollFrameTimes(page: Page, frames: number, stepPx: number): Promise<number[]> {
  return (await page.evaluate(`new Promise((resolve) => {
    const list = document.querySelector('${LIST_SELECTOR}')
    const deltas = []
    let last = 0
    const tick = (now) => {
      if (last) deltas.push(now - last)
      last = now
      if (deltas.length >= ${frames}) return resolve(deltas)
      if (list.scrollTop + list.clientHeight >= list.scrollHeight - 1) list.scrollTop = 0
      else list.scrollTop += ${stepPx}
      requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  })`)) as number[]
}

/** Elements inside the list container (what the virtualizer keeps in the DOM). */
export async function listNodeCount(page: Page): Promise<number> {
  return (await page.evaluate(
    `document.querySelector('${LIST_SELECTOR}').querySelectorAll('*').length`,
  )) as number
}

/** When (ms after navigation start) a page's request to `path` started and how long it took. */
export async function requestTiming(
  page: Page,
  path: string,
): Promise<{ startMs: number; durationMs: number } | null> {
  return (await page.evaluate(`(() => {
    const entry = performance.getEntriesByType('resource').find((e) => new URL(e.name).pathname === '${path}')
    return entry ? { startMs: entry.startTime, durationMs: entry.responseEnd - entry.startTime } : null
  })()`)) as { startMs: number; durationMs: number } | null
}
