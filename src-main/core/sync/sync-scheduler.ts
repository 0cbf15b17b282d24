import type { Kysely } from 'kysely'
import type { DB } from '../db/schema'
import { hqReachable } from './hq-client'
import type { SyncRunner } from './sync-runner'
import type { SyncReport } from './sync.contract'
import { countUnsent } from './sync.service'
import { readSetting, SETTING } from './sync.settings'

/** Default pause between checks, and the age after which a laptop with nothing to send pulls anyway. */
export const AUTO_SYNC_EVERY_MS = 60_000
export const AUTO_SYNC_STALE_MS = 5 * 60_000

export interface SyncSchedulerOptions {
  db: Kysely<DB>
  runner: SyncRunner
  now: () => Date
  /** Pause between checks; 0 turns automatic sync off. */
  everyMs: number
  /** A laptop with nothing unsent syncs once its last good sync is older than this. */
  staleMs?: number
  /** Probes HQ (tests may stub the network); defaults to HQ's health route. */
  reachable?: (hqUrl: string) => Promise<boolean>
}

/** What one check decided. */
export type SchedulerDecision = 'not_enrolled' | 'busy' | 'offline' | 'up_to_date' | 'synced'

export interface SyncScheduler {
  /** One check now (the timer calls it; tests call it directly). */
  tick(): Promise<SchedulerDecision>
  /** Stops the timer and resolves once a check in flight has finished (the database can then close). */
  stop(): Promise<void>
}

/**
 * Automatic sync when HQ is reachable: every `everyMs` an enrolled laptop probes HQ's health route and,
 * when HQ answers and there is something to send or the last good sync is stale (or the last one
 * failed), runs a sync through the runner, so it never overlaps a sync the user started.
 */
export function startSyncScheduler(options: SyncSchedulerOptions): SyncScheduler {
  const staleMs = options.staleMs ?? AUTO_SYNC_STALE_MS
  const reachable = options.reachable ?? ((url: string) => hqReachable(url))
  let timer: NodeJS.Timeout | undefined
  let stopped = false
  let inFlight: Promise<unknown> = Promise.resolve()

  const tick = async (): Promise<SchedulerDecision> => {
    const [hqUrl, token, lastText] = await Promise.all(
      [SETTING.hqUrl, SETTING.token, SETTING.lastSync].map((key) => readSetting(options.db, key)),
    )
    if (!hqUrl || !token) return 'not_enrolled'
    if (options.runner.running) return 'busy'
    if (!(await reachable(hqUrl))) return 'offline'
    const last = lastText ? (JSON.parse(lastText) as SyncReport) : null
    const age = last ? options.now().getTime() - Date.parse(last.finishedAt) : Infinity
    // A failed run is retried as soon as HQ answers; one the user cancelled is not forced again.
    const failed = last !== null && last.outcome !== 'ok' && last.outcome !== 'cancelled'
    const due = !last || failed || age >= staleMs || (await countUnsent(options.db)) > 0
    if (!due) return 'up_to_date'
    if (options.runner.running || stopped) return 'busy'
    await options.runner.run()
    return 'synced'
  }

  const schedule = () => {
    if (stopped) return
    timer = setTimeout(() => {
      inFlight = tick()
        .catch((error: unknown) => console.error('[sync] automatic sync failed:', error))
        .finally(schedule)
    }, options.everyMs)
    // The timer never keeps the process alive on its own.
    timer.unref()
  }
  if (options.everyMs > 0) schedule()
  return {
    tick,
    stop: async () => {
      stopped = true
      clearTimeout(timer)
      await inFlight
    },
  }
}
