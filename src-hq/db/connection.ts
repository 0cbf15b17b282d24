import Database from 'better-sqlite3'
import {
  Kysely,
  Migrator,
  PostgresDialect,
  PostgresIntrospector,
  sql,
  type DatabaseIntrospector,
  type TableMetadata,
} from 'kysely'
import pg from 'pg'
import { sqliteDialect } from '../../src-main/core/db/sqlite-dialect'
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

/**
 * PostgreSQL whose introspection, which only the migrator uses, lists HQ's own schema (the first on the
 * search path). Kysely's lists every schema in the database: beside another HQ it took that one's
 * migration tables for HQ's and never made its own, and a schema dropped meanwhile failed the start.
 */
class HqPostgresDialect extends PostgresDialect {
  override createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    const getTables = async (): Promise<TableMetadata[]> => {
      const { rows } = await sql<{ name: string; schema: string; is_view: boolean }>`
        SELECT table_name AS name, table_schema AS schema, table_type = 'VIEW' AS is_view
        FROM information_schema.tables WHERE table_schema = current_schema()`.execute(db)
      return rows.map((r) => ({ name: r.name, schema: r.schema, isView: r.is_view, columns: [] }))
    }
    return {
      getSchemas: () => new PostgresIntrospector(db).getSchemas(),
      getTables,
      getMetadata: async () => ({ tables: await getTables() }),
    }
  }
}

export function openHqDatabase(config: HqDatabaseConfig): HqDatabase {
  if (config.kind === 'sqlite') {
    const sqlite = new Database(config.file)
    sqlite.pragma('journal_mode = WAL')
    // FULL: an acknowledged push survives power loss too, not only a crash of the process.
    sqlite.pragma('synchronous = FULL')
    sqlite.pragma('busy_timeout = 5000')
    const db = new Kysely<HqDB>({ dialect: sqliteDialect(sqlite) })
    return { db, kind: 'sqlite', close: () => db.destroy() }
  }
  const pool = new pg.Pool({ connectionString: config.url, max: 10 })
  // An idle client losing its connection (server restart) must not crash HQ; the pool replaces it.
  pool.on('error', () => {})
  const db = new Kysely<HqDB>({ dialect: new HqPostgresDialect({ pool }) })
  return { db, kind: 'postgres', close: () => db.destroy() }
}

/** The migrator of HQ's migrations, on this database's own schema (tests migrate step by step with it). */
export async function hqMigrator(database: Pick<HqDatabase, 'db' | 'kind'>): Promise<Migrator> {
  const { db } = database
  // Kysely looks for its migration tables in every schema unless told which: on a PostgreSQL database
  // shared by several HQs (one schema each, as the tests run them) it would find another's lock table.
  const schema =
    database.kind === 'postgres'
      ? (await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(db)).rows[0]?.schema
      : undefined
  return new Migrator({
    db,
    provider: { getMigrations: async () => hqMigrations },
    migrationTableSchema: schema,
  })
}

/** Applies every pending HQ migration. */
export async function migrateHq(database: Pick<HqDatabase, 'db' | 'kind'>): Promise<void> {
  const result = await (await hqMigrator(database)).migrateToLatest()
  if (result.error) throw result.error
}
