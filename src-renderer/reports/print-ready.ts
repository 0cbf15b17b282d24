/**
 * The page tells the printers it is complete by setting data-print-ready on <html>: data loaded, charts
 * drawn, every image decoded, and every font face the text uses loaded. data-print-footer carries the
 * line the printer puts in the page footer (beside the page numbers); data-print-error says why a
 * report could not be built, so a printer fails at once instead of waiting for its timeout.
 */

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()))

/** Charts measure their box first and draw a frame later; wait until each has its SVG surface. */
async function chartsDrawn(root: HTMLElement, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs
  while (performance.now() < deadline) {
    const charts = [...root.querySelectorAll('[data-print-chart]')]
    if (charts.every((chart) => chart.querySelector('svg.recharts-surface'))) return
    await nextFrame()
  }
}

async function imagesDecoded(root: HTMLElement): Promise<void> {
  const images = [...root.querySelectorAll('img')]
  // decode() waits for the load too; a broken image must not hold the report back.
  await Promise.all(images.map((img) => img.decode().catch(() => undefined)))
}

/** Waits for charts, images and fonts, then marks the page ready with its footer line. */
export async function markReadyWhenPainted(root: HTMLElement, footer: string): Promise<void> {
  await nextFrame()
  await chartsDrawn(root, 5000)
  await imagesDecoded(root)
  // Faces are fetched per unicode range as text asks for them; ready settles once those loads finish.
  await document.fonts.ready
  await nextFrame()
  await document.fonts.ready
  document.documentElement.dataset.printFooter = footer
  document.documentElement.dataset.printReady = 'true'
}

/** Marks the page failed (unknown record, no connection), with the reason for the printer to report. */
export function markFailed(reason: string): void {
  document.documentElement.dataset.printError = reason || 'error'
}
