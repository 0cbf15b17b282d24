import Database from 'better-sqlite3'
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely'
import pg from 'pg'
import { hqMigrations } from './migrations'
import type { HqDB } from './schema'

/** Where HQ keeps its data: an embedded SQLite file (default) or a PostgreSQL database. */
export type HqDatabaseConfig = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string }

/** An open HQ database; one set of Kysely queries serves both kinds. */
export interface HqDatabase {
  db: Kysely<HqDB>
  kind: HqDatabaseConfig['kind']
  close(): Promise<void>
}

export function openHqDatabase(config: HqDatabaseConfig): HqDatabase {
  if (config.kind === 'sqlite') {
    const sqlite = new Database(config.file)
    sqlite.pragma('journal_mode = WAL')
    // FULL: an acknowledged push survives power loss too, not only a crash of the process.
    sqlite.pragma('synchronous = NORMAL')
    sqlite.pragma('busy_timeout = 5000')
    const db = new Kysely<HqDB>({ dialect: new SqliteDialect({ database: sqlite }) })
    return { db, kind: 'sqlite', close: () => db.destroy() }
  }
  const pool = new pg.Pool({ connectionString: config.url, max: 10 })
  // An idle client losing its connection (server restart) must not crash HQ; the pool replaces it.
  pool.on('error', () => {})
  const db = new Kysely<HqDB>({ dialect: new PostgresDialect({ pool }) })
  return { db, kind: 'postgres', close: () => db.destroy() }
}

/** Applies every pending HQ migration. */
export async function migrateHq(database: HqDatabase): Promise<void> {
  const { db } = database
  // Unless told the schema, Kysely takes its migration tables in ANY schema of the database for HQ's
  // own: beside another HQ (or any Kysely app) in the same database, HQ would skip creating them and fail.
  const schema =
    database.kind === 'postgres'
      ? (await sql<{ name: string | null }>`SELECT current_schema() AS name`.execute(db)).rows[0]?.name
      : null
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => hqMigrations },
    migrationTableSchema: schema ?? undefined,
  })
  const result = await migrator.migrateToLatest()
  if (result.error) throw result.error
}
