import { useCallback, useEffect, useRef, useState } from 'react'
import type { CallResult } from '@core/api/contract'
import { useApiContext } from '../api/api-context'

export type SyncProgress = CallResult<'sync.progress'>

/** Polling pace: quick while a sync runs, slow otherwise (an automatic sync may start any time). */
const RUNNING_POLL_MS = 400
const IDLE_POLL_MS = 10_000

/** The sync in progress (or the last one), and starting and cancelling it. */
export interface SyncControl {
  progress: SyncProgress | undefined
  /** Starts a sync (or follows the one running); failures (not enrolled) land in `error`. */
  start(): Promise<void>
  cancel(): Promise<void>
  /** Why the last start failed. */
  error: unknown
}

/**
 * Follows the core's single sync run. When a run that changed something finishes (started here,
 * elsewhere or by the automatic scheduler) every loaded result is marked stale, so lists show what came
 * down and the unsent count what went up.
 */
export function useSyncProgress(): SyncControl {
  const { client, invalidate } = useApiContext()
  const [progress, setProgress] = useState<SyncProgress>()
  const [error, setError] = useState<unknown>()
  const [kick, setKick] = useState(0)
  const lastFinished = useRef<string | null | undefined>(undefined)

  const accept = useCallback(
    (next: SyncProgress) => {
      const finished = next.last?.finishedAt ?? null
      const report = next.last
      // A run that moved nothing (the five-minute check) leaves open forms and lists alone.
      const changed =
        report !== null && report.pushed + report.applied + report.conflicts + report.rejected > 0
      if (lastFinished.current !== undefined && finished !== lastFinished.current && changed) invalidate()
      lastFinished.current = finished
      setProgress(next)
    },
    [invalidate],
  )

  useEffect(() => {
    let alive = true
    let timer: ReturnType<typeof setTimeout> | undefined
    const poll = async () => {
      let running = false
      try {
        const next = await client.call('sync.progress', {})
        if (!alive) return
        accept(next)
        running = next.running
      } catch {
        // The next poll tries again; the screen keeps what it showed.
      }
      if (alive) timer = setTimeout(() => void poll(), running ? RUNNING_POLL_MS : IDLE_POLL_MS)
    }
    void poll()
    return () => {
      alive = false
      clearTimeout(timer)
    }
  }, [client, accept, kick])

  const start = useCallback(async () => {
    setError(undefined)
    try {
      accept(await client.call('sync.start', {}))
      setKick((k) => k + 1)
    } catch (caught) {
      setError(caught)
    }
  }, [client, accept])

  const cancel = useCallback(async () => {
    accept(await client.call('sync.cancel', {}))
  }, [client, accept])

  return { progress, start, cancel, error }
}
