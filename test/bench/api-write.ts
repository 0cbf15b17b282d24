import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { createCore, type Core } from '../../src-main/core/app'
import { FactoryInput } from '../../src-main/core/factories/factories.contract'
import type { BenchRow } from './report'
import { summarize } from './stats'

/** The same factory as the raw columns a hand-written INSERT would bind. */
function rawColumns(input: FactoryInput, stamp: string): unknown[] {
  const v = FactoryInput.parse(input)
  return [
    randomUUID(),
    v.name,
    v.shopId,
    v.creditCode,
    v.province,
    v.city,
    v.address,
    v.industrialBelt,
    JSON.stringify(v.categories),
    JSON.stringify(v.oemBrands),
    JSON.stringify(v.certifications),
    v.capacity,
    JSON.stringify(v.contacts),
    v.status,
    v.notes,
    stamp,
    stamp,
  ]
}

/** Per-row time of a prepared better-sqlite3 INSERT, each in its own (auto-committed) transaction. */
async function rawInsertTimes(inputs: FactoryInput[]): Promise<number[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'workbench-bench-raw-'))
  const core = await createCore({ dataDir, host: 'test', version: 'bench', demo: false })
  try {
    const insert = core.database.sqlite.prepare(
      `INSERT INTO factories (id, name, shop_id, credit_code, province, city, address, industrial_belt,
         categories, oem_brands, certifications, capacity, contacts, status, notes, created_at, updated_at)
       VALUES (${Array(17).fill('?').join(', ')})`,
    )
    const rows = inputs.map((input) => rawColumns(input, new Date().toISOString()))
    return rows.map((row) => {
      const start = performance.now()
      insert.run(row)
      return performance.now() - start
    })
  } finally {
    await core.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

/**
 * Creates every input through the dispatcher (validation, write path, change log, read-back), which
 * also fills the database for the list benches, and times the last `timed` calls (the database then
 * holds close to all the rows) against a raw prepared INSERT of the same rows.
 */
export async function benchWrites(core: Core, inputs: FactoryInput[], timed: number): Promise<BenchRow[]> {
  const times: number[] = []
  const seedStart = performance.now()
  for (const input of inputs) {
    const start = performance.now()
    const result = await core.dispatch('factories.create', input)
    times.push(performance.now() - start)
    if (!result.ok) throw new Error(`factories.create failed: ${result.error.message}`)
  }
  const seedSeconds = (performance.now() - seedStart) / 1000
  const last = inputs.slice(-timed)
  const changes = core.database.sqlite.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }
  return [
    {
      what: 'save a factory: dispatch factories.create',
      value: summarize(times.slice(-timed)),
      baselineWhat: 'raw prepared INSERT, 1 row',
      baseline: summarize(await rawInsertTimes(last)),
      target: 2,
      unit: 'ms',
      note:
        `${timed} calls at ${inputs.length - timed}-${inputs.length} rows; each validates, writes the row and ` +
        `${Math.round(changes.n / inputs.length)} change-log messages in one transaction and reads it back. ` +
        `Seeding all ${inputs.length} this way took ${seedSeconds.toFixed(1)} s`,
    },
  ]
}
