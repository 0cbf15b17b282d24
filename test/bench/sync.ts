import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import Database from 'better-sqlite3'
import { MAX_PULL_LIMIT, type LoggedMessage } from '../../src-main/core/sync/wire/sync-wire.contract'
import { createCore } from '../../src-main/core/app'
import { applyPage } from '../../src-main/core/sync/apply'
import { formatHlc, makeHlc } from '../../src-main/core/sync/hlc'
import type { BenchRow } from './report'
import { summarize, timeOnce } from './stats'

/**
 * Sync's apply step (DESIGN.md: 100,000 messages applied in <= 3 s, <= 2 MB gzipped on the wire, and
 * applying them again is a no-op): 10,000 factories arriving field by field from 8 laptops, applied in
 * HQ's largest pull pages through the real apply path (LWW lookups, rows created field by field, change
 * log, search index, cursor). Baseline: a raw prepared-statement insert of the same rows and change log
 * in one transaction, the least any apply must write.
 */

const ROWS = 10_000
const COLUMNS = [
  'name',
  'province',
  'city',
  'address',
  'industrial_belt',
  'categories',
  'capacity',
  'status',
  'notes',
  'created_at',
]

function messages(): LoggedMessage[] {
  const nodes = Array.from({ length: 8 }, (_, i) => `00000000000000${(0x10 + i).toString(16)}`)
  const t0 = Date.now() - 3_600_000
  const out: LoggedMessage[] = []
  for (let r = 0; r < ROWS; r++) {
    const node = nodes[r % nodes.length]!
    const row = `0190f000-0000-7000-8000-${r.toString(16).padStart(12, '0')}`
    const hlc = formatHlc(makeHlc(t0 + r, 0, node))
    const values: Record<string, string> = {
      name: `晋江恒安纸业 ${r}`,
      province: '福建',
      city: '晋江',
      address: `安海镇工业区 ${r} 号`,
      industrial_belt: '晋江生活用纸',
      categories: '["抽纸","卷纸"]',
      capacity: '日产 30 吨',
      status: 'prospect',
      notes: '',
      created_at: new Date(t0 + r).toISOString(),
    }
    for (const column of COLUMNS) {
      out.push({
        seq: out.length + 1,
        hlc,
        table: 'factories',
        row,
        column,
        value: JSON.stringify(values[column]),
        device: `laptop-${node}`,
        base: null,
      })
    }
  }
  return out
}

function pages(all: LoggedMessage[]): { messages: LoggedMessage[]; cursor: number; more: boolean }[] {
  const out = []
  for (let i = 0; i < all.length; i += MAX_PULL_LIMIT) {
    const page = all.slice(i, i + MAX_PULL_LIMIT)
    out.push({ messages: page, cursor: page.at(-1)!.seq, more: i + MAX_PULL_LIMIT < all.length })
  }
  return out
}

function rawInsert(all: LoggedMessage[], file: string): void {
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.exec(`CREATE TABLE factories (id TEXT PRIMARY KEY, ${COLUMNS.map((c) => `${c} TEXT`).join(', ')});
    CREATE TABLE change_log (seq INTEGER PRIMARY KEY, hlc TEXT, table_name TEXT, row_id TEXT, column_name TEXT,
      value TEXT, device_id TEXT, sent_at TEXT)`)
  const row = db.prepare(`INSERT INTO factories VALUES (?, ${COLUMNS.map(() => '?').join(', ')})`)
  const log = db.prepare(
    'INSERT INTO change_log (hlc, table_name, row_id, column_name, value, device_id, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  )
  db.transaction(() => {
    for (let i = 0; i < all.length; i += COLUMNS.length) {
      const fields = all.slice(i, i + COLUMNS.length)
      row.run(fields[0]!.row, ...fields.map((f) => JSON.parse(f.value) as string))
      for (const f of fields) log.run(f.hlc, f.table, f.row, f.column, f.value, f.device, 'now')
    }
  })()
  db.close()
}

export async function benchSync(): Promise<BenchRow[]> {
  const all = messages()
  const wire = pages(all)
  const gzipped = wire.reduce(
    (sum, page) => sum + gzipSync(JSON.stringify({ ok: true, value: page })).length,
    0,
  )
  const dir = mkdtempSync(join(tmpdir(), 'workbench-bench-sync-'))
  try {
    const core = await createCore({
      dataDir: join(dir, 'laptop'),
      host: 'test',
      version: 'bench',
      demo: false,
    })
    let apply: number
    let again: number
    try {
      const ctx = { db: core.context.db, clock: core.context.write.clock, now: core.context.write.now }
      apply = await timeOnce(async () => {
        for (const page of wire) await applyPage(ctx, page.messages, page.cursor)
      })
      const rows = core.database.sqlite.prepare('SELECT count(*) AS n FROM factories').get() as { n: number }
      if (rows.n !== ROWS) throw new Error(`apply wrote ${rows.n} factories, expected ${ROWS}`)
      const before = core.database.sqlite.prepare('SELECT count(*) AS n FROM change_log').get()
      again = await timeOnce(async () => {
        for (const page of wire) await applyPage(ctx, page.messages, page.cursor)
      })
      const after = core.database.sqlite.prepare('SELECT count(*) AS n FROM change_log').get()
      if (JSON.stringify(before) !== JSON.stringify(after)) throw new Error('re-apply changed the change log')
    } finally {
      await core.close()
    }
    const raw = await timeOnce(() => rawInsert(all, join(dir, 'raw.sqlite')))
    const mb = (gzipped / 1024 / 1024).toFixed(2)
    return [
      {
        what: `sync: apply ${all.length.toLocaleString('en')} messages`,
        value: summarize([apply]),
        baselineWhat: 'raw batch insert of the same rows',
        baseline: summarize([raw]),
        target: 3000,
        unit: 'ms',
        note: `${wire.length} pages of ${MAX_PULL_LIMIT}; on the wire ${mb} MB gzipped (target <= 2 MB: ${gzipped <= 2 * 1024 * 1024 ? 'yes' : 'NO'})`,
      },
      {
        what: 'sync: apply the same pages again',
        value: summarize([again]),
        baselineWhat: 'first apply',
        baseline: summarize([apply]),
        target: null,
        unit: 'ms',
        note: 'a no-op: the change log is checked unchanged',
      },
    ]
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
