import type Database from 'better-sqlite3'
import type { HlcClock } from '../sync/hlc'
import { formatHlc } from '../sync/hlc'
import type { SyncRunner } from '../sync/sync-runner'
import type { BackupList, BackupReason, BackupSummary, RestoreResult } from './backup.contract'
import { backupsRoot, storedBackups } from './backup-files'
import { changeSeqOf } from './backup-inspect'
import { createBackup, listBackups, restoreBackup } from './backup.service'
import type { CallGate } from './call-gate'

/** How often the core looks whether anything changed since the last backup (at most one per period). */
export const AUTO_BACKUP_EVERY_MS = 15 * 60_000
/** Pages per backup step at quit (16 MB). */
const QUIT_PAGES_PER_STEP = 4096

/** The core's backups: what handlers and the demo service call, and the timer. */
export interface BackupControl {
  list(): Promise<BackupList>
  /** One backup now; backups (and restores) run one at a time. */
  create(reason: BackupReason): Promise<BackupSummary>
  /** Restores a backup while every other call waits at the gate. */
  restore(name: string): Promise<RestoreResult>
  /** A backup if anything changed since the last one ('auto' on the timer). Answers whether it made one. */
  backupIfChanged(reason: BackupReason): Promise<boolean>
  /** Stops the timer, waits for a backup in flight, and makes the 'quit' backup when there were changes. */
  close(): Promise<void>
}

export interface BackupControlOptions {
  sqlite: Database.Database
  dataDir: string
  appVersion: string
  nativeBinding?: string
  deviceId: string
  clock: HlcClock
  gate: CallGate
  runner: SyncRunner
  now: () => Date
  /** Period of the change check; 0 turns the timer off (the quit backup stays). */
  everyMs?: number
  /** Whether close() makes the quit backup. */
  atQuit?: boolean
}

export function createBackupControl(options: BackupControlOptions): BackupControl {
  const { sqlite, dataDir } = options
  const backupOptions = {
    appVersion: options.appVersion,
    nativeBinding: options.nativeBinding,
    now: options.now,
  }
  // The change_log seq the newest backup holds; a backup is due when the database has moved from it.
  let backedUpSeq: number | null = storedBackups(dataDir)[0]?.manifest.changeSeq ?? null
  let queue: Promise<unknown> = Promise.resolve()
  let closed = false

  /** One backup or restore at a time, in order. */
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const turn = queue.then(job)
    queue = turn.catch(() => undefined)
    return turn
  }

  const create = (reason: BackupReason) =>
    serial(async () => {
      const summary = await createBackup(sqlite, dataDir, reason, backupOptions)
      backedUpSeq = storedBackups(dataDir).find((b) => b.name === summary.name)?.manifest.changeSeq ?? null
      return summary
    })

  const backupIfChanged = (reason: BackupReason) =>
    serial(async () => {
      if (!sqlite.open || changeSeqOf(sqlite) === (backedUpSeq ?? 0)) return false
      // At quit no call waits: bigger steps, done sooner.
      const pagesPerStep = closed ? QUIT_PAGES_PER_STEP : undefined
      const summary = await createBackup(sqlite, dataDir, reason, { ...backupOptions, pagesPerStep })
      backedUpSeq = storedBackups(dataDir).find((b) => b.name === summary.name)?.manifest.changeSeq ?? null
      return true
    })

  const timer =
    (options.everyMs ?? AUTO_BACKUP_EVERY_MS) > 0
      ? setInterval(() => {
          if (closed) return
          backupIfChanged('auto').catch((error: unknown) =>
            console.error('[backup] automatic backup failed:', error),
          )
        }, options.everyMs ?? AUTO_BACKUP_EVERY_MS)
      : undefined
  // The timer never keeps the process alive on its own.
  timer?.unref()

  return {
    list: async () => ({ folder: backupsRoot(dataDir), backups: listBackups(dataDir) }),
    create,
    backupIfChanged,
    restore: (name) =>
      options.gate.exclusive(
        () =>
          serial(async () => {
            await options.runner.idle()
            const result = await restoreBackup(
              {
                ...backupOptions,
                sqlite,
                dataDir,
                deviceId: options.deviceId,
                clockFloor: formatHlc(options.clock.peek()),
              },
              name,
            )
            backedUpSeq = changeSeqOf(sqlite)
            return result
          }),
        // A sync in hand stops after its step; the next one starts against the restored database.
        () => options.runner.cancel(),
      ),
    close: async () => {
      closed = true
      clearInterval(timer)
      await queue
      if (options.atQuit ?? true) {
        await backupIfChanged('quit').catch((error: unknown) =>
          console.error('[backup] quit backup failed:', error),
        )
      }
    },
  }
}
