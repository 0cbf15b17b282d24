import { useEffect } from 'react'

/**
 * Loads the bundled font's stylesheet once the first screen has painted. It declares ~300 unicode-range
 * faces and parsing it costs ~40 ms, which used to land before the first render; until it arrives the
 * system CJK font (next in the theme's stack) shows, and the bundled one swaps in over it.
 */
export function useFontsAfterFirstPaint(): void {
  useEffect(() => {
    // Effects run after the commit: the next animation frame is the one that paints it, and a task
    // queued from that frame runs once the frame is out.
    let timer = 0
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => void import('./fonts'))
    })
    return () => {
      cancelAnimationFrame(frame)
      window.clearTimeout(timer)
    }
  }, [])
}
