import type {
  DuplicateAction,
  ImportKind,
  ImportProgress,
  QuoteImportTarget,
} from '@core/imports/imports.contract'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useApiContext } from '../api/api-context'

/** Where a commit stands, as the dialog shows it. */
export type CommitState =
  | { phase: 'idle' }
  | { phase: 'running'; progress: ImportProgress; cancelling: boolean }
  | { phase: 'imported'; imported: number; updated: number; skipped: number }
  | { phase: 'cancelled' }
  | { phase: 'failed'; error: unknown }

const POLL_MS = 150

/**
 * Runs imports.commit and, while it runs, polls imports.progress (which reads no database, so it
 * answers during the import's transaction). Cancel asks the core to roll back.
 */
export function useImportCommit(importId: string | null) {
  const { client, invalidate } = useApiContext()
  const [state, setState] = useState<CommitState>({ phase: 'idle' })
  const timer = useRef<ReturnType<typeof setInterval> | null>(null)

  const stopPolling = () => {
    if (timer.current) clearInterval(timer.current)
    timer.current = null
  }
  useEffect(() => stopPolling, [])

  const commit = useCallback(
    async (request: {
      kind: ImportKind
      headerRow: number
      mapping: (string | null)[]
      excludedRows: number[]
      duplicates: { row: number; action: DuplicateAction }[]
      target?: QuoteImportTarget
    }) => {
      if (!importId) return
      setState({ phase: 'running', progress: { state: 'running', done: 0, total: 0 }, cancelling: false })
      timer.current = setInterval(() => {
        client.call('imports.progress', { importId }).then(
          (progress) =>
            setState((s) => (s.phase === 'running' && progress.state === 'running' ? { ...s, progress } : s)),
          () => {},
        )
      }, POLL_MS)
      try {
        const result = await client.call('imports.commit', { importId, ...request })
        stopPolling()
        if (result.outcome === 'imported') {
          setState({
            phase: 'imported',
            imported: result.imported,
            updated: result.updated,
            skipped: result.skipped,
          })
          invalidate()
        } else setState({ phase: 'cancelled' })
      } catch (error) {
        stopPolling()
        setState({ phase: 'failed', error })
      }
    },
    [client, importId, invalidate],
  )

  const cancel = useCallback(async () => {
    if (!importId) return
    setState((s) => (s.phase === 'running' ? { ...s, cancelling: true } : s))
    await client.call('imports.cancel', { importId }).catch(() => {})
  }, [client, importId])

  const reset = useCallback(() => setState({ phase: 'idle' }), [])

  return { state, commit, cancel, reset }
}
