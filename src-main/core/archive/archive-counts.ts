import type Database from 'better-sqlite3'
import type { ArchiveCounts } from './archive-format'

/**
 * Counts read straight from a SQLite connection: the export counts its snapshot, the import counts
 * the file it extracted.
 */

const COUNTED = ['factories', 'samples', 'quotes', 'visits', 'photos'] as const

/** Live (not deleted) records per kind. */
export function countRecords(sqlite: Database.Database): ArchiveCounts {
  const counts = {} as ArchiveCounts
  for (const table of COUNTED) {
    const row = sqlite.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE deleted_at IS NULL`).get() as {
      n: number
    }
    counts[table] = row.n
  }
  return counts
}
