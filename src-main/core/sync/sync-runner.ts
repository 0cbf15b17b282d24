import type { SyncPhase, SyncProgress, SyncReport } from './sync.contract'
import { countUnsent, SyncCancelledError, syncNow, type SyncDeps } from './sync.service'
import { readSetting, SETTING } from './sync.settings'

/**
 * Sync as a single-flight job, like the PDF export jobs: one run at a time per laptop, progress the
 * screen polls, and cancel that stops the run between batches or pages (every batch and page commits
 * on its own, so what was done before stays and the next run goes on from there).
 */
export interface SyncRunner {
  /** Starts a run unless one is going; answers at once. */
  start(): Promise<SyncProgress>
  /** Starts a run (or joins the one going) and resolves with its report. */
  run(): Promise<SyncReport>
  /** Where the run is, or the last finished run's report. */
  progress(): Promise<SyncProgress>
  /** Asks the running sync to stop after the step in hand. */
  cancel(): Promise<SyncProgress>
  /** Resolves once no run is going (close waits for a cancelled run to stop). */
  idle(): Promise<void>
  /** True while a run is going. */
  readonly running: boolean
}

interface Live {
  phase: SyncPhase
  toPush: number
  report: SyncReport | null
  abort: AbortController
  done: Promise<SyncReport>
}

export function createSyncRunner(deps: () => SyncDeps): SyncRunner {
  let live: Live | null = null
  let last: SyncReport | null = null

  const lastReport = async (): Promise<SyncReport | null> => {
    if (last) return last
    const stored = await readSetting(deps().db, SETTING.lastSync)
    return stored ? (JSON.parse(stored) as SyncReport) : null
  }

  const snapshot = async (): Promise<SyncProgress> => {
    const current = live
    const report = current?.report
    return {
      running: current !== null,
      phase: current ? current.phase : last ? 'done' : 'idle',
      cancelling: current?.abort.signal.aborted ?? false,
      toPush: current?.toPush ?? 0,
      pushed: report?.pushed ?? 0,
      pulled: report?.pulled ?? 0,
      applied: report?.applied ?? 0,
      conflicts: report?.conflicts ?? 0,
      photosUp: report?.photosUp ?? 0,
      photosDown: report?.photosDown ?? 0,
      startedAt: report?.startedAt ?? null,
      last: await lastReport(),
    }
  }

  const begin = (): Live => {
    if (live) return live
    const runDeps = deps()
    const abort = new AbortController()
    const job: Live = { phase: 'pushing', toPush: 0, report: null, abort, done: Promise.resolve(null!) }
    job.done = (async () => {
      try {
        job.toPush = await countUnsent(runDeps.db)
        const report = await syncNow(runDeps, {
          signal: abort.signal,
          onProgress: (phase, sofar) => {
            job.phase = phase
            job.report = { ...sofar }
          },
        })
        last = report
        return report
      } finally {
        live = null
      }
    })()
    live = job
    return job
  }

  return {
    async start() {
      begin().done.catch(() => undefined)
      return snapshot()
    },
    run: () => begin().done,
    progress: snapshot,
    async cancel() {
      live?.abort.abort(new SyncCancelledError())
      return snapshot()
    },
    async idle() {
      await live?.done.catch(() => undefined)
    },
    get running() {
      return live !== null
    },
  }
}
