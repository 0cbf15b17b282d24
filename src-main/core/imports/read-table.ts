import type ExcelJS from 'exceljs'
import Papa from 'papaparse'
import { AppError } from '../api/errors'
import { decodeText } from './decode-text'
import { MAX_IMPORT_ROWS, type ImportEncoding } from './imports.contract'

/**
 * Reads a spreadsheet's bytes into rows of text, whatever the format. The format is
 * decided by the bytes, not the file name: an .xlsx is a ZIP archive, an old .xls a compound document,
 * anything else is read as CSV text.
 */

/** One row of the sheet: the row number Excel shows, and its cells as trimmed text. */
export interface TableRow {
  /** 1-based, counting title, header and blank rows, as in Excel's row gutter. */
  rowNumber: number
  cells: string[]
}

/**
 * A spreadsheet as read, before its header row is chosen (see header-row.ts): every row with something
 * in it, each padded to one width. Title rows, notes and the header are among them.
 */
export interface ParsedTable {
  /** The format the bytes turned out to be. */
  format: 'xlsx' | 'csv'
  /** How a CSV was decoded; null for .xlsx. */
  encoding: ImportEncoding | null
  /** The worksheet read (.xlsx only). */
  sheetName: string | null
  /** Non-blank rows in file order (a row number missing between two of them is a blank row). */
  records: TableRow[]
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

/** Drops blank rows, pads every row to one width and drops trailing columns that are empty throughout. */
function toTable(
  records: Iterable<{ rowNumber: number; cells: string[] }>,
  meta: Pick<ParsedTable, 'format' | 'encoding' | 'sheetName'>,
): ParsedTable {
  const rows: TableRow[] = []
  for (const record of records) {
    const cells = record.cells.map((c) => c.trim())
    if (cells.every((c) => c === '')) continue
    // One more than the data maximum: the header (and a title or two) sit above the data.
    if (rows.length >= MAX_IMPORT_ROWS + 20) {
      throw importError('errors.import.tooManyRows', `more than ${MAX_IMPORT_ROWS} rows`, {
        maximum: MAX_IMPORT_ROWS,
      })
    }
    rows.push({ rowNumber: record.rowNumber, cells })
  }
  if (rows.length === 0) throw importError('errors.import.empty', 'the spreadsheet is empty')
  let used = Math.max(...rows.map((r) => r.cells.length))
  while (used > 0 && rows.every((r) => (r.cells[used - 1] ?? '') === '')) used--
  return {
    ...meta,
    records: rows.map((r) => ({
      rowNumber: r.rowNumber,
      cells: Array.from({ length: used }, (_, i) => r.cells[i] ?? ''),
    })),
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
    const cells: string[] = []
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      // A merged cell reads as its master's value in every cell it covers. Across columns (a title
      // merged over the sheet's width) only the master keeps it, so a title is one cell, not a row of
      // headers; down a column (a province merged over its factories) each row keeps it.
      const master = cell.isMerged ? cell.master : cell
      cells[column - 1] = master === cell || master.col === cell.col ? cellText(master.value) : ''
    })
    for (let i = 0; i < cells.length; i++) cells[i] ??= ''
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
