import type ExcelJS from 'exceljs'
import Papa from 'papaparse'
import { AppError } from '../api/errors'
import { decodeText } from './decode-text'
import { MAX_IMPORT_ROWS, type ImportEncoding } from './imports.contract'

/**
 * Reads a spreadsheet's bytes into a header row and data rows of text, whatever the format. The format is
 * decided by the bytes, not the file name: an .xlsx is a ZIP archive, an old .xls a compound document,
 * anything else is read as CSV text.
 */

/** One data row: the row number Excel shows, and its cells as trimmed text. */
export interface TableRow {
  /** 1-based, counting the header and blank rows, as in Excel's row gutter. */
  rowNumber: number
  cells: string[]
}

/** A spreadsheet as read. */
export interface ParsedTable {
  /** The format the bytes turned out to be. */
  format: 'xlsx' | 'csv'
  /** How a CSV was decoded; null for .xlsx. */
  encoding: ImportEncoding | null
  /** The worksheet read (.xlsx only). */
  sheetName: string | null
  /** The header row's texts, one per column (blank for a column without a header). */
  headers: string[]
  /** Non-blank data rows, in file order. */
  rows: TableRow[]
}

const ZIP = [0x50, 0x4b, 0x03, 0x04]
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b)

function importError(
  messageKey: string,
  message: string,
  params?: Record<string, string | number>,
): AppError {
  return new AppError('bad_request', messageKey, message, [{ path: [], messageKey, params }])
}

/** An Excel cell value as the text a buyer sees. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value)
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE'
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if ('richText' in value) return value.richText.map((part) => part.text).join('')
  if ('formula' in value || 'sharedFormula' in value)
    return cellText((value as { result?: ExcelJS.CellValue }).result ?? null)
  if ('hyperlink' in value) return cellText((value as { text?: ExcelJS.CellValue }).text ?? null)
  // Error cells (#N/A …) carry no usable text.
  return ''
}

/** Header row = the first non-blank row; rows after it that are not blank are the data. */
function toTable(
  records: Iterable<{ rowNumber: number; cells: string[] }>,
  meta: Pick<ParsedTable, 'format' | 'encoding' | 'sheetName'>,
): ParsedTable {
  let headers: string[] | null = null
  const rows: TableRow[] = []
  for (const record of records) {
    const cells = record.cells.map((c) => c.trim())
    if (cells.every((c) => c === '')) continue
    if (headers === null) {
      headers = cells
      continue
    }
    if (rows.length >= MAX_IMPORT_ROWS) {
      throw importError('errors.import.tooManyRows', `more than ${MAX_IMPORT_ROWS} rows`, {
        maximum: MAX_IMPORT_ROWS,
      })
    }
    rows.push({ rowNumber: record.rowNumber, cells })
  }
  if (headers === null) throw importError('errors.import.empty', 'the spreadsheet is empty')
  if (rows.length === 0)
    throw importError('errors.import.noRows', 'the spreadsheet has a header row but no data')
  const width = Math.max(headers.length, ...rows.map((r) => r.cells.length))
  while (headers.length < width) headers.push('')
  for (const row of rows) while (row.cells.length < width) row.cells.push('')
  // Trailing columns with neither a header nor data are dropped.
  let used = width
  while (used > 0 && headers[used - 1] === '' && rows.every((r) => r.cells[used - 1] === '')) used--
  return {
    ...meta,
    headers: headers.slice(0, used),
    rows: rows.map((r) => ({ rowNumber: r.rowNumber, cells: r.cells.slice(0, used) })),
  }
}

async function readXlsx(bytes: Uint8Array): Promise<ParsedTable> {
  // Loaded on first import: exceljs takes ~130 ms to load, which start-up should not pay.
  const { default: Excel } = await import('exceljs')
  const workbook: ExcelJS.Workbook = new Excel.Workbook()
  try {
    await workbook.xlsx.load(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer,
    )
  } catch (error) {
    throw importError(
      'errors.import.malformed',
      `not a readable .xlsx file (${error instanceof Error ? error.message : 'unknown'})`,
    )
  }
  const worksheet = workbook.worksheets.find((w) => w.actualRowCount > 0)
  if (!worksheet) throw importError('errors.import.empty', 'the workbook has no sheet with data')
  const records: { rowNumber: number; cells: string[] }[] = []
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as ExcelJS.CellValue[]
    const cells: string[] = []
    // row.values is 1-based and sparse.
    for (let column = 1; column < values.length; column++) cells.push(cellText(values[column] ?? null))
    records.push({ rowNumber, cells })
  })
  return toTable(records, { format: 'xlsx', encoding: null, sheetName: worksheet.name })
}

function readCsv(bytes: Uint8Array): ParsedTable {
  const { text, encoding } = decodeText(bytes)
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false })
  const broken = parsed.errors.find((e) => e.type === 'Quotes')
  if (broken) {
    const row = (broken.row ?? 0) + 1
    throw importError('errors.import.malformedCsv', `unmatched quote in the record at row ${row}`, { row })
  }
  // Records, not lines: a quoted cell may span lines, but Excel shows each record as one row.
  const records = parsed.data.map((cells, index) => ({ rowNumber: index + 1, cells }))
  return toTable(records, { format: 'csv', encoding, sheetName: null })
}

export async function readTable(bytes: Uint8Array): Promise<ParsedTable> {
  if (bytes.length === 0) throw importError('errors.import.empty', 'the file is empty')
  if (startsWith(bytes, ZIP)) return readXlsx(bytes)
  if (startsWith(bytes, OLE)) throw importError('errors.import.oldExcel', 'an Excel 97–2003 .xls file')
  return readCsv(bytes)
}
