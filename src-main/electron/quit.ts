/**
 * Quitting waits for the core to close: the sync in flight is cancelled, the workers stop, the last
 * checkpoint and the quit backup are written. Electron does not wait for a promise in 'will-quit', so the
 * quit is held (preventDefault), the close awaited for at most `limitMs`, then the app exits for real
 * (app.exit emits no second 'will-quit').
 */

/** How long a quit waits for the core to close before exiting anyway (a hung disk must not hang quit). */
export const QUIT_CLOSE_LIMIT_MS = 10_000

/** The part of Electron's `app` the quit needs. */
export interface QuitApp {
  on(event: 'will-quit', listener: (event: { preventDefault(): void }) => void): unknown
  exit(code?: number): void
}

export interface CloseBeforeQuitOptions {
  /** Closes the core (and whatever else must end before the process). */
  close: () => Promise<void>
  /** Runs after the close (or the limit), just before the exit: the data folder's lock is released. */
  finally?: () => void
  limitMs?: number
  /** Told when the limit ran out before the close finished, or when the close failed. */
  onProblem?: (problem: 'timeout' | Error) => void
}

/** Resolves when `work` settles or after `limitMs`, whichever is first; says which. */
export async function settleWithin(work: Promise<unknown>, limitMs: number): Promise<'done' | 'timeout'> {
  let timer: NodeJS.Timeout | undefined
  const limit = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), limitMs)
  })
  try {
    return await Promise.race([work.then(() => 'done' as const), limit])
  } finally {
    clearTimeout(timer)
  }
}

/** Holds every quit until `close` has run (once), then exits with code 0. */
export function closeBeforeQuit(app: QuitApp, options: CloseBeforeQuitOptions): void {
  let closing: Promise<void> | null = null
  app.on('will-quit', (event) => {
    event.preventDefault()
    if (closing) return
    const work = Promise.resolve().then(options.close)
    closing = settleWithin(
      work.catch((error: unknown) => {
        options.onProblem?.(error instanceof Error ? error : new Error(String(error)))
      }),
      options.limitMs ?? QUIT_CLOSE_LIMIT_MS,
    ).then((outcome) => {
      if (outcome === 'timeout') options.onProblem?.('timeout')
      options.finally?.()
      app.exit(0)
    })
  })
}
