import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import Papa from 'papaparse'
import { createCore, type Core } from '../../src-main/core/app'
import { buildXlsx, sheet } from '../../src-main/core/exports/xlsx-workbook'
import { importRoutes } from '../../src-main/core/imports/imports.api'
import type { ImportUpload } from '../../src-main/core/imports/imports.contract'
import { csvBytes, FACTORY_HEADERS, factoryRows, xlsxBytes } from '../integration/support/spreadsheets'
import type { BenchRow } from './report'
import { summarize, timeRuns } from './stats'

/**
 * DESIGN.md: import a 10,000-row .xlsx with validation in <= 3 s, export 10,000 rows in <= 1.5 s.
 * Ours, import: the whole user path on a fresh database each run — upload (read the file), preview
 * (every row through the FactoryInput schema, credit codes against the database) and commit (every row
 * through the write path in one transaction: change log and search index included). Baseline: exceljs
 * reading the same file and walking its cells, nothing else. The same for a GBK CSV beside iconv-lite +
 * papaparse alone. Export: exports.factories over 10,000 factories beside exceljs writing the same
 * cells.
 */

const ROWS = 10_000

async function ok<T>(
  result: Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>,
): Promise<T> {
  const r = await result
  if (!r.ok) throw new Error(r.error?.message ?? 'call failed')
  return r.value as T
}

async function withCore<T>(work: (core: Core) => Promise<T>): Promise<T> {
  const dataDir = mkdtempSync(join(tmpdir(), 'workbench-bench-import-'))
  const core = await createCore({ dataDir, host: 'test', version: 'bench', demo: false })
  try {
    return await work(core)
  } finally {
    await core.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

/** Upload → preview → commit, as the dialog does it; returns the time of those three only. */
async function importOnce(bytes: Buffer, name: string): Promise<number> {
  return withCore(async (core) => {
    const started = performance.now()
    const file = await ok<ImportUpload>(importRoutes(core.context).upload(bytes, name))
    const preview = await ok<{ good: number }>(
      core.dispatch('imports.preview', { importId: file.importId, kind: 'factories' }),
    )
    if (preview.good !== ROWS) throw new Error(`preview found ${preview.good} good rows of ${ROWS}`)
    const done = await ok<{ imported: number }>(
      core.dispatch('imports.commit', { importId: file.importId, kind: 'factories' }),
    )
    const elapsed = performance.now() - started
    if (done.imported !== ROWS) throw new Error(`imported ${done.imported} of ${ROWS}`)
    return elapsed
  })
}

async function timeImports(runs: number, bytes: Buffer, name: string) {
  const samples: number[] = []
  await importOnce(bytes, name) // warm-up: module and schema compilation
  for (let i = 0; i < runs; i++) samples.push(await importOnce(bytes, name))
  return summarize(samples)
}

export async function benchImport(runs: number): Promise<BenchRow[]> {
  const rows = factoryRows(ROWS)
  const xlsx = await xlsxBytes(FACTORY_HEADERS, rows)
  const csv = csvBytes(FACTORY_HEADERS, rows, 'gbk')
  const result: BenchRow[] = []

  let cells = 0
  const exceljsRead = await timeRuns(
    runs,
    async () => {
      const workbook = new ExcelJS.Workbook()
      await workbook.xlsx.load(xlsx as unknown as ArrayBuffer)
      cells = 0
      workbook.worksheets[0]!.eachRow((row) => {
        cells += (row.values as unknown[]).length - 1
      })
    },
    1,
  )
  if (cells < ROWS * FACTORY_HEADERS.length * 0.9) throw new Error(`exceljs read only ${cells} cells`)
  result.push({
    what: `import ${ROWS.toLocaleString('en')}-row .xlsx (read, validate, write in one transaction)`,
    value: await timeImports(runs, xlsx, 'factories.xlsx'),
    baselineWhat: 'exceljs read alone',
    baseline: exceljsRead,
    target: 3000,
    unit: 'ms',
    note: `${(xlsx.length / 1024 / 1024).toFixed(1)} MB file`,
  })

  result.push({
    what: `import ${ROWS.toLocaleString('en')}-row GBK .csv (same path)`,
    value: await timeImports(runs, csv, 'factories.csv'),
    baselineWhat: 'iconv-lite decode + papaparse alone',
    baseline: await timeRuns(runs, () => Papa.parse(iconv.decode(csv, 'gb18030')), 1),
    target: 3000,
    unit: 'ms',
  })

  await withCore(async (core) => {
    const file = await ok<ImportUpload>(importRoutes(core.context).upload(xlsx, 'seed.xlsx'))
    await ok(core.dispatch('imports.commit', { importId: file.importId, kind: 'factories' }))
    const exported = await timeRuns(
      runs,
      () => ok(core.dispatch('exports.factories', { sort: 'name', direction: 'asc' })),
      1,
    )
    const plain = sheet<(string | number | null)[]>({
      name: '工厂',
      rows,
      columns: FACTORY_HEADERS.map((header, i) => ({ header, width: 12, value: (r) => r[i] ?? null })),
    })
    result.push({
      what: `export ${ROWS.toLocaleString('en')} factories to .xlsx (exports.factories)`,
      value: exported,
      baselineWhat: 'exceljs write of the same cells',
      baseline: await timeRuns(runs, () => buildXlsx([plain]), 1),
      target: 1500,
      unit: 'ms',
    })
  })
  return result
}
