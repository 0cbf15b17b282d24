import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { createCore, DATABASE_FILE, type Core } from '../../src-main/core/app'
import type { FactoryInput } from '../../src-main/core/factories/factories.contract'
import { factoriesTable } from '../../src-main/core/factories/factories.columns'
import { inTransaction, insertRows } from '../../src-main/core/write/write-path'
import { fakeFactories } from './fake-factories'
import type { BenchRow } from './report'
import { summarize } from './stats'

/**
 * A save while a backup of a 100,000-record database runs (DESIGN.md: p95 <= 2x a save without). The
 * records go in through the write path (rows, change log, search index); each save is a factory
 * created through the dispatcher and timed from the moment it is asked for, as a request arriving
 * at a random moment, so a backup step in progress counts against it.
 */

function factoryRow(input: FactoryInput): Record<string, unknown> {
  return {
    name: input.name,
    shop_id: input.shopId ?? '',
    credit_code: input.creditCode ?? '',
    province: input.province ?? '',
    city: input.city ?? '',
    address: input.address ?? '',
    industrial_belt: input.industrialBelt ?? '',
    categories: JSON.stringify(input.categories ?? []),
    oem_brands: JSON.stringify(input.oemBrands ?? []),
    certifications: JSON.stringify(input.certifications ?? []),
    capacity: input.capacity ?? '',
    contacts: JSON.stringify(input.contacts ?? []),
    status: input.status ?? 'prospect',
    notes: input.notes ?? '',
  }
}

async function seed(core: Core, records: number): Promise<void> {
  const inputs = fakeFactories(records, 7)
  for (let i = 0; i < inputs.length; i += 5000) {
    const chunk = inputs.slice(i, i + 5000).map(factoryRow)
    await inTransaction(core.context.db, (trx) => insertRows(trx, core.context.write, factoriesTable, chunk))
  }
}

/** One save, timed from when it is asked for (it waits behind whatever the event loop has queued). */
async function timedSave(core: Core, input: FactoryInput): Promise<number> {
  const asked = performance.now()
  await new Promise((resolve) => setImmediate(resolve))
  const result = await core.dispatch('factories.create', input)
  if (!result.ok) throw new Error(result.error.message)
  return performance.now() - asked
}

export async function benchBackup(records = 100_000, quietSaves = 400): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'workbench-bench-backup-'))
  const core = await createCore({
    dataDir,
    host: 'test',
    version: 'bench',
    demo: false,
    backups: { everyMs: 0, atQuit: false },
  })
  try {
    await seed(core, records)
    const inputs = fakeFactories(quietSaves * 60, 99)
    let next = 0
    const quiet: number[] = []
    for (let i = 0; i < quietSaves; i++) quiet.push(await timedSave(core, inputs[next++]!))
    const during: number[] = []
    let done = false
    const started = performance.now()
    const backup = core.context.backups.create('manual').finally(() => (done = true))
    while (!done && next < inputs.length - quietSaves) during.push(await timedSave(core, inputs[next++]!))
    const made = await backup
    // Half the baseline before the backup, half after: the machine's other load drifts during a run.
    for (let i = 0; i < quietSaves; i++) quiet.push(await timedSave(core, inputs[next++]!))
    const seconds = (performance.now() - started) / 1000
    const mb = statSync(join(dataDir, DATABASE_FILE)).size / 1e6
    return [
      {
        what: `save during a backup of ${records.toLocaleString('en')} records`,
        value: summarize(during),
        baselineWhat: 'the same save, no backup running',
        baseline: summarize(quiet),
        target: 2 * summarize(quiet).p95,
        unit: 'ms',
        note: `backup of ${mb.toFixed(0)} MB (${made.counts.factories.toLocaleString('en')} factories) took ${seconds.toFixed(1)} s while ${during.length} saves ran; target = 2x the quiet p95`,
      },
    ]
  } finally {
    await core.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
