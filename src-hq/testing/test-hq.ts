import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { migrateHq, openHqDatabase, type HqDatabase } from '../db/connection'
import { databaseConfig, startHq, type Hq, type HqOptions } from '../hq'

/**
 * Real HQs for tests: on a SQLite file in a temp directory, or on PostgreSQL in a fresh schema of the
 * database WORKBENCH_TEST_PG_URL names (.ci/run sets it; without it the PostgreSQL cases are skipped).
 */

export type HqBackendName = 'sqlite' | 'postgres'

export const PG_URL = process.env.WORKBENCH_TEST_PG_URL

/** The backends to run HQ tests on here; logs once why PostgreSQL is skipped (never on CI). */
export function hqBackends(): HqBackendName[] {
  if (PG_URL) return ['sqlite', 'postgres']
  // CI must prove every HQ test on PostgreSQL too: a lost variable must not turn that into a skip.
  if (process.env.CI) throw new Error('CI is set but WORKBENCH_TEST_PG_URL is not: HQ tests need PostgreSQL')
  console.log('HQ on PostgreSQL: skipped (set WORKBENCH_TEST_PG_URL=postgres://… to run it; .ci/run does)')
  return ['sqlite']
}

/** A place for one HQ's data that outlives restarts: a temp dir, plus a PostgreSQL schema if asked. */
export interface HqStore {
  backend: HqBackendName
  dataDir: string
  /** postgres://… with the schema on the search path; undefined on SQLite. */
  databaseUrl?: string
  dispose(): Promise<void>
}

function withSearchPath(url: string, schema: string): string {
  // No wait for the WAL flush per commit: the PostgreSQL server never crashes in these tests, HQ does.
  const options = encodeURIComponent(`-c search_path=${schema} -c synchronous_commit=off`)
  return `${url}${url.includes('?') ? '&' : '?'}options=${options}`
}

export async function createHqStore(backend: HqBackendName): Promise<HqStore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'workbench-hq-'))
  if (backend === 'sqlite') {
    return { backend, dataDir, dispose: async () => rmSync(dataDir, { recursive: true, force: true }) }
  }
  if (!PG_URL) throw new Error('WORKBENCH_TEST_PG_URL is not set')
  const schema = `hq_test_${process.pid}_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: PG_URL })
  await admin.connect()
  await admin.query(`CREATE SCHEMA ${schema}`)
  await admin.end()
  return {
    backend,
    dataDir,
    databaseUrl: withSearchPath(PG_URL, schema),
    dispose: async () => {
      const client = new pg.Client({ connectionString: PG_URL })
      await client.connect()
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
      await client.end()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/**
 * Another HQ process's place beside a PostgreSQL store: the same database and schema, its own data
 * directory (so nothing it finds there was written by the other process). Disposing it removes only that.
 */
export function besideStore(store: HqStore): HqStore {
  if (!store.databaseUrl) throw new Error('HQ processes share only a PostgreSQL database')
  const dataDir = mkdtempSync(join(tmpdir(), 'workbench-hq-'))
  return { ...store, dataDir, dispose: async () => rmSync(dataDir, { recursive: true, force: true }) }
}

/** A fresh store's database, migrated, for tests of HQ's parts without its server. */
export async function migratedStore(
  backend: HqBackendName,
): Promise<{ database: HqDatabase; dispose(): Promise<void> }> {
  const store = await createHqStore(backend)
  const database = openHqDatabase(databaseConfig(store))
  await migrateHq(database)
  return {
    database,
    dispose: async () => {
      await database.close()
      await store.dispose()
    },
  }
}

/** Starts HQ on a store (on 127.0.0.1, a free port). */
export function startStoreHq(store: HqStore, options: Partial<HqOptions> = {}): Promise<Hq> {
  return startHq({
    dataDir: store.dataDir,
    databaseUrl: store.databaseUrl,
    port: 0,
    host: '127.0.0.1',
    onInternalError: (error, call) => console.error(`HQ internal error in ${call}`, error),
    ...options,
  })
}

/** One raw HTTP call to HQ: status and parsed body (tests look at both). */
export async function hqCall(
  baseUrl: string,
  name: string,
  input: unknown,
  token?: string,
): Promise<{
  status: number
  body: { ok: boolean; value?: unknown; error?: { code: string; messageKey?: string; fields?: unknown[] } }
}> {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (token) headers.authorization = `Bearer ${token}`
  const response = await fetch(`${baseUrl}/api/${name}`, {
    method: 'POST',
    headers,
    body: typeof input === 'string' ? input : JSON.stringify(input),
  })
  return { status: response.status, body: (await response.json()) as never }
}
