import type { Core } from '../../src-main/core/app'
import type { BenchRow } from './report'
import { timeRuns } from './stats'

const SUMMARY_SQL = `SELECT id, name, province, city, industrial_belt, categories, oem_brands, status, contacts, updated_at
  FROM factories WHERE deleted_at IS NULL`
const SEARCHED = [
  'name',
  'province',
  'city',
  'industrial_belt',
  'categories',
  'oem_brands',
  'shop_id',
  'credit_code',
]
const SEARCH_SQL = `${SUMMARY_SQL} AND (${SEARCHED.map((c) => `${c} LIKE ? ESCAPE '\\'`).join(' OR ')})`

/**
 * The factory list call at the database's size (10,000 rows): the whole list and two searches through
 * the dispatcher, each against the raw better-sqlite3 SELECT that returns the same rows.
 */
export async function benchListQuery(core: Core, runs: number): Promise<BenchRow[]> {
  const { sqlite } = core.database
  const all = sqlite.prepare(SUMMARY_SQL)
  const search = sqlite.prepare(SEARCH_SQL)
  const rows: BenchRow[] = []
  const cases: { what: string; input: { search?: string }; raw: () => unknown[] }[] = [
    { what: 'factory list, all rows', input: {}, raw: () => all.all() },
    {
      what: 'factory list, search "晋江" (2 chars)',
      input: { search: '晋江' },
      raw: () => search.all(...SEARCHED.map(() => '%晋江%')),
    },
    {
      what: 'factory list, search "洗手液" (3 chars)',
      input: { search: '洗手液' },
      raw: () => search.all(...SEARCHED.map(() => '%洗手液%')),
    },
  ]
  for (const c of cases) {
    let total = 0
    const value = await timeRuns(
      runs,
      async () => {
        const result = await core.dispatch('factories.list', c.input)
        if (!result.ok) throw new Error(`factories.list failed: ${result.error.message}`)
        total = (result.value as { total: number }).total
      },
      2,
    )
    const rawCount = c.raw().length
    if (rawCount !== total) throw new Error(`${c.what}: dispatch found ${total} rows, raw SELECT ${rawCount}`)
    rows.push({
      what: `${c.what}: dispatch`,
      value,
      baselineWhat: 'raw SELECT .all()',
      baseline: await timeRuns(runs, c.raw, 2),
      target: null,
      unit: 'ms',
      note: `${total} of ${all.all().length} rows returned (sorted, JSON lists parsed, contact count), ${runs} runs`,
    })
  }
  return rows
}
