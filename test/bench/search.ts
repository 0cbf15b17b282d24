import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { createCore } from '../../src-main/core/app'
import type { FactoryInput } from '../../src-main/core/factories/factories.contract'
import type { SearchKind, SearchResults } from '../../src-main/core/search/search.contract'
import {
  indexNewDocuments,
  optimizeSearchIndex,
  type IndexEntry,
} from '../../src-main/core/search/search-index'
import { SEARCH_SOURCES, type SearchDocument } from '../../src-main/core/search/search-sources'
import { inTransaction, newRowId } from '../../src-main/core/write/write-path'
import { fakeFactories, seededRandom } from './fake-factories'
import type { BenchRow } from './report'
import { timeRuns } from './stats'

/**
 * Search over 100,000 records (DESIGN.md: <= 5 ms for 3+ characters, <= 30 ms for 1–2, in SQL). The
 * records are indexed through the same code the write path uses; queries go through the dispatcher.
 * Baselines, on the same index: a bare FTS5 MATCH (the least a trigram search must do) and a bare LIKE
 * scan of the documents (what a 1–2 character search without a compact table costs).
 */

const SAMPLE_NAMES = [
  '家庭用纸巾三层',
  '超韧抽纸',
  '湿厕纸',
  '一次性浴巾',
  '压缩毛巾',
  '泡沫洗手液',
  '洁厕液',
  '香薰蜡烛',
  '酱香白酒',
]
const SPECS = ['100抽×24包', '300ml', '80片', '500g', '10卷', '53度 500ml']
const BUYERS = ['王敏', '李娜', '张伟', '陈静', '刘洋']

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
    notes: input.notes ?? '',
  }
}

/** 100,000 invented records: factories (through the real factory source), samples, SKUs, visits, tours. */
export async function benchRecords(total: number): Promise<{ entries: IndexEntry[]; sampleCode: string }> {
  const random = seededRandom(7)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
  const factorySource = SEARCH_SOURCES.find((s) => s.kind === 'factory')!
  const factories = fakeFactories(Math.round(total * 0.5), 11)
  const entries: IndexEntry[] = []
  for (const input of factories) {
    const document = await factorySource.document(factoryRow(input), async () => undefined)
    entries.push({ kind: 'factory', rowId: newRowId(), document })
  }
  const add = (kind: SearchKind, document: SearchDocument) =>
    entries.push({ kind, rowId: newRowId(), document })
  let sampleCode = ''
  const samples = Math.round(total * 0.35)
  for (let i = 1; i <= samples; i++) {
    const factory = pick(factories)
    const code = `S-2026-${pick(['K7QX', 'M2PA', 'T9LD'])}-${String(i).padStart(5, '0')}`
    if (i === Math.floor(samples / 2)) sampleCode = code
    const name = `${pick(SAMPLE_NAMES)} ${pick(SPECS)}`
    add('sample', {
      title: name,
      subtitle: `${code} · ${factory.name}`,
      codes: [code],
      body: [
        factory.name,
        factory.categories?.[0] ?? '生活用纸',
        `样品柜 ${1 + Math.floor(random() * 40)} 号`,
      ],
    })
  }
  const rest = total - entries.length
  for (let i = 0; i < rest; i++) {
    const factory = pick(factories)
    if (i % 10 < 5) {
      add('sku', {
        title: `${pick(SAMPLE_NAMES)} ${pick(SPECS)}`,
        subtitle: '生活用纸 · 抽',
        codes: [],
        body: ['对标维达 山姆'],
      })
    } else if (i % 10 < 9) {
      add('visit', {
        title: factory.name,
        subtitle: `2026-0${1 + (i % 9)}-1${i % 10} · ${factory.industrialBelt}`,
        codes: [],
        body: [pick(BUYERS), pick(BUYERS), '产能充足，开款快，品控体系待复核'],
      })
    } else {
      add('tour', {
        title: `${factory.industrialBelt}产业带考察`,
        subtitle: '2026-03-02 – 2026-03-06',
        codes: [],
        body: [pick(BUYERS)],
      })
    }
  }
  return { entries, sampleCode }
}

export async function benchSearch(total: number, runs: number): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'workbench-bench-search-'))
  const core = await createCore({ dataDir, host: 'test', version: 'bench', demo: false })
  try {
    const { entries, sampleCode } = await benchRecords(total)
    const started = performance.now()
    await inTransaction(core.context.db, async (trx) => {
      await indexNewDocuments(trx, entries)
      await optimizeSearchIndex(trx)
    })
    const indexSeconds = (performance.now() - started) / 1000
    const { sqlite } = core.database
    const search = async (text: string) => {
      const result = await core.dispatch('search.query', { text, limit: 5 })
      if (!result.ok) throw new Error(`search.query failed: ${result.error.message}`)
      return result.value as SearchResults
    }
    const exact = await search(sampleCode)
    if (!exact.exactCode) throw new Error(`the sample code ${sampleCode} was not found exactly`)
    // Realistic queries, common and rare, plus one that matches nothing (the slowest case for a scan).
    const long = [
      '纸巾三层',
      '洗手液',
      '湿厕纸',
      '仙桃无纺',
      'kirkland',
      '日化有限公司',
      sampleCode,
      '00042',
      '不存在的厂',
    ]
    const short = ['纸巾', '巾', '晋江', '酒', '浴巾', '王', 'k7', '罕见']
    const ftsRaw = sqlite.prepare(
      'SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid LIMIT 25',
    )
    const likeRaw = sqlite.prepare(
      'SELECT doc FROM search_docs WHERE title LIKE ? OR body LIKE ? OR code LIKE ? ORDER BY doc LIMIT 25',
    )
    const at = <T>(items: T[], i: number) => items[Math.abs(i) % items.length] as T
    const note = (queries: string[]) =>
      `${total.toLocaleString('en')} records, queries ${queries.map((q) => `"${q}"`).join(' ')}, ${runs} runs`
    const rows: BenchRow[] = [
      {
        what: 'search, 3+ characters: dispatch',
        value: await timeRuns(runs, (i) => search(at(long, i)), long.length),
        baselineWhat: 'raw FTS5 MATCH, 25 rows',
        baseline: await timeRuns(
          runs,
          (i) => ftsRaw.all(`"${at(long, i).replaceAll('"', '""')}"`),
          long.length,
        ),
        target: 5,
        unit: 'ms',
        note: `${note(long)}; indexing ${total.toLocaleString('en')} records took ${indexSeconds.toFixed(1)} s`,
      },
      {
        what: 'search, 1–2 characters: dispatch',
        value: await timeRuns(runs, (i) => search(at(short, i)), short.length),
        baselineWhat: 'raw LIKE scan, 25 rows',
        baseline: await timeRuns(
          runs,
          (i) => {
            const pattern = `%${at(short, i)}%`
            return likeRaw.all(pattern, pattern, pattern)
          },
          short.length,
        ),
        target: 30,
        unit: 'ms',
        note: note(short),
      },
    ]
    return rows
  } finally {
    await core.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
