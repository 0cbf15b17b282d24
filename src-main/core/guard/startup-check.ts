import { existsSync, rmSync, statSync } from 'node:fs'
import Database from 'better-sqlite3'
import { AppError } from '../api/errors'
import { migrations } from '../db/migrations'

/**
 * What is checked before the app opens its database for writing. The file is opened read-only, so
 * a database this app must not touch stays byte for byte as it was: no migration, no WAL change.
 *   - every migration it records is one this app knows (else a newer app wrote it);
 *   - `PRAGMA quick_check` passes (else it is damaged, and the latest good backup is offered).
 */

/** meta key: the version of the app that last opened the database (named when a newer one is refused). */
export const APP_VERSION_KEY = 'app_version'

/** The schema version this app writes: its last migration's name. */
export const APP_SCHEMA = Object.keys(migrations).sort().at(-1) ?? ''

/** A good backup the start-up check can offer for a damaged database (core/backup provides it). */
export interface GoodBackup {
  /** Path of the backup file. */
  file: string
  /** When it was taken (ISO-8601 UTC). */
  createdAt: string
}

/** Finds the latest backup that passes its own check; core/backup's listBackups + verifyBackup. */
export type FindGoodBackup = (dataDir: string) => Promise<GoodBackup | undefined>

/** Why the app refuses to start on this data folder; hosts show `message` (both languages). */
export class StartupRefusal extends AppError {
  constructor(
    readonly reason: 'newer_schema' | 'damaged' | 'locked',
    messageKey: string,
    message: string,
    readonly params: Record<string, string | number>,
    /** For a damaged database: the backup to offer, when one was found. */
    readonly backup?: GoodBackup,
  ) {
    super('conflict', messageKey, message, [{ path: [], messageKey, params }])
  }
}

export interface SchemaState {
  /** Migrations the database records, in order. */
  applied: string[]
  /** Those this app does not know: written by a newer version. */
  unknown: string[]
  /** The app version that last opened it, when recorded. */
  writtenBy?: string
}

/** Reads the recorded migrations of an open connection (an empty list for a new database). */
export function readSchemaState(sqlite: Database.Database): SchemaState {
  const hasTable = (name: string) =>
    sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined
  if (!hasTable('kysely_migration')) return { applied: [], unknown: [] }
  const applied = (
    sqlite.prepare('SELECT name FROM kysely_migration ORDER BY name').all() as { name: string }[]
  ).map((row) => row.name)
  const writtenBy = hasTable('meta')
    ? (
        sqlite.prepare('SELECT value FROM meta WHERE key = ?').get(APP_VERSION_KEY) as
          | { value: string }
          | undefined
      )?.value
    : undefined
  return { applied, unknown: applied.filter((name) => !Object.hasOwn(migrations, name)), writtenBy }
}

/** The refusal for a database with migrations this app does not know, or undefined when it may open. */
export function newerSchemaRefusal(state: SchemaState, appVersion: string): StartupRefusal | undefined {
  if (state.unknown.length === 0) return undefined
  const theirs = state.unknown.at(-1) ?? ''
  const params = {
    appVersion,
    appSchema: APP_SCHEMA,
    dataSchema: theirs,
    dataVersion: state.writtenBy ?? '?',
  }
  return new StartupRefusal(
    'newer_schema',
    'errors.startup.newerSchema',
    `这份数据由更新的版本 ${params.dataVersion}（数据结构 ${theirs}）写入；本程序是 ${appVersion}（数据结构 ${APP_SCHEMA}），` +
      '为免损坏数据不打开它，文件未作任何改动。请安装新版本后再打开。\n' +
      `This data was written by a newer version, ${params.dataVersion} (schema ${theirs}); this app is ` +
      `${appVersion} (schema ${APP_SCHEMA}). It was not opened and the file is unchanged: install the newer version.`,
    params,
  )
}

export interface StartupCheckOptions {
  /** The database file; a missing one is a new installation and passes. */
  file: string
  dataDir: string
  appVersion: string
  nativeBinding?: string
  /** Offered when the database is damaged; absent until core/backup is there. */
  findGoodBackup?: FindGoodBackup
}

/** Throws a StartupRefusal when the database must not be opened; never writes to it. */
export async function checkDatabaseBeforeOpen(options: StartupCheckOptions): Promise<void> {
  if (!existsSync(options.file)) return
  let state: SchemaState
  let quick: string
  // A read-only connection to a WAL database creates an empty -wal and an -shm beside it, and leaves
  // them; those it created are removed after, so a refused folder is left exactly as it was.
  const created = [`${options.file}-wal`, `${options.file}-shm`].filter((f) => !existsSync(f))
  const sqlite = new Database(options.file, {
    readonly: true,
    fileMustExist: true,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  })
  try {
    try {
      state = readSchemaState(sqlite)
      const refusal = newerSchemaRefusal(state, options.appVersion)
      if (refusal) throw refusal
      quick = String(sqlite.pragma('quick_check', { simple: true }))
    } catch (error) {
      // A file too damaged to read its schema is damaged, not "newer".
      if (error instanceof StartupRefusal) throw error
      if (
        (error as { code?: unknown }).code === 'SQLITE_CORRUPT' ||
        (error as { code?: unknown }).code === 'SQLITE_NOTADB'
      ) {
        quick = error instanceof Error ? error.message : String(error)
      } else throw error
    }
  } finally {
    sqlite.close()
    const walEmpty = !existsSync(`${options.file}-wal`) || statSync(`${options.file}-wal`).size === 0
    if (walEmpty) for (const file of created) rmSync(file, { force: true })
  }
  if (quick === 'ok') return
  const backup = await options.findGoodBackup?.(options.dataDir)
  const params: Record<string, string | number> = { problem: quick.slice(0, 200), file: options.file }
  if (backup) Object.assign(params, { backupFile: backup.file, backupAt: backup.createdAt })
  const offer = backup
    ? `最近一份完好的备份是 ${backup.createdAt}（${backup.file}），可从它恢复（浏览器版：npm start -- --restore-backup）。\n`
    : '没有找到完好的备份。\n'
  const offerEn = backup
    ? `The latest good backup is from ${backup.createdAt} (${backup.file}); restore it with the dialog's button, or in the browser host with: npm start -- --restore-backup`
    : 'No good backup was found.'
  throw new StartupRefusal(
    'damaged',
    backup ? 'errors.startup.damagedWithBackup' : 'errors.startup.damaged',
    `数据库已损坏（${params.problem}），为免丢失数据没有打开它：${options.file}\n${offer}` +
      `The database is damaged (${params.problem}) and was not opened: ${options.file}\n${offerEn}`,
    params,
    backup,
  )
}

/** Records which app version opened the database, for the message an older app shows (meta never syncs). */
export function recordAppVersion(sqlite: Database.Database, appVersion: string): void {
  sqlite
    .prepare(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    )
    .run(APP_VERSION_KEY, appVersion)
}
