import { ipcMain, type WebFrameMain } from 'electron'
import type { AppUpdater } from 'electron-updater'
import type { ApiResult } from '../core/api/dispatcher'
import {
  INITIAL_UPDATE_STATE,
  nextUpdateState,
  restartOffer,
  shouldCheck,
  updateFeedUrl,
  type BusyWork,
  type UpdateEvent,
  type UpdateState,
} from './update-policy'

/**
 * Updates from HQ in the installed app. After a sync that reached HQ (update-policy.ts decides), the
 * updater reads HQ's /updates/ feed with the device token, downloads a newer build in the background
 * and checks its sha512 (electron-updater does; on Windows also the installer's Authenticode publisher
 * against the publisherName electron-builder wrote into app-update.yml, verifyUpdateCodeSignature). The
 * window then offers "重启以更新 / Restart to update", never while a sync or an export runs.
 *   update:status  → { phase, version, percent, offer, waitingFor }
 *   update:restart → quits and installs (refused while work runs)
 */

/** How often the updater looks at the last sync. */
const WATCH_EVERY_MS = 15_000

export interface UpdaterOptions {
  packaged: boolean
  /** HQ's address and the device token, or null while not enrolled. */
  hq: () => Promise<{ url: string; token: string } | null>
  /** The last finished sync report (outcome, finishedAt). */
  lastSync: () => Promise<{ outcome: string; finishedAt: string } | null>
  /** What runs now (a restart waits for it). */
  busy: () => BusyWork
  trusted: (frame: WebFrameMain | null) => boolean
  /** electron-updater's autoUpdater (loaded on first check; tests pass their own). */
  load?: () => Promise<AppUpdater>
  log?: (message: string) => void
}

export interface Updater {
  state(): UpdateState
  /** Looks at the last sync and checks HQ when the policy says so. */
  tick(): Promise<void>
  stop(): void
}

const UNTRUSTED: ApiResult = {
  ok: false,
  error: { code: 'unauthorized', messageKey: 'errors.unauthorized', message: 'untrusted sender', fields: [] },
}

export function startUpdater(options: UpdaterOptions): Updater {
  let state = INITIAL_UPDATE_STATE
  let updater: AppUpdater | null = null
  const log = options.log ?? ((message: string) => console.log(`[updates] ${message}`))
  const apply = (event: UpdateEvent) => {
    state = nextUpdateState(state, event)
  }

  const load = async (): Promise<AppUpdater> => {
    if (updater) return updater
    const loaded = options.load ? await options.load() : (await import('electron-updater')).autoUpdater
    loaded.autoDownload = true
    // Installs only when the buyer restarts from the offer (never behind a quit that cut work short).
    loaded.autoInstallOnAppQuit = false
    loaded.allowDowngrade = false
    loaded.on('update-available', (info) => apply({ type: 'available', version: info.version }))
    loaded.on('update-not-available', () => apply({ type: 'none' }))
    loaded.on('download-progress', (progress) => apply({ type: 'progress', percent: progress.percent }))
    loaded.on('update-downloaded', (info) => {
      log(`version ${info.version} downloaded and verified`)
      apply({ type: 'downloaded', version: info.version })
    })
    loaded.on('error', (error) => {
      log(`update failed: ${error.message}`)
      apply({ type: 'error', message: error.message })
    })
    updater = loaded
    return loaded
  }

  const tick = async () => {
    const [hq, lastSync] = await Promise.all([options.hq(), options.lastSync()])
    if (!shouldCheck(state, { packaged: options.packaged, hq, lastSync, now: Date.now() }) || !hq) return
    apply({ type: 'check', at: Date.now(), afterSync: lastSync?.finishedAt ?? null })
    try {
      const autoUpdater = await load()
      autoUpdater.setFeedURL({
        provider: 'generic',
        url: updateFeedUrl(hq.url),
        useMultipleRangeRequest: false,
      })
      autoUpdater.requestHeaders = { authorization: `Bearer ${hq.token}` }
      await autoUpdater.checkForUpdates()
    } catch (error) {
      apply({ type: 'error', message: error instanceof Error ? error.message : String(error) })
    }
  }

  const timer = setInterval(() => {
    tick().catch((error: unknown) => log(`check failed: ${String(error)}`))
  }, WATCH_EVERY_MS)
  timer.unref()

  ipcMain.handle('update:status', async (event): Promise<ApiResult> => {
    if (!options.trusted(event.senderFrame)) return UNTRUSTED
    const offer = restartOffer(state, options.busy())
    return {
      ok: true,
      value: { ...offer, phase: state.phase, version: state.version, percent: state.percent },
    }
  })
  ipcMain.handle('update:restart', async (event): Promise<ApiResult> => {
    if (!options.trusted(event.senderFrame)) return UNTRUSTED
    const offer = restartOffer(state, options.busy())
    if (!offer.offer || !updater) {
      return {
        ok: false,
        error: {
          code: 'conflict',
          messageKey: 'errors.update.notNow',
          message: offer.waitingFor ? `waiting for the ${offer.waitingFor} to finish` : 'no update is ready',
          fields: [],
        },
      }
    }
    // Quits (the core closes first: will-quit waits for it), runs the installer, starts the new version.
    updater.quitAndInstall(false, true)
    return { ok: true, value: { restarting: true } }
  })

  return { state: () => state, tick, stop: () => clearInterval(timer) }
}
