import { AppError } from '../api/errors'
import { MAX_IMPORT_ROWS, type SkippedRows } from './imports.contract'
import type { ParsedTable, TableRow } from './read-table'

/**
 * Which row of a sheet is its header. Department lists carry a merged title ("2026年11月 … 工厂名单
 * （采购部）"), a line of notes or a blank row above the header; taking the first non-blank row as the
 * header made a title every column's name. So the first rows are scored as header candidates: cells that
 * name a known field, distinct texts (a header has no numbers and no repeats), and rows below that look
 * like data. The buyer can pick another row in the preview.
 */

/** How many of the first non-blank rows may be the header. */
export const HEADER_CANDIDATES = 20

/** The sheet read with one row as its header. */
export interface TableView {
  /** The header's row number, as Excel shows it. */
  headerRow: number
  /** The header row's texts, one per column (blank for a column without a header). */
  headers: string[]
  /** The data rows below the header, in file order (blank and note rows left out). */
  rows: TableRow[]
  /** What was left out, in row ranges, with the reason the preview says. */
  skipped: SkippedRows[]
}

const NUMBER = /^[-+]?[\d,.]+%?$/
// A note under the data, in its first cell alone: 注：…, 备注：…, 制表人：…, 合计 …
const FOOTNOTE = /^(注|备注|说明|制表|填表|审核|合计|总计|小计|note|total)/i

const filled = (cells: readonly string[]) => cells.filter((c) => c !== '')

/**
 * The score of one row as the header: `knownCells` counts cells naming a known field. A row with one
 * text alone (a title, a note) never wins while a row of several does.
 */
function headerScore(cells: readonly string[], knownCells: number, below: readonly TableRow[]): number {
  const texts = filled(cells)
  if (texts.length < 2) return -100 + texts.length
  const words = texts.filter((c) => !NUMBER.test(c) && c.length <= 30)
  const distinct = new Set(words).size
  const numbers = texts.length - words.length
  // Data rows below fill about as many columns as the header does.
  const dataBelow = below
    .slice(0, 3)
    .filter((r) => filled(r.cells).length >= Math.max(2, texts.length / 2)).length
  return 4 * knownCells + Math.min(distinct, 15) - 2 * numbers - 3 * (texts.length - distinct) + dataBelow
}

/** The likeliest header row: the best-scoring of the first rows; ties go to the earlier row. */
export function detectHeaderRow(
  table: ParsedTable,
  knownCells: (cells: readonly string[]) => number,
): number {
  const candidates = table.records.slice(0, HEADER_CANDIDATES)
  let best = { rowNumber: candidates[0]?.rowNumber ?? 1, score: -Infinity }
  candidates.forEach((record, index) => {
    const score = headerScore(record.cells, knownCells(record.cells), table.records.slice(index + 1))
    if (score > best.score) best = { rowNumber: record.rowNumber, score }
  })
  return best.rowNumber
}

function importError(messageKey: string, message: string, params?: Record<string, string | number>) {
  return new AppError('bad_request', messageKey, message, [{ path: [], messageKey, params }])
}

/** Row ranges of a sorted list of row numbers. */
function ranges(rowNumbers: readonly number[]): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = []
  for (const n of rowNumbers) {
    const last = out[out.length - 1]
    if (last && last.to === n - 1) last.to = n
    else out.push({ from: n, to: n })
  }
  return out
}

/** The sheet with `headerRow` as its header; refused when that row is not one of the candidates. */
export function viewAt(table: ParsedTable, headerRow: number): TableView {
  const index = table.records.findIndex((r) => r.rowNumber === headerRow)
  if (index < 0 || index >= HEADER_CANDIDATES) {
    throw new AppError('validation', 'errors.import.headerRow', `row ${headerRow} cannot be the header`, [
      { path: ['headerRow'], messageKey: 'errors.import.headerRow' },
    ])
  }
  const header = table.records[index] as TableRow
  const headers = [...header.cells]
  const namedColumns = filled(headers).length
  const rows: TableRow[] = []
  const notes: number[] = []
  for (const record of table.records.slice(index + 1)) {
    const texts = filled(record.cells)
    if (namedColumns >= 3 && texts.length === 1 && FOOTNOTE.test(record.cells[0] ?? '')) {
      notes.push(record.rowNumber)
    } else rows.push(record)
  }
  if (rows.length === 0) {
    throw importError('errors.import.noRows', 'the spreadsheet has a header row but no data')
  }
  if (rows.length > MAX_IMPORT_ROWS) {
    throw importError('errors.import.tooManyRows', `more than ${MAX_IMPORT_ROWS} rows`, {
      maximum: MAX_IMPORT_ROWS,
    })
  }
  const present = new Set(table.records.map((r) => r.rowNumber))
  const lastRow = (rows[rows.length - 1] as TableRow).rowNumber
  const blanks: number[] = []
  for (let n = headerRow + 1; n < lastRow; n++) if (!present.has(n)) blanks.push(n)
  const skipped: SkippedRows[] = [
    ...(headerRow > 1 ? [{ from: 1, to: headerRow - 1, reason: 'aboveHeader' as const }] : []),
    ...ranges(blanks).map((r) => ({ ...r, reason: 'blank' as const })),
    ...ranges(notes).map((r) => ({ ...r, reason: 'note' as const })),
  ].sort((a, b) => a.from - b.from)
  return { headerRow, headers, rows, skipped }
}

/** The first rows as the header picker offers them: row number and the row's texts. */
export function headerCandidates(table: ParsedTable): TableRow[] {
  return table.records.slice(0, HEADER_CANDIDATES).map((r) => ({ rowNumber: r.rowNumber, cells: r.cells }))
}
