import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { DATABASE_FILE } from '../../src-main/core/app'

/**
 * kill -9 in the middle of thousands of writes, many times over the same file: after every kill the
 * database passes integrity_check, every write the child reported as done is there with its change
 * records, no change record lacks its row, and nothing committed is ever lost.
 */

const REPO = resolve(__dirname, '..', '..')
const WRITER = join(__dirname, 'fixtures', 'writer.ts')
const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 15)

interface RoundOutput {
  /** The child said `ready` (its core was open) before it was killed. */
  ready: boolean
  created: string[]
  updated: string[]
  deleted: string[]
  signal: NodeJS.Signals | null
  code: number | null
  stderr: string
}

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms))
}

/** Runs the writer, SIGKILLs it `killAfterMs` after it is ready (or after spawn if `early`). */
function runAndKill(
  dataDir: string,
  seed: number,
  killAfterMs: number,
  early: boolean,
): Promise<RoundOutput> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dataDir, String(seed)], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const out: RoundOutput = {
      ready: false,
      created: [],
      updated: [],
      deleted: [],
      signal: null,
      code: null,
      stderr: '',
    }
    let pending = ''
    const kill = () => child.kill('SIGKILL')
    const guard = setTimeout(kill, 30_000)
    if (early) setTimeout(kill, killAfterMs)
    child.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString()
      const lines = pending.split('\n')
      pending = lines.pop() ?? ''
      for (const line of lines) {
        const [kind, id] = line.split(' ') as [string, string]
        if (kind === 'ready') {
          out.ready = true
          if (!early) setTimeout(kill, killAfterMs)
        } else if (kind === 'c') out.created.push(id)
        else if (kind === 'u') out.updated.push(id)
        else if (kind === 'd') out.deleted.push(id)
      }
    })
    child.stderr.on('data', (chunk: Buffer) => (out.stderr += chunk.toString()))
    child.once('error', fail)
    child.once('exit', (code, signal) => {
      clearTimeout(guard)
      out.code = code
      out.signal = signal
      done(out)
    })
  })
}

interface Snapshot {
  /** Every row of factories, live or tombstoned, by id. */
  rows: Map<string, Record<string, unknown>>
  /** Problems found; empty when the database is consistent. */
  problems: string[]
}

/** Opens the file after the crash (WAL recovery happens here) and checks every invariant. */
/** Replays one table's change log: the newest message per field must hold the value now in the row. */
function replayProblems(
  sqlite: Database.Database,
  table: string,
  rows: Map<string, Record<string, unknown>>,
  skipped: string[],
): string[] {
  const problems: string[] = []
  const columns = (sqlite.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[])
    .map((c) => c.name)
    .filter((c) => !skipped.includes(c))
  const latest = new Map<string, string>()
  let previousHlc = ''
  const changes = sqlite
    .prepare('SELECT seq, hlc, row_id, column_name, value FROM change_log WHERE table_name = ? ORDER BY seq')
    .all(table) as { seq: number; hlc: string; row_id: string; column_name: string; value: string }[]
  for (const change of changes) {
    if (change.hlc < previousHlc) problems.push(`${table}: hlc went backwards at seq ${change.seq}`)
    previousHlc = change.hlc
    if (!rows.has(change.row_id)) problems.push(`change ${change.seq} has no row ${change.row_id}`)
    latest.set(`${change.row_id}\u0000${change.column_name}`, change.value)
  }
  for (const [id, row] of rows) {
    for (const column of columns) {
      const message = latest.get(`${id}\u0000${column}`)
      if (message === undefined) problems.push(`row ${id} has no change record for ${column}`)
      else if (message !== JSON.stringify(row[column] ?? null))
        problems.push(`row ${id}.${column} differs from its newest change record`)
    }
  }
  return problems
}

function inspect(file: string): Snapshot {
  const sqlite = new Database(file)
  try {
    const problems: string[] = []
    const integrity = sqlite.pragma('integrity_check', { simple: true })
    if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`)
    const hasTable = sqlite
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'factories'")
      .get()
    if (!hasTable) return { rows: new Map(), problems }

    const rows = new Map(
      (sqlite.prepare('SELECT * FROM factories').all() as Record<string, unknown>[]).map((r) => [
        r.id as string,
        r,
      ]),
    )
    // The legacy contacts list is no longer written (contacts are rows of factory_contacts since 0011).
    problems.push(...replayProblems(sqlite, 'factories', rows, ['id', 'contacts']))
    const hasContacts = sqlite
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'factory_contacts'")
      .get()
    if (hasContacts) {
      const contacts = new Map(
        (sqlite.prepare('SELECT * FROM factory_contacts').all() as Record<string, unknown>[]).map((r) => [
          r.id as string,
          r,
        ]),
      )
      problems.push(...replayProblems(sqlite, 'factory_contacts', contacts, ['id']))
    }
    return { rows, problems: problems.slice(0, 20) }
  } finally {
    sqlite.close()
  }
}

describe('crash safety', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'workbench-crash-'))
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

  it(`survives ${ROUNDS} SIGKILLs in the middle of thousands of writes`, { timeout: 180_000 }, async () => {
    const file = join(dataDir, DATABASE_FILE)
    const everCreated = new Set<string>()
    const everDeleted = new Set<string>()
    let previousRows = 0
    let writes = 0
    const started = Date.now()

    for (let round = 0; round < ROUNDS; round++) {
      // Every fifth round dies early, possibly while opening or migrating the database.
      const early = round % 5 === 4
      const killAfter = early ? 150 + Math.random() * 600 : 100 + Math.random() * 900
      const out = await runAndKill(dataDir, 1000 + round, killAfter, early)
      expect(out.signal, `round ${round}: writer ended on its own (code ${out.code}):\n${out.stderr}`).toBe(
        'SIGKILL',
      )
      if (!early) expect(out.ready, `round ${round}: writer never got ready`).toBe(true)
      writes += out.created.length + out.updated.length + out.deleted.length
      out.created.forEach((id) => everCreated.add(id))
      out.deleted.forEach((id) => everDeleted.add(id))

      const snapshot = inspect(file)
      expect(snapshot.problems, `round ${round}`).toEqual([])
      // Committed rows are never lost: tombstones keep deleted rows, so the row count only grows.
      expect(snapshot.rows.size, `round ${round}: rows went down`).toBeGreaterThanOrEqual(previousRows)
      previousRows = snapshot.rows.size
      const missing = [...everCreated].filter((id) => !snapshot.rows.has(id))
      expect(missing, `round ${round}: reported creates lost`).toEqual([])
      const undeleted = [...everDeleted].filter((id) => snapshot.rows.get(id)?.deleted_at == null)
      expect(undeleted, `round ${round}: reported deletes lost`).toEqual([])
      await sleep(10)
    }

    const seconds = (Date.now() - started) / 1000
    console.log(
      `crash safety: ${ROUNDS} kills, ${writes} acknowledged writes, ${previousRows} rows, ${seconds.toFixed(1)} s`,
    )
    expect(writes).toBeGreaterThan(1000)
  })
})
