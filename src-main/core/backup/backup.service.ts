import { createHash, randomBytes } from 'node:crypto'
import {
  closeSync,
  copyFileSync,
  createReadStream,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { dirname, join } from 'node:path'
import Database from 'better-sqlite3'
import { Kysely } from 'kysely'
import { AppError } from '../api/errors'
import { migrateToLatest } from '../db/connection'
import { migrations } from '../db/migrations'
import type { DB } from '../db/schema'
import { sqliteDialect } from '../db/sqlite-dialect'
import { ensureSearchIndex } from '../search/search-index'
import { SETTING } from '../sync/sync.settings'
import { CLOCK_FLOOR } from '../system/device'
import { BackupManifest, type BackupReason, type BackupSummary } from './backup.contract'
import {
  backupDbFile,
  backupsRoot,
  deleteBackup,
  manifestFile,
  moveIntoPlace,
  newBackupName,
  partialFile,
  readManifest,
  removeLeftovers,
  storedBackups,
  summaryOf,
} from './backup-files'
import { deviceIdOf, factsOf, schemaVersionOf } from './backup-inspect'
import { backupsToDrop } from './keep-rule'

/**
 * The backup module (README "Backups"): make a backup of a live database, list, check and restore
 * them. Used by the core (automatic backups, Settings) and by whoever else needs a known-good copy
 * (archive export/import, the start-up guard). Nothing here needs a running core.
 */

/** Pages copied per step of an online backup: ~1 MB, so a save waits at most about a millisecond. */
const PAGES_PER_STEP = 256
/** A restore copies in one step: the gate holds every call back meanwhile, nothing may interleave. */
const ALL_PAGES = 0x7fffffff

export interface BackupOptions {
  /** Version of the running app, recorded in the manifest. */
  appVersion: string
  /** better-sqlite3 binary for a non-Node ABI (Electron), for the connections opened here. */
  nativeBinding?: string
  now?: () => Date
  /** Pages per step of the online backup; more when nothing waits (at quit). */
  pagesPerStep?: number
}

/** Why a backup file is refused; each has its own message (errors.backup.<reason>). */
export type BackupRefusal =
  | 'not_found'
  | 'no_manifest'
  | 'not_sqlite'
  | 'hash_mismatch'
  | 'damaged'
  | 'not_workbench'
  | 'manifest_mismatch'
  | 'newer_schema'
  | 'other_device'

export class BackupRefusedError extends AppError {
  constructor(
    readonly refusal: BackupRefusal,
    message: string,
  ) {
    super('bad_request', `errors.backup.${refusal}`, message)
  }
}

function open(file: string, options: { nativeBinding?: string; readonly?: boolean } = {}): Database.Database {
  return new Database(file, {
    fileMustExist: true,
    readonly: options.readonly ?? false,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  })
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/** The folder too, so the rename that made a backup complete survives a power cut. */
function fsyncFolder(folder: string): void {
  try {
    const fd = openSync(folder, 'r')
    try {
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
  } catch {
    // Not every platform opens folders (Windows); the rename is still atomic there.
  }
}

/** Every complete backup in the data folder, newest first. */
export function listBackups(dataDir: string): BackupSummary[] {
  return storedBackups(dataDir).map((b) => summaryOf(dataDir, b.name, b.manifest))
}

/** A backup's manifest by name, or null. */
export function backupManifest(dataDir: string, name: string): BackupManifest | null {
  return readManifest(manifestFile(dataDir, name))
}

/**
 * Copies the open database `sqlite` into a new backup with SQLite's online backup API: consistent
 * while the app runs (writes through this same connection are carried into the copy), and in small
 * steps between which the app's own calls run. Writes the file under a `.partial` name, records the
 * manifest from the finished copy, renames both into place, then applies the keep rule.
 */
export async function createBackup(
  sqlite: Database.Database,
  dataDir: string,
  reason: BackupReason,
  options: BackupOptions,
): Promise<BackupSummary> {
  const now = options.now ?? (() => new Date())
  const root = backupsRoot(dataDir)
  mkdirSync(root, { recursive: true })
  const createdAt = now()
  const name = newBackupName(dataDir, createdAt, reason)
  const file = backupDbFile(dataDir, name)
  const partial = partialFile(file)
  rmSync(partial, { force: true })
  try {
    const pages = options.pagesPerStep ?? PAGES_PER_STEP
    await sqlite.backup(partial, { progress: () => pages })
    const copy = open(partial, { nativeBinding: options.nativeBinding })
    let facts
    try {
      // One self-contained file: no -wal or -shm beside a backup.
      copy.pragma('journal_mode = DELETE')
      facts = factsOf(copy)
    } finally {
      copy.close()
    }
    fsyncFile(partial)
    const manifest: BackupManifest = BackupManifest.parse({
      format: 1,
      appVersion: options.appVersion,
      schemaVersion: facts.schemaVersion,
      createdAt: createdAt.toISOString(),
      reason,
      deviceId: facts.deviceId,
      counts: facts.counts,
      changeSeq: facts.changeSeq,
      sha256: await sha256Of(partial),
      bytes: statSync(partial).size,
      photos: facts.photos,
    })
    moveIntoPlace(partial, file)
    const manifestPartial = partialFile(manifestFile(dataDir, name))
    writeFileSync(manifestPartial, JSON.stringify(manifest, null, 2))
    fsyncFile(manifestPartial)
    moveIntoPlace(manifestPartial, manifestFile(dataDir, name))
    fsyncFolder(root)
  } catch (error) {
    rmSync(partial, { force: true })
    throw error
  }
  pruneBackups(dataDir, now())
  const manifest = backupManifest(dataDir, name)!
  return summaryOf(dataDir, name, manifest)
}

/** Applies the keep rule (keep-rule.ts) and removes what interrupted backups left. */
export function pruneBackups(dataDir: string, now: Date): void {
  const backups = storedBackups(dataDir)
  const drop = backupsToDrop(
    backups.map((b) => ({ name: b.name, createdAt: b.manifest.createdAt, reason: b.manifest.reason })),
    now,
  )
  for (const name of drop) deleteBackup(dataDir, name)
  removeLeftovers(dataDir, now)
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\u0000', 'latin1')

function hasSqliteHeader(file: string): boolean {
  const fd = openSync(file, 'r')
  try {
    const head = Buffer.alloc(SQLITE_HEADER.length)
    return readSync(fd, head, 0, head.length, 0) === head.length && head.equals(SQLITE_HEADER)
  } finally {
    closeSync(fd)
  }
}

const KNOWN_SCHEMAS = Object.keys(migrations).sort()

export interface VerifyOptions {
  /** The manifest to check against; by default <file without .sqlite>.json beside it. */
  manifest?: BackupManifest
  /** Refuse a backup of another installation (restoring it would take over that laptop's identity). */
  deviceId?: string
  nativeBinding?: string
}

/**
 * Checks a backup file before anything is done with it: present, with its manifest, a SQLite file whose
 * SHA-256 matches the manifest, passing `PRAGMA integrity_check`, one of ours (migrations and a device
 * id, agreeing with the manifest), at a schema this app knows, and (when asked) of this installation.
 * Answers the manifest, or throws BackupRefusedError saying which check failed. Opens the file read-only.
 */
export async function verifyBackup(file: string, options: VerifyOptions = {}): Promise<BackupManifest> {
  if (!existsSync(file)) throw new BackupRefusedError('not_found', `no backup file at ${file}`)
  const manifest = options.manifest ?? readManifest(file.replace(/\.sqlite$/, '.json'))
  if (!manifest)
    throw new BackupRefusedError('no_manifest', `${file} has no readable backup manifest beside it`)
  if (!hasSqliteHeader(file)) throw new BackupRefusedError('not_sqlite', `${file} is not a SQLite database`)
  if ((await sha256Of(file)) !== manifest.sha256) {
    throw new BackupRefusedError('hash_mismatch', `${file} does not match the SHA-256 its manifest records`)
  }
  let sqlite: Database.Database
  try {
    sqlite = open(file, { readonly: true, nativeBinding: options.nativeBinding })
  } catch (error) {
    throw new BackupRefusedError('damaged', `${file} cannot be opened: ${String(error)}`)
  }
  try {
    let problems: string[]
    try {
      problems = (sqlite.pragma('integrity_check') as { integrity_check: string }[]).map(
        (r) => r.integrity_check,
      )
    } catch (error) {
      throw new BackupRefusedError('damaged', `${file} fails integrity_check: ${String(error)}`)
    }
    if (problems.length !== 1 || problems[0] !== 'ok') {
      throw new BackupRefusedError(
        'damaged',
        `${file} fails integrity_check: ${problems.slice(0, 3).join('; ')}`,
      )
    }
    const schema = schemaVersionOf(sqlite)
    const device = deviceIdOf(sqlite)
    if (!schema || !device)
      throw new BackupRefusedError('not_workbench', `${file} is not a Sourcing Workbench database`)
    if (!KNOWN_SCHEMAS.includes(schema)) {
      if (schema > KNOWN_SCHEMAS.at(-1)!) {
        throw new BackupRefusedError(
          'newer_schema',
          `${file} was written by a newer version (schema ${schema}; this app knows up to ${KNOWN_SCHEMAS.at(-1)})`,
        )
      }
      throw new BackupRefusedError('not_workbench', `${file} has a schema this app does not know (${schema})`)
    }
    if (schema !== manifest.schemaVersion || device !== manifest.deviceId) {
      throw new BackupRefusedError('manifest_mismatch', `${file} is not the database its manifest describes`)
    }
    if (options.deviceId && device !== options.deviceId) {
      throw new BackupRefusedError('other_device', `${file} is a backup of another installation (${device})`)
    }
  } finally {
    sqlite.close()
  }
  return manifest
}

/** What a restore needs of the running installation. */
export interface RestoreTarget extends BackupOptions {
  /** The open database the backup replaces (the same connection stays open and sees the result). */
  sqlite: Database.Database
  dataDir: string
  /** This installation's id: a backup of another one is refused. */
  deviceId: string
  /** The clock's latest timestamp: the restored database never lets the clock start below it ('' = none). */
  clockFloor: string
}

/** Sync settings that describe the laptop's enrolment now, not at the backup's time. */
const CARRIED_SETTINGS = [
  SETTING.hqUrl,
  SETTING.token,
  SETTING.hqDeviceId,
  SETTING.deviceName,
  SETTING.directory,
  SETTING.lastSync,
] as const

/** A meta value; undefined also when the database has no meta table (a new, empty one). */
function readMeta(sqlite: Database.Database, key: string): string | undefined {
  if (!sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'`).get())
    return undefined
  return (sqlite.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)
    ?.value
}

function writeMeta(sqlite: Database.Database, key: string, value: string | undefined): void {
  if (value === undefined) sqlite.prepare('DELETE FROM meta WHERE key = ?').run(key)
  else
    sqlite
      .prepare(
        'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      )
      .run(key, value)
}

/**
 * Makes the staged copy fit to take over (sync stays right afterwards):
 * - the enrolment is today's (URL, token, HQ device id), so the laptop stays enrolled;
 * - the cursor and sent marks stay the backup's, so the next sync re-sends what the backup had not
 *   sent (HQ drops what it already has: same HLC) and pulls everything after the backup's cursor,
 *   this laptop's own later changes included, which come back as sent, without conflicts;
 * - enrolled with another HQ than at the backup's time, its marks mean nothing there: cursor 0 and
 *   every own change unsent, so the laptop re-sends and re-pulls all;
 * - the clock floor: the clock never starts below what it already issued, even though the restored
 *   change log stops earlier.
 */
function adoptStaged(staged: Database.Database, live: Database.Database, target: RestoreTarget): void {
  staged.transaction(() => {
    const stagedHq = [readMeta(staged, SETTING.hqUrl), readMeta(staged, SETTING.hqDeviceId)].join('\u0000')
    const liveHq = [readMeta(live, SETTING.hqUrl), readMeta(live, SETTING.hqDeviceId)].join('\u0000')
    const enrolled = readMeta(live, SETTING.token) !== undefined
    if (enrolled && stagedHq !== liveHq) {
      writeMeta(staged, SETTING.cursor, '0')
      staged.prepare('UPDATE change_log SET sent_at = NULL WHERE device_id = ?').run(target.deviceId)
    }
    for (const key of CARRIED_SETTINGS) writeMeta(staged, key, readMeta(live, key))
    const floors = [readMeta(staged, CLOCK_FLOOR), readMeta(live, CLOCK_FLOOR), target.clockFloor]
    writeMeta(
      staged,
      CLOCK_FLOOR,
      floors
        .filter((f): f is string => !!f)
        .sort()
        .at(-1),
    )
  })()
}

/** Brings the staged copy to this app's schema (a backup from before a migration) and search index. */
async function upgradeStaged(staged: Database.Database): Promise<void> {
  const db = new Kysely<DB>({ dialect: sqliteDialect(staged) })
  await migrateToLatest(db)
  await ensureSearchIndex(db)
}

/**
 * Writes `source` over the database file `file` in one transaction. The backup API's own connection to
 * the file has no busy timeout, so a checkpoint of the WAL worker in that instant makes it answer BUSY
 * (nothing written): it is tried again.
 */
async function copyInto(source: Database.Database, file: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await source.backup(file, { progress: () => ALL_PAGES })
      return
    } catch (error) {
      const busy = (error as { code?: string }).code?.startsWith('SQLITE_BUSY')
      if (!busy || attempt >= 20) throw error
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }
}

/**
 * Restores backup `name` into the running installation. First checks it (verifyBackup: nothing is
 * touched when it is refused) and saves the current state as a 'pre-restore' backup. Then works on a
 * staged copy (migrated, enrolment and clock floor adopted) and writes it over the live database with
 * SQLite's backup API: one write transaction on the live file, so a crash leaves the old database or
 * the restored one, never a mix, and the open connection simply sees the new content. The caller
 * holds every other use of the database back meanwhile (CallGate).
 */
export async function restoreBackup(
  target: RestoreTarget,
  name: string,
): Promise<{ restored: BackupSummary; safety: BackupSummary }> {
  const { dataDir } = target
  const file = backupDbFile(dataDir, name)
  const manifest = await verifyBackup(file, {
    deviceId: target.deviceId,
    nativeBinding: target.nativeBinding,
  })
  const safety = await createBackup(target.sqlite, dataDir, 'pre-restore', target)
  const staging = join(dirname(file), `.restore-${randomBytes(6).toString('hex')}.sqlite`)
  try {
    copyFileSync(file, staging)
    const staged = open(staging, { nativeBinding: target.nativeBinding })
    try {
      await upgradeStaged(staged)
      adoptStaged(staged, target.sqlite, target)
      // The backup API writes into a WAL database only at the same page size.
      const pageSize = Number(target.sqlite.pragma('page_size', { simple: true }))
      if (Number(staged.pragma('page_size', { simple: true })) !== pageSize) {
        staged.pragma(`page_size = ${pageSize}`)
        staged.exec('VACUUM')
      }
      await copyInto(staged, target.sqlite.name)
    } finally {
      staged.close()
    }
  } finally {
    rmSync(staging, { force: true })
    rmSync(`${staging}-journal`, { force: true })
  }
  return { restored: summaryOf(dataDir, name, manifest), safety }
}

/**
 * The newest backup that passes its own check (the start-up guard offers it for a damaged database), or
 * undefined when none does.
 */
export async function latestGoodBackup(
  dataDir: string,
  nativeBinding?: string,
): Promise<{ file: string; createdAt: string } | undefined> {
  for (const backup of listBackups(dataDir)) {
    const file = backupDbFile(dataDir, backup.name)
    try {
      await verifyBackup(file, { nativeBinding })
      return { file, createdAt: backup.createdAt }
    } catch (error) {
      if (!(error instanceof BackupRefusedError)) throw error
    }
  }
  return undefined
}
