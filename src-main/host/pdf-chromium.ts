import { existsSync } from 'node:fs'
import type { Browser, chromium as Chromium } from 'playwright-core'
import {
  CARD_SCALE,
  CARD_VIEWPORT,
  footerTemplate,
  NoChromiumError,
  PRINT_READY_TIMEOUT_MS,
  POLL_MS,
  PRINT_VIEWPORT,
  PrintCancelledError,
  printHash,
  READY_SCRIPT,
  reportPageProgress,
  type PdfPrinter,
  type ReadyState,
} from './pdf-printer'

/** A variable, so the bundler leaves the import to Node. */
const PLAYWRIGHT = 'playwright-core'

/** Flags that keep a system Chromium quiet offline, as root and in containers. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
]

/** The system Chromium (or Chrome): CHROMIUM_PATH, else the usual install locations. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = [
    env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
  ]
  return candidates.find((p): p is string => !!p && existsSync(p))
}

export interface ChromiumPrinterOptions {
  /** The browser host's origin, e.g. http://127.0.0.1:5173 */
  origin: string
  /** The launch secret the print page's API calls need. */
  secret: string
  /** Chromium to launch; found with findChromium() when left out. */
  executablePath?: string
  /** Print-size bytes of a photo (see pdf-photos.ts); without it previews are printed as they are. */
  printPhoto?: (sha256: string) => Promise<Buffer | null>
}

/** The print page asks for photos as /photos/<sha256>/preview?print; the printer answers those itself. */
const PRINT_PHOTO = /\/photos\/([0-9a-f]{64})\/preview\?print$/

/** Rejects as soon as the signal aborts. */
function aborted(signal: AbortSignal | undefined): Promise<never> {
  return new Promise((_resolve, reject) => {
    if (signal?.aborted) reject(new PrintCancelledError())
    signal?.addEventListener('abort', () => reject(new PrintCancelledError()), { once: true })
  })
}

/**
 * Prints with the system Chromium through playwright-core. One browser serves a whole batch (launched on
 * the first print, closed by close()); each report gets its own page. The secret reaches the page
 * through sessionStorage before any script runs, never through the address.
 */
export function createChromiumPrinter(options: ChromiumPrinterOptions): PdfPrinter {
  let browser: Promise<Browser> | null = null
  // A batch prints the same photos more than once (a tour, then its samples): scale each once.
  const scaled = new Map<string, Promise<Buffer | null>>()
  const launch = async (): Promise<Browser> => {
    const executablePath = options.executablePath ?? findChromium()
    if (!executablePath) throw new NoChromiumError()
    // Loaded on first use from node_modules, never bundled (its own files locate each other at run time).
    const { chromium } = (await import(/* @vite-ignore */ PLAYWRIGHT)) as { chromium: typeof Chromium }
    return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true })
  }
  return {
    async print(target, { signal, onProgress } = {}): Promise<Uint8Array> {
      if (signal?.aborted) throw new PrintCancelledError()
      browser ??= launch()
      const card = target.output === 'png'
      const page = await (
        await browser
      ).newPage(
        card ? { viewport: CARD_VIEWPORT, deviceScaleFactor: CARD_SCALE } : { viewport: PRINT_VIEWPORT },
      )
      try {
        const work = async () => {
          const printPhoto = options.printPhoto
          if (printPhoto) {
            await page.route(PRINT_PHOTO, async (route) => {
              const sha256 = PRINT_PHOTO.exec(route.request().url())?.[1] ?? ''
              if (!scaled.has(sha256))
                scaled.set(
                  sha256,
                  printPhoto(sha256).catch(() => null),
                )
              const body = await scaled.get(sha256)
              if (body) await route.fulfill({ status: 200, contentType: 'image/jpeg', body })
              else await route.continue()
            })
          }
          await page.addInitScript((secret: string) => {
            window.sessionStorage.setItem('workbench.secret', secret)
          }, options.secret)
          await page.goto(`${options.origin}/${printHash(target)}`)
          const deadline = Date.now() + PRINT_READY_TIMEOUT_MS
          let state = (await page.evaluate(READY_SCRIPT)) as ReadyState
          while ('progress' in state) {
            if (signal?.aborted) throw new PrintCancelledError()
            if (Date.now() > deadline) throw new Error('the report page was not ready in time')
            reportPageProgress(state.progress, onProgress)
            await page.waitForTimeout(POLL_MS)
            state = (await page.evaluate(READY_SCRIPT)) as ReadyState
          }
          if ('error' in state) throw new Error(`the report could not be built: ${state.error}`)
          // The card is the page as a phone shows it, whole: a screenshot of its full height.
          if (card) return page.screenshot({ type: 'png', fullPage: true })
          return page.pdf({
            format: 'A4',
            printBackground: true,
            preferCSSPageSize: true,
            displayHeaderFooter: true,
            headerTemplate: '<span></span>',
            footerTemplate: footerTemplate(state.footer),
          })
        }
        return new Uint8Array(await Promise.race([work(), aborted(signal)]))
      } finally {
        await page.close().catch(() => undefined)
      }
    },
    async close() {
      const open = browser
      browser = null
      if (open) await (await open.catch(() => null))?.close()
    },
  }
}
