import { copyFileSync, existsSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import pg from 'pg'
import { HQ_DATABASE_FILE } from '../hq'
import type { HqStore } from './test-hq'

/** A copy of HQ's database taken while HQ is down, and its return: the README's backup, per backend. */
export interface HqBackup {
  take(): Promise<void>
  restore(): Promise<void>
}

// Every table, as pg_dump would copy them (the blobs too: on PostgreSQL they live in the database).
const HQ_TABLES = [
  'messages',
  'counters',
  'devices',
  'enrolment_codes',
  'hq_meta',
  'admin_sessions',
  'rate_windows',
  'blobs',
  'blob_chunks',
  'field_values',
  'compacted_saves',
]

export function hqBackupOf(store: HqStore): HqBackup {
  if (store.backend === 'sqlite') {
    const file = join(store.dataDir, HQ_DATABASE_FILE)
    const copies = ['', '-wal'].map((suffix) => [file + suffix, `${file}${suffix}.backup`] as const)
    return {
      take: async () => {
        for (const [from, to] of copies) if (existsSync(from)) copyFileSync(from, to)
      },
      restore: async () => {
        // A kill -9 leaves a WAL of its own: it must not be replayed onto the older copy.
        for (const suffix of ['-wal', '-shm']) if (existsSync(file + suffix)) rmSync(file + suffix)
        for (const [to, from] of copies) if (existsSync(from)) copyFileSync(from, to)
      },
    }
  }
  const run = async (statements: string[]) => {
    const client = new pg.Client({ connectionString: store.databaseUrl })
    await client.connect()
    try {
      for (const statement of statements) await client.query(statement)
    } finally {
      await client.end()
    }
  }
  return {
    take: () =>
      run(
        HQ_TABLES.flatMap((t) => [
          `DROP TABLE IF EXISTS backup_${t}`,
          `CREATE TABLE backup_${t} AS TABLE ${t}`,
        ]),
      ),
    restore: () =>
      run(HQ_TABLES.flatMap((t) => [`DELETE FROM ${t}`, `INSERT INTO ${t} SELECT * FROM backup_${t}`])),
  }
}
