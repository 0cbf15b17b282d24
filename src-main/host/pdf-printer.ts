/**
 * Printing a report page to PDF, the same way in both hosts: the renderer's print page (its own React
 * components and print stylesheet) is loaded by a Chromium the host controls, which waits for the page's
 * data-print-ready mark and prints it to A4. The browser host drives the system Chromium with
 * playwright-core; the Electron shell uses a hidden window and webContents.printToPDF.
 */

export const PRINT_KINDS = [
  'sample',
  'visit',
  'tour',
  'tour-summary',
  'tour-itinerary',
  'sku',
  'negotiation-sku',
  'negotiation-factory',
] as const
/** What a print page shows (see src-renderer/reports/print-route.ts, which parses these addresses). */
export type PrintKind = (typeof PRINT_KINDS)[number]
export const PRINT_LANGUAGES = ['zh-CN', 'en'] as const
export type PrintLanguage = (typeof PRINT_LANGUAGES)[number]

/** One page to print. */
export interface PrintTarget {
  /** Which report. */
  kind: PrintKind
  /** The sample, visit or tour id. */
  id: string
  /** The report's language. */
  language: PrintLanguage
  /** A PDF (A4), or a PNG of the page laid out as a phone-sized card; PDF when absent. */
  output?: 'pdf' | 'png'
  /** The tour day a tour's itinerary is printed for, 'YYYY-MM-DD'; every day when absent. */
  day?: string
}

/** The renderer's address of a print page: '#/print/sample/<id>?lang=zh-CN' (…&card=1 for a PNG card). */
export function printHash(target: PrintTarget): string {
  const card = target.output === 'png' ? '&card=1' : ''
  const day = target.day ? `&day=${encodeURIComponent(target.day)}` : ''
  return `#/print/${target.kind}/${encodeURIComponent(target.id)}?lang=${encodeURIComponent(target.language)}${card}${day}`
}

/** The phone a PNG card is laid out for (CSS px), and its pixel density. */
export const CARD_VIEWPORT = { width: 390, height: 844 }
export const CARD_SCALE = 2

/** Progress of one page while it loads: reports gathered of the reports it shows (a tour's samples). */
export type PageProgress = (done: number, total: number) => void

/** A host's way of turning a print page into PDF bytes. */
export interface PdfPrinter {
  /**
   * Prints one report page (PDF bytes, or PNG bytes for output 'png'); rejects when the page reports an
   * error or is not ready in time.
   */
  print(
    target: PrintTarget,
    options?: { signal?: AbortSignal; onProgress?: PageProgress },
  ): Promise<Uint8Array>
  /** Releases the browser or window (a batch shares one; the next print starts another). */
  close(): Promise<void>
}

/** How long a print page may take to load its data, photos and fonts. */
export const PRINT_READY_TIMEOUT_MS = 30_000

/** Width of the A4 content box (210 mm − 2 × 12 mm) in CSS pixels: the page lays out as it prints. */
export const PRINT_VIEWPORT = { width: 703, height: 1000 }

/**
 * Chromium's footer: the page's own line (ASCII, since the footer cannot use web fonts) and
 * "page / pages". Inline styles only; the footer is rendered apart from the page.
 */
export function footerTemplate(line: string): string {
  const escaped = line.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
  return (
    '<div style="width:100%;font-size:7.5px;color:#6a737d;padding:0 12mm;display:flex;' +
    'justify-content:space-between;font-family:Arial,Helvetica,sans-serif">' +
    `<span>${escaped}</span>` +
    '<span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>'
  )
}

/** The print page's ready protocol, read from <html> by both printers every POLL_MS. */
export const READY_SCRIPT = `(() => {
  const d = document.documentElement.dataset
  if (d.printError) return { error: d.printError }
  if (d.printReady) return { footer: d.printFooter || '' }
  return { progress: d.printProgress || '' }
})()`
export const POLL_MS = 50

/** What READY_SCRIPT returns: failed, ready with its footer line, or still loading ('3/20' reports). */
export type ReadyState = { error: string } | { footer: string } | { progress: string }

/** Reads '3/20' into onProgress; ignores anything else. */
export function reportPageProgress(progress: string, onProgress: PageProgress | undefined): void {
  const match = /^(\d+)\/(\d+)$/.exec(progress)
  if (match && onProgress) onProgress(Number(match[1]), Number(match[2]))
}

/** Thrown when no Chromium can be found; the UI then offers the browser's own print dialog. */
export class NoChromiumError extends Error {
  constructor() {
    super('no Chromium found: set CHROMIUM_PATH or install chromium')
  }
}

/** Thrown when an export is cancelled. */
export class PrintCancelledError extends Error {
  constructor() {
    super('cancelled')
  }
}
