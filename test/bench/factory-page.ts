import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCore, type Core } from '../../src-main/core/app'
import { newRowId } from '../../src-main/core/write/write-path'
import type { BenchRow } from './report'
import { timeRuns } from './stats'

const SAMPLES = 200
const QUOTES = 100
const VISITS = 12
/** Rows of other factories around it, so the page's queries run over a lived-in database. */
const BACKGROUND_SAMPLES = 100_000

type Call = (name: string, input: unknown) => Promise<{ id: string }>

function caller(core: Core): Call {
  return async (name, input) => {
    const result = await core.dispatch(name, input)
    if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`)
    return result.value as { id: string }
  }
}

/** One factory with 12 scored visits (follow-ups open), 200 samples and 100 quotes, through the dispatcher. */
async function seedFactory(core: Core): Promise<string> {
  const call = caller(core)
  const pack = [
    { count: 24, label: '包' },
    { count: 100, label: '抽' },
  ]
  const sku = await call('skus.create', {
    category: '生活用纸',
    name: '三层抽纸 100抽×24包',
    comparableUnit: '抽',
    retailPackSpec: pack,
    plannedOrderPacks: 10_000,
    targetMargin: '0.35',
  })
  const factory = await call('factories.create', {
    name: '晋江禾映纸业有限公司',
    province: '福建省',
    city: '泉州市',
    contacts: [{ name: '陈厂长', phone: '13905951234' }],
  })
  const visits = []
  for (let v = 0; v < VISITS; v++) {
    visits.push(
      await call('visits.create', {
        factoryId: factory.id,
        visitDate: `2026-0${1 + Math.floor(v / 4)}-${String(1 + (v % 4) * 7).padStart(2, '0')}`,
        scores: { design: { score: 1 + (v % 5) }, capacity: { score: 3 } },
        followUps: [{ text: `跟进事项 ${v + 1}`, dueDate: '2026-05-01' }],
      }),
    )
  }
  for (let s = 0; s < SAMPLES; s++) {
    await call('samples.create', {
      source: 'visit',
      visitId: visits[s % VISITS]!.id,
      factoryId: factory.id,
      skuId: sku.id,
      name: `竹浆三层抽纸 样品 ${s + 1}`,
      specs: [{ key: '层数', value: '3' }],
      status: 'received',
    })
  }
  for (let q = 0; q < QUOTES; q++) {
    await call('quotes.create', {
      skuId: sku.id,
      factoryId: factory.id,
      quoteDate: '2026-03-02',
      validUntil: '2026-12-31',
      vatBasis: 'included',
      currency: 'CNY',
      packSpec: pack,
      tiers: [
        { fromPacks: 1000, pricePerPack: `${15 + (q % 7)}.00` },
        { fromPacks: 5000, pricePerPack: `${14 + (q % 7)}.40` },
      ],
      freight: { kind: 'included' },
    })
  }
  return factory.id
}

/**
 * Copies one stored sample into many rows of other factories, straight in SQL: the background the page's
 * queries must not slow down on (100,000 records), made in seconds rather than through the dispatcher.
 */
function seedBackground(core: Core, count: number): void {
  const { sqlite } = core.database
  const columns = (sqlite.prepare('PRAGMA table_info(samples)').all() as { name: string }[]).map(
    (c) => c.name,
  )
  const replaced: Record<string, string> = {
    id: '@id',
    code: '@code',
    factory_id: '@factory',
    visit_id: 'NULL',
  }
  const insert = sqlite.prepare(
    `INSERT INTO samples (${columns.join(', ')}) SELECT ${columns.map((c) => replaced[c] ?? c).join(', ')}
     FROM samples WHERE id = (SELECT id FROM samples LIMIT 1)`,
  )
  sqlite.transaction(() => {
    for (let i = 0; i < count; i++) {
      insert.run({ id: newRowId(), code: `BG-${i}`, factory: `bg-factory-${i % 2000}` })
    }
  })()
}

/** What the factory page asks for before its first content: the same calls, in parallel, as it renders. */
const PAGE_CALLS = (factoryId: string): [string, unknown][] => [
  ['factories.get', { id: factoryId }],
  ['factories.scorecard', { factoryId }],
  ['samples.list', { factoryId }],
  ['quotes.list', { factoryId }],
  ['photos.list', { ownerTable: 'factories', ownerId: factoryId }],
  ['photos.ofFactory', { factoryId }],
]

/**
 * "Factory page (200 samples, 100 quotes) over 100k records: first content": the page's calls through
 * the dispatcher (validation, mapping, the scorecard's math, JSON out), beside the raw SELECTs of the
 * same rows in the same run.
 */
export async function benchFactoryPage(runs: number): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'workbench-bench-factory-page-'))
  const core = await createCore({ dataDir, host: 'test', version: 'bench', demo: false })
  try {
    const factoryId = await seedFactory(core)
    seedBackground(core, BACKGROUND_SAMPLES)
    const { sqlite } = core.database
    const raw = [
      sqlite.prepare('SELECT * FROM factories WHERE id = ? AND deleted_at IS NULL'),
      sqlite.prepare('SELECT * FROM factory_contacts WHERE factory_id = ? AND deleted_at IS NULL'),
      sqlite.prepare(
        'SELECT * FROM visits WHERE factory_id = ? AND deleted_at IS NULL ORDER BY visit_date DESC',
      ),
      sqlite.prepare(
        `SELECT f.* FROM visit_follow_ups f JOIN visits v ON v.id = f.visit_id
         WHERE v.factory_id = ? AND f.deleted_at IS NULL AND v.deleted_at IS NULL`,
      ),
      sqlite.prepare(
        'SELECT * FROM samples WHERE factory_id = ? AND deleted_at IS NULL ORDER BY created_at DESC',
      ),
      sqlite.prepare('SELECT * FROM quotes WHERE factory_id = ? AND deleted_at IS NULL'),
    ]
    let counts = ''
    const page = async () => {
      const results = await Promise.all(
        PAGE_CALLS(factoryId).map(([name, input]) => core.dispatch(name, input)),
      )
      for (const [i, result] of results.entries()) {
        if (!result.ok) throw new Error(`${PAGE_CALLS(factoryId)[i]![0]}: ${result.error.message}`)
      }
      const samples = (results[2]!.ok ? results[2]!.value : []) as unknown[]
      const quotes = (results[3]!.ok ? results[3]!.value : []) as unknown[]
      counts = `${samples.length} samples, ${quotes.length} quotes`
    }
    const value = await timeRuns(runs, page, 3)
    if (counts !== `${SAMPLES} samples, ${QUOTES} quotes`) throw new Error(`factory page read ${counts}`)
    const baseline = await timeRuns(runs, () => raw.forEach((statement) => statement.all(factoryId)), 3)
    return [
      {
        what: `factory page first content (${SAMPLES} samples, ${QUOTES} quotes, ${VISITS} visits; ${BACKGROUND_SAMPLES / 1000}k other samples): its 6 calls`,
        value,
        baselineWhat: 'raw SELECTs of the same rows',
        baseline,
        target: 150,
        unit: 'ms',
        note: `${counts}; dispatch of factories.get, factories.scorecard, samples.list, quotes.list, photos.list, photos.ofFactory in parallel, ${runs} runs`,
      },
    ]
  } finally {
    await core.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
