import { describe, expect, it, vi } from 'vitest'
import { closeBeforeQuit, QUIT_CLOSE_LIMIT_MS, type QuitApp } from './quit'

/** An app whose will-quit the test fires, recording exits. */
function fakeApp() {
  let listener: ((event: { preventDefault(): void }) => void) | null = null
  const exits: number[] = []
  const app: QuitApp = {
    on: (_event, l) => (listener = l),
    exit: (code = 0) => void exits.push(code),
  }
  const quit = () => {
    const preventDefault = vi.fn()
    listener!({ preventDefault })
    return preventDefault
  }
  return { app, exits, quit }
}

describe('quitting the desktop app', () => {
  it('exits only after the core has closed, then releases the data folder', async () => {
    const { app, exits, quit } = fakeApp()
    const order: string[] = []
    let finishClose!: () => void
    closeBeforeQuit(app, {
      close: () => new Promise<void>((resolve) => (finishClose = () => (order.push('closed'), resolve()))),
      finally: () => order.push('released'),
    })
    expect(quit()).toHaveBeenCalledOnce()
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(exits).toEqual([])
    finishClose()
    await vi.waitFor(() => expect(exits).toEqual([0]))
    expect(order).toEqual(['closed', 'released'])
  })

  it('exits after the time limit when the close hangs, and says so', async () => {
    vi.useFakeTimers()
    try {
      const { app, exits, quit } = fakeApp()
      const problems: unknown[] = []
      const close = vi.fn(() => new Promise<void>(() => {}))
      closeBeforeQuit(app, { close, onProblem: (p) => problems.push(p) })
      quit()
      quit()
      await vi.advanceTimersByTimeAsync(QUIT_CLOSE_LIMIT_MS - 1)
      expect(exits).toEqual([])
      await vi.advanceTimersByTimeAsync(1)
      expect(exits).toEqual([0])
      expect(problems).toEqual(['timeout'])
      expect(close).toHaveBeenCalledOnce()
    } finally {
      vi.useRealTimers()
    }
  })

  it('exits when the close fails, with the error reported', async () => {
    const { app, exits, quit } = fakeApp()
    const problems: unknown[] = []
    closeBeforeQuit(app, {
      close: async () => {
        throw new Error('disk gone')
      },
      onProblem: (p) => problems.push(p),
    })
    quit()
    await vi.waitFor(() => expect(exits).toEqual([0]))
    expect(String(problems[0])).toContain('disk gone')
  })
})
