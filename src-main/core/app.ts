import { join } from 'node:path'
import type { AppFacts, CoreContext } from './api/context'
import { createBackupControl } from './backup/backup-control'
import { createBackup, latestGoodBackup } from './backup/backup.service'
import { createCallGate, gatedDispatch, gatedRunner } from './backup/call-gate'
import { createDispatcher, type Dispatch, type DispatcherOptions } from './api/dispatcher'
import { migrateToLatest, openDatabase, type AppDatabase } from './db/connection'
import { createImportSessions } from './imports/import-sessions'
import { createPhotoProcessor } from './photos/photo-processor'
import { createPhoneUploads, type PhoneUploadHostOptions } from './phone-upload/phone-upload.service'
import { seedDemoData } from './demo/seed-demo'
import { ensureSearchIndex } from './search/search-index'
import { guardDataFolder } from './guard/start-guard'
import { recordAppVersion, type FindGoodBackup } from './guard/startup-check'
import { storageError } from './guard/storage-errors'
import { createSyncRunner } from './sync/sync-runner'
import { photosRoot } from './photos/photo-files'
import { documentsRoot } from './documents/document-files'
import { startSyncScheduler } from './sync/sync-scheduler'
import { loadClockCorrection } from './sync/clock-correction'
import { applyKnownParked, applyNowValidQuarantined } from './sync/parked-replay'
import { plainTokenVault, type TokenVault } from './sync/token-vault'
import { loadOrCreateDeviceId, restoreClock } from './system/device'

export const DATABASE_FILE = 'workbench.sqlite'

export interface CoreOptions {
  dataDir: string
  host: AppFacts['host']
  version: string
  /** Seed demo data into an empty data directory. */
  demo: boolean
  /** better-sqlite3 binary for a non-Node ABI (Electron). */
  nativeBinding?: string
  /** Injectable wall clock (tests). */
  wallClock?: () => number
  dispatcher?: DispatcherOptions
  /** The built photo worker script (out/main/photo-worker.js); tests run the TypeScript source. */
  photoWorkerFile?: string
  /** How the host keeps the HQ device token at rest (Electron: safeStorage); plain text by default. */
  tokenVault?: TokenVault
  /** Check HQ and sync automatically this often when enrolled; 0 or absent: only when asked. */
  autoSyncEveryMs?: number
  /** Automatic backups: how often changes are looked for (default 15 min, 0 = off) and the quit backup. */
  backups?: { everyMs?: number; atQuit?: boolean }
  /** Finds the latest good backup to offer when the database is damaged (core/backup). */
  findGoodBackup?: FindGoodBackup
  /** Photos from the phone: the host's LAN listener; without it phoneUpload.open says it is unavailable. */
  phoneUpload?: PhoneUploadHostOptions
}

/** The host-agnostic core: an open, migrated database and the dispatcher both hosts route through. */
export interface Core {
  dispatch: Dispatch
  context: CoreContext
  database: AppDatabase
  close(): Promise<void>
}

export async function createCore(options: CoreOptions): Promise<Core> {
  const file = join(options.dataDir, DATABASE_FILE)
  // Refuses a newer or damaged database before anything writes to it; finishes an archive swap.
  await guardDataFolder({
    ...options,
    file,
    appVersion: options.version,
    // A damaged database offers the newest backup that passes its check.
    findGoodBackup: options.findGoodBackup ?? ((dir) => latestGoodBackup(dir, options.nativeBinding)),
  })
  let database: AppDatabase
  try {
    database = openDatabase({ file, nativeBinding: options.nativeBinding })
  } catch (error) {
    throw storageError(error) ?? error
  }
  const photos = createPhotoProcessor(options.photoWorkerFile)
  try {
    const backupOptions = { appVersion: options.version, nativeBinding: options.nativeBinding }
    await migrateToLatest(database.db, async () => {
      await createBackup(database.sqlite, options.dataDir, 'pre-migration', backupOptions)
    })
    recordAppVersion(database.sqlite, options.version)
    // Indexes rows written before the search index existed (or by an older index format); no-op after.
    await ensureSearchIndex(database.db)
    const wallClock = options.wallClock ?? Date.now
    const deviceId = await loadOrCreateDeviceId(database.db)
    // Every stamp (HLC ticks, created_at / updated_at / deleted_at) uses the laptop's clock corrected by
    // HQ's, as the last sync measured it.
    const correction = await loadClockCorrection(database.db, wallClock)
    const correctedNow = () => correction.now()
    const clock = await restoreClock(database.db, deviceId, correctedNow)
    const write = { clock, deviceId, now: () => new Date(correctedNow()) }
    // Messages a previous version held back (a newer laptop's table, column or option) that this one knows.
    await applyKnownParked({ db: database.db, clock, now: write.now })
    await applyNowValidQuarantined({ db: database.db, clock, now: write.now })
    const vault = options.tokenVault ?? plainTokenVault
    // A restore has the database to itself: calls and sync runs wait at this gate meanwhile.
    const gate = createCallGate()
    const runner = gatedRunner(
      gate,
      createSyncRunner(() => ({
        db: database.db,
        clock,
        now: write.now,
        correction,
        vault,
        photos,
        photosRoot: photosRoot(options.dataDir),
        documentsRoot: documentsRoot(options.dataDir),
      })),
    )
    const backups = createBackupControl({
      ...backupOptions,
      sqlite: database.sqlite,
      dataDir: options.dataDir,
      deviceId,
      clock,
      gate,
      runner,
      now: write.now,
      everyMs: options.backups?.everyMs,
      atQuit: options.backups?.atQuit,
    })
    const context: CoreContext = {
      db: database.db,
      write,
      app: { version: options.version, dataDir: options.dataDir, host: options.host },
      photos,
      imports: createImportSessions(),
      sync: { vault, runner, correction },
      backups,
      phoneUpload: createPhoneUploads(() => context, options.phoneUpload),
    }
    if (options.demo) await seedDemoData(context)
    const scheduler = startSyncScheduler({
      db: database.db,
      runner,
      now: write.now,
      everyMs: options.autoSyncEveryMs ?? 0,
    })
    return {
      dispatch: gatedDispatch(gate, createDispatcher(context, options.dispatcher)),
      context,
      database,
      close: async () => {
        // No new automatic run from here; a run in flight stops after its step in hand.
        const stopping = scheduler.stop()
        await runner.cancel()
        await context.phoneUpload.closeAll()
        await stopping
        await runner.idle()
        await backups.close()
        await photos.close()
        await database.close()
      },
    }
  } catch (error) {
    await photos.close()
    await database.close()
    throw storageError(error) ?? error
  }
}
