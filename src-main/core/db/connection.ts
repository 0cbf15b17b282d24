import Database from 'better-sqlite3'
import { Kysely, Migrator, type MigrationResultSet } from 'kysely'
import { migrations } from './migrations'
import { sqliteDialect } from './sqlite-dialect'
import { startWalCheckpointer } from './wal-checkpointer'
import type { DB } from './schema'

export interface OpenDatabaseOptions {
  /** Path of the SQLite file (created if missing). */
  file: string
  /**
   * Path of a better-sqlite3 binary built for another ABI. The Electron host passes the
   * Electron build here; plain Node uses the one in node_modules.
   */
  nativeBinding?: string
  /** When the WAL checkpoint worker starts (see startWalCheckpointer); tests set 0. */
  checkpointAfterMs?: number
}

/** An open database: the raw connection (pragmas, benchmarks) and the typed query builder. */
export interface AppDatabase {
  sqlite: Database.Database
  db: Kysely<DB>
  close(): Promise<void>
}

export function openDatabase(options: OpenDatabaseOptions): AppDatabase {
  const sqlite = new Database(
    options.file,
    options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
  )
  // WAL: readers never block the writer and a crash mid-write rolls back cleanly.
  sqlite.pragma('journal_mode = WAL')
  // NORMAL is durable against process crashes in WAL mode; only power loss can drop the last commit.
  sqlite.pragma('synchronous = NORMAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  // Checkpoints run on a worker thread rather than inside whichever commit crosses the threshold.
  const checkpointer = startWalCheckpointer({
    file: options.file,
    nativeBinding: options.nativeBinding,
    setInlinePages: (pages) => sqlite.pragma(`wal_autocheckpoint = ${pages}`),
    startAfterMs: options.checkpointAfterMs,
  })
  const db = new Kysely<DB>({ dialect: sqliteDialect(sqlite) })
  return {
    sqlite,
    db,
    close: async () => {
      await checkpointer.close()
      await db.destroy()
    },
  }
}

function migratorFor(db: Kysely<DB>): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => migrations } })
}

/**
 * Applies every pending migration; throws (leaving the database at the last good version) on failure.
 * `beforeMigrating` runs first when a database that has migrations already has more pending (the core
 * makes its pre-migration backup there); a new, empty database skips it.
 */
export async function migrateToLatest(
  db: Kysely<DB>,
  beforeMigrating?: (pending: string[]) => Promise<void>,
): Promise<MigrationResultSet> {
  const migrator = migratorFor(db)
  if (beforeMigrating) {
    const known = await migrator.getMigrations()
    const pending = known.filter((m) => m.executedAt === undefined).map((m) => m.name)
    if (pending.length > 0 && pending.length < known.length) await beforeMigrating(pending)
  }
  const result = await migrator.migrateToLatest()
  if (result.error) throw result.error
  return result
}

/** Migrates up to and including `name` (tests use this to start from an older version). */
export async function migrateTo(db: Kysely<DB>, name: string): Promise<void> {
  const result = await migratorFor(db).migrateTo(name)
  if (result.error) throw result.error
}
