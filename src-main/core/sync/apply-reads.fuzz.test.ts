import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTempCore, type TempCore } from '../../../test/integration/support/temp-core'
import type { SyncedTableName } from '../write/write-path'
import { applyPage } from './apply'
import { formatHlc, makeHlc } from './hlc'
import { placeholdersOf, storedColumns, SYNCED_TABLES } from './synced-tables'
import type { LoggedMessage } from './wire/sync-wire.contract'

/**
 * A read never fails on stored data: random pages (whole saves and partial ones, valid values and
 * malformed ones, good and bad row ids) go through applyPage, then every list, get and stats call goes
 * through the dispatcher, with handler output checked against the contract. None may answer an internal
 * error: what apply accepted, every reader can read.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 40)
const NODE = '0000000000000f0f'

// A small pool, so saves land on the same rows and references find each other.
const IDS = [
  '01937a9e-2f4b-7c3d-8e5f-6a7b8c9d0e01',
  '01937a9e-2f4b-7c3d-8e5f-6a7b8c9d0e02',
  '01937a9e-2f4b-7c3d-8e5f-6a7b8c9d0e03',
]
const PHOTO_IDS = ['a'.repeat(64), 'b'.repeat(64)]
const TABLES = Object.keys(SYNCED_TABLES) as SyncedTableName[]

/** Values a stored column may get: valid ones first (so rows exist), then near misses and junk. */
const VALID: Record<string, unknown[]> = {
  name: ['晋江恒安纸业', '竹浆抽纸', 'x'],
  status: ['qualified', 'paused', 'focus', 'approved', 'excluded'],
  categories: ['["生活用纸"]', '[]'],
  contacts: ['[{"name":"李娜","role":"厂长","phone":"","wechat":"lina"}]', '[]', '[{"name":"王"}]'],
  specs: ['[{"key":"层数","value":"3"}]'],
  evaluation_scores: ['[{"dimension":"手感","score":4,"note":""}]'],
  tiers: ['[{"fromPacks":1,"pricePerPack":"12.5"},{"fromPacks":100,"pricePerPack":"11"}]'],
  pack_spec: ['[{"count":24,"label":"包"},{"count":100,"label":"抽"}]'],
  retail_pack_spec: ['[{"count":10,"label":"包"}]'],
  freight: ['{"kind":"perPack","amount":"0.5"}', '{"kind":"included"}'],
  attendees: ['["王强"]'],
  belts: ['["晋江"]'],
  members: ['["李娜"]'],
  planned_factory_ids: [JSON.stringify(IDS.slice(0, 2))],
  planned_days: [JSON.stringify({ [IDS[0]!]: '2026-11-02' }), '{}'],
  factory_id: IDS,
  sku_id: IDS,
  visit_id: IDS,
  tour_id: IDS,
  sample_id: IDS,
  thread_id: IDS,
  owner_id: IDS,
  photo_id: PHOTO_IDS,
  owner_table: ['factories', 'samples', 'visits'],
  quote_date: ['2026-11-01'],
  visit_date: ['2026-11-02'],
  start_date: ['2026-11-01'],
  end_date: ['2026-10-01', '2026-12-01'],
  valid_until: ['2026-10-01', null],
  observed_at: ['2026-09-09'],
  deleted_at: [null, '2026-11-05T00:00:00.000Z'],
  score_design: [1, 5, null],
  done: [0, 1],
  round: [1, 2],
  currency: ['CNY', 'USD'],
  rate: ['7.1'],
  shelf_price: ['39.9'],
  month: ['2026-10'],
  monthly_units: [1200],
}

const JUNK: unknown[] = [
  'hacked',
  '',
  'not json',
  '[1,2',
  '{}',
  '[{}]',
  '吨'.repeat(300),
  'a\u0000b',
  -1,
  0,
  1.5,
  1e21,
  null,
  true,
  [],
  {},
  '00000000-0000-0000-0000-000000000000',
]

function valueFor(table: SyncedTableName, column: string): fc.Arbitrary<unknown> {
  const placeholder = placeholdersOf(table)[column]
  const options: fc.Arbitrary<unknown>[] = [
    fc.constant(placeholder),
    fc.constantFrom(...JUNK),
    fc.jsonValue({ maxDepth: 2 }),
  ]
  const valid = VALID[column]
  if (valid) options.unshift(fc.constantFrom(...valid), fc.constantFrom(...valid))
  return fc.oneof(...options)
}

/** One save: a table, a row, some (or all) of its columns, one HLC. */
const save = fc.constantFrom(...TABLES).chain((table) => {
  const columns = Object.keys(storedColumns(table))
  const row =
    table === 'photos'
      ? fc.constantFrom(...PHOTO_IDS, '../../x')
      : fc.oneof(fc.constantFrom(...IDS), fc.constantFrom(...IDS), fc.constant('../../not-a-uuid'))
  const values = fc.oneof(
    // A whole record, as a create sends it.
    fc
      .tuple(...columns.map((c) => valueFor(table, c)))
      .map((vs) => columns.map((c, i) => [c, vs[i]] as const)),
    // An edit of a few fields.
    fc
      .subarray(columns, { minLength: 1, maxLength: 4 })
      .chain((picked) =>
        fc
          .tuple(...picked.map((c) => valueFor(table, c)))
          .map((vs) => picked.map((c, i) => [c, vs[i]] as const)),
      ),
  )
  return fc.record({ table: fc.constant(table), row, values })
})

describe('every read answers on whatever apply accepted', () => {
  let core: TempCore
  let seq = 0
  let tick = 0

  // The first internal error of a read, with its cause, for the failure message.
  let lastInternal = ''
  beforeAll(async () => {
    core = await createTempCore({
      dispatcher: {
        checkOutput: true,
        onInternalError: (error, call) => {
          lastInternal = `${call}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`
        },
      },
    })
  })
  afterAll(() => core?.dispose())

  /** Every list, get and stats call a buyer's screens make, for every id in the pool. */
  function reads(): [string, unknown][] {
    const calls: [string, unknown][] = [
      ['factories.list', {}],
      ['factories.list', { sort: 'name', statuses: ['qualified'] }],
      ['factories.stats', {}],
      ['skus.list', {}],
      ['rates.list', {}],
      ['tours.list', {}],
      ['visits.list', {}],
      ['followUps.list', {}],
      ['followUps.list', { status: 'all' }],
      ['categories.list', {}],
      ['samples.list', {}],
      ['targets.dashboard', {}],
      ['search.query', { text: '纸' }],
      ['search.query', { text: '晋江恒安' }],
      ['sync.conflicts', {}],
      ['sync.quarantine', {}],
      ['sync.status', {}],
    ]
    for (const id of IDS) {
      calls.push(
        ['factories.get', { id }],
        ['factories.scorecard', { factoryId: id }],
        ['skus.get', { id }],
        ['benchmarks.list', { skuId: id }],
        ['quotes.list', { skuId: id }],
        ['quotes.list', { factoryId: id }],
        ['quotes.get', { id }],
        ['quotes.rounds', { threadId: id }],
        ['targets.inputs', { skuId: id }],
        ['targets.compare', { skuId: id }],
        ['targets.curves', { skuId: id }],
        ['tours.get', { id }],
        ['visits.get', { id }],
        ['visits.list', { factoryId: id }],
        ['samples.get', { id }],
        ['demand.list', { skuId: id }],
        ['photos.list', { ownerTable: 'factories', ownerId: id }],
        ['photos.list', { ownerTable: 'samples', ownerId: id }],
      )
    }
    return calls
  }

  it('reads rows an older version stored without these checks: lists that do not decode read as empty', async () => {
    const call = async (name: string, input: unknown) => {
      const result = await core.dispatch(name as never, input as never)
      expect(result.ok, `${name}: ${result.ok ? '' : result.error.message} — ${lastInternal}`).toBe(true)
      return (result as { value: { id: string } }).value
    }
    const factory = await call('factories.create', { name: '晋江旧版本纸业', categories: ['生活用纸'] })
    const tour = await call('tours.create', {
      name: '晋江行',
      startDate: '2026-11-01',
      endDate: '2026-11-03',
    })
    const visit = await call('visits.create', { factoryId: factory.id, visitDate: '2026-11-02' })
    const sample = await call('samples.create', {
      source: 'visit',
      visitId: visit.id,
      factoryId: factory.id,
      name: '竹浆纸',
    })
    const { sqlite } = core.database
    sqlite
      .prepare(
        "UPDATE factories SET contacts = 'not json', categories = '{', oem_brands = '[1]' WHERE id = ?",
      )
      .run(factory.id)
    sqlite
      .prepare("UPDATE tours SET belts = 'x', members = '[', planned_factory_ids = '{}' WHERE id = ?")
      .run(tour.id)
    sqlite.prepare("UPDATE visits SET attendees = 'null' WHERE id = ?").run(visit.id)
    sqlite.prepare("UPDATE samples SET specs = '[{]', evaluation_scores = '7' WHERE id = ?").run(sample.id)
    expect(await call('factories.get', { id: factory.id })).toMatchObject({
      contacts: [],
      categories: [],
      oemBrands: [],
    })
    await call('factories.list', {})
    await call('factories.stats', {})
    expect(await call('tours.get', { id: tour.id })).toMatchObject({ belts: [], members: [] })
    await call('tours.list', {})
    expect(await call('visits.get', { id: visit.id })).toMatchObject({ attendees: [] })
    await call('visits.list', {})
    expect(await call('samples.get', { id: sample.id })).toMatchObject({ specs: [] })
    await call('samples.list', {})
    await call('factories.scorecard', { factoryId: factory.id })
  })

  it('no list, get or stats call fails with an internal error after any page', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(save, { minLength: 1, maxLength: 12 }), async (saves) => {
        const messages: LoggedMessage[] = saves.flatMap((s) => {
          const hlc = formatHlc(makeHlc(Date.now() - 120_000, tick++, NODE))
          return s.values.map(([column, value]) => ({
            seq: ++seq,
            hlc,
            table: s.table,
            row: s.row,
            column,
            value: JSON.stringify(value) ?? 'null',
            device: 'fuzz-device',
            base: null,
          }))
        })
        await applyPage(
          { db: core.context.db, clock: core.context.write.clock, now: core.context.write.now },
          messages,
          seq,
        )
        for (const [call, input] of reads()) {
          const result = await core.dispatch(call as never, input as never)
          if (!result.ok) {
            // not_found for a row that is not there (or deleted); a validation error here would be a
            // malformed read in this test, not stored data.
            const what = `${call} ${JSON.stringify(input)}: ${result.error.message} — ${lastInternal}`
            expect(result.error.code, what).toBe('not_found')
          }
        }
      }),
      { numRuns: RUNS },
    )
    // The pages did reach the readers: records were written, and malformed saves held back.
    const count = (table: string) =>
      (core.database.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
    expect(TABLES.reduce((sum, table) => sum + count(table), 0)).toBeGreaterThan(0)
    expect(count('sync_quarantine')).toBeGreaterThan(0)
  })
})
