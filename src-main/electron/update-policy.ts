/**
 * When the desktop app looks for an update and when it offers to restart into one: pure functions over
 * plain state, so the decisions are tested in Node (updater.ts wires them to electron-updater).
 *
 * Buyers' offices and hotels may have no internet but reach HQ, so the feed is HQ's /updates/ (the
 * generic-provider layout src-hq/updates serves) and a check rides on a sync that just reached HQ.
 */

/** At most one check per this long, however often the laptop syncs. */
export const CHECK_EVERY_MS = 30 * 60_000

export type UpdatePhase = 'idle' | 'checking' | 'downloading' | 'ready' | 'failed'

export interface UpdateState {
  phase: UpdatePhase
  /** The version found (downloading) or downloaded (ready). */
  version: string | null
  /** Download progress 0–100 while downloading. */
  percent: number
  /** When the last check started (ms since epoch). */
  checkedAt: number | null
  /** The sync report a check last rode on (its finishedAt), so one sync starts one check at most. */
  afterSync: string | null
  /** English detail of the last failure, for logs. */
  error: string | null
}

export const INITIAL_UPDATE_STATE: UpdateState = {
  phase: 'idle',
  version: null,
  percent: 0,
  checkedAt: null,
  afterSync: null,
  error: null,
}

/** What electron-updater (or the app) reports. */
export type UpdateEvent =
  | { type: 'check'; at: number; afterSync: string | null }
  | { type: 'available'; version: string }
  | { type: 'none' }
  | { type: 'progress'; percent: number }
  | { type: 'downloaded'; version: string }
  | { type: 'error'; message: string }

export function nextUpdateState(state: UpdateState, event: UpdateEvent): UpdateState {
  switch (event.type) {
    case 'check':
      return { ...state, phase: 'checking', checkedAt: event.at, afterSync: event.afterSync, error: null }
    case 'available':
      return { ...state, phase: 'downloading', version: event.version, percent: 0 }
    case 'none':
      return { ...state, phase: 'idle', version: null, percent: 0 }
    case 'progress':
      return state.phase === 'downloading'
        ? { ...state, percent: Math.max(0, Math.min(100, event.percent)) }
        : state
    case 'downloaded':
      return { ...state, phase: 'ready', version: event.version, percent: 100 }
    case 'error':
      // A downloaded update stays offered: a later failed check does not take it back.
      return state.phase === 'ready'
        ? { ...state, error: event.message }
        : { ...state, phase: 'failed', percent: 0, error: event.message }
    default: {
      const never: never = event
      throw new Error(`unknown update event ${JSON.stringify(never)}`)
    }
  }
}

/** What the check decision looks at. */
export interface CheckInputs {
  /** Only an installed app updates itself (electron-updater needs its app-update layout). */
  packaged: boolean
  /** HQ's address and the device token, or null while not enrolled. */
  hq: { url: string; token: string } | null
  /** The last finished sync: its outcome and when it finished. */
  lastSync: { outcome: string; finishedAt: string } | null
  now: number
}

/**
 * Check when an installed, enrolled app has just synced with HQ successfully (HQ is reachable now),
 * at most every CHECK_EVERY_MS, and not while a check or download runs or an update waits to install.
 */
export function shouldCheck(state: UpdateState, inputs: CheckInputs): boolean {
  if (!inputs.packaged || !inputs.hq || !inputs.lastSync) return false
  if (inputs.lastSync.outcome !== 'ok' || inputs.lastSync.finishedAt === state.afterSync) return false
  if (state.phase !== 'idle' && state.phase !== 'failed') return false
  return state.checkedAt === null || inputs.now - state.checkedAt >= CHECK_EVERY_MS
}

/** What keeps a restart from happening now. */
export interface BusyWork {
  /** A sync is running (a restart would cut it between batches). */
  syncing: boolean
  /** A PDF or archive export or an archive opening is running (its file would be left unfinished). */
  exporting: boolean
}

export interface RestartOffer {
  /** Show "重启以更新 / Restart to update" now. */
  offer: boolean
  /** The version a restart installs. */
  version: string | null
  /** Why the offer waits, when an update is ready but work runs. */
  waitingFor: 'sync' | 'export' | null
}

/** Offer the restart once an update is downloaded and verified, never while a sync or an export runs. */
export function restartOffer(state: UpdateState, busy: BusyWork): RestartOffer {
  if (state.phase !== 'ready') return { offer: false, version: null, waitingFor: null }
  const waitingFor = busy.syncing ? 'sync' : busy.exporting ? 'export' : null
  return { offer: waitingFor === null, version: state.version, waitingFor }
}

/** HQ's update feed for electron-updater's generic provider. */
export function updateFeedUrl(hqUrl: string): string {
  return `${hqUrl.replace(/\/+$/, '')}/updates/`
}
