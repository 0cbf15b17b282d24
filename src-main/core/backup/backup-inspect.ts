import type Database from 'better-sqlite3'
import { DEMO_LAST_SEQ } from '../sync/local-only'
import type { BackupCounts } from './backup.contract'

/**
 * Reads what a manifest records from a database file: raw SQL over whatever schema version it has (a
 * backup made before a migration has the older one), each part guarded by what exists.
 */

export interface DatabaseFacts {
  schemaVersion: string
  deviceId: string
  counts: BackupCounts
  changeSeq: number
  photos: string[]
}

function tables(sqlite: Database.Database): Set<string> {
  const rows = sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as {
    name: string
  }[]
  return new Set(rows.map((r) => r.name))
}

function count(sqlite: Database.Database, sql: string): number {
  return Number((sqlite.prepare(sql).get() as { n: number | null }).n ?? 0)
}

/** The last migration applied, or null when the file has no migration table (not ours). */
export function schemaVersionOf(sqlite: Database.Database): string | null {
  if (!tables(sqlite).has('kysely_migration')) return null
  const row = sqlite.prepare('SELECT max(name) AS name FROM kysely_migration').get() as {
    name: string | null
  }
  return row.name
}

export function deviceIdOf(sqlite: Database.Database): string | null {
  if (!tables(sqlite).has('meta')) return null
  const row = sqlite.prepare(`SELECT value FROM meta WHERE key = 'device_id'`).get() as
    | { value: string }
    | undefined
  return row?.value ?? null
}

/** Live records of a table, or 0 when that version had no such table. */
function liveRows(sqlite: Database.Database, known: Set<string>, table: string): number {
  return known.has(table) ? count(sqlite, `SELECT count(*) AS n FROM ${table} WHERE deleted_at IS NULL`) : 0
}

/** Changes HQ has not acknowledged, as the Sync screen counts them (demo and refused ones left out). */
function unsentChanges(sqlite: Database.Database, known: Set<string>): number {
  if (!known.has('change_log')) return 0
  const demo = known.has('meta')
    ? (sqlite.prepare('SELECT value FROM meta WHERE key = ?').get(DEMO_LAST_SEQ) as
        | { value: string }
        | undefined)
    : undefined
  const refused = known.has('sync_rejections')
    ? 'AND NOT EXISTS (SELECT 1 FROM sync_rejections r WHERE r.seq = c.seq)'
    : ''
  const local = demo
    ? `AND NOT EXISTS (SELECT 1 FROM change_log d WHERE d.seq <= ${Number(demo.value)}
         AND d.table_name = c.table_name AND d.row_id = c.row_id)`
    : ''
  return count(sqlite, `SELECT count(*) AS n FROM change_log c WHERE c.sent_at IS NULL ${refused} ${local}`)
}

export function factsOf(sqlite: Database.Database): DatabaseFacts {
  const known = tables(sqlite)
  const photos = known.has('photos')
    ? (sqlite.prepare('SELECT id FROM photos ORDER BY id').all() as { id: string }[])
        .map((r) => r.id)
        .filter((id) => /^[0-9a-f]{64}$/.test(id))
    : []
  return {
    schemaVersion: schemaVersionOf(sqlite) ?? '',
    deviceId: deviceIdOf(sqlite) ?? '',
    counts: {
      factories: liveRows(sqlite, known, 'factories'),
      samples: liveRows(sqlite, known, 'samples'),
      quotes: liveRows(sqlite, known, 'quotes'),
      unsentChanges: unsentChanges(sqlite, known),
    },
    changeSeq: known.has('change_log') ? count(sqlite, 'SELECT max(seq) AS n FROM change_log') : 0,
    photos,
  }
}

/** Highest change_log seq of the open database: cheap (the primary key), polled by the timer. */
export function changeSeqOf(sqlite: Database.Database): number {
  return count(sqlite, 'SELECT max(seq) AS n FROM change_log')
}
