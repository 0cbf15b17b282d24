import type ExcelJS from 'exceljs'

/** One column of an exported sheet. */
export interface SheetColumn<Row> {
  /** Header text, in the language the user chose. */
  header: string
  /** Width in characters. */
  width: number
  /** The cell value for a row: text, a number, or null for an empty cell. */
  value: (row: Row) => string | number | null
  /** Excel number format for numeric cells, e.g. '0.0000'. */
  numFmt?: string
}

/** One sheet of an exported workbook. */
export interface Sheet<Row> {
  name: string
  columns: SheetColumn<Row>[]
  rows: readonly Row[]
}

type Cell = string | number | null

/** A sheet with its cells computed, ready to write. */
export interface PreparedSheet {
  name: string
  columns: Omit<SheetColumn<never>, 'value'>[]
  cells: Cell[][]
}

/** Computes a sheet's cells from its rows; the row type is checked against the columns. */
export function sheet<Row>(definition: Sheet<Row>): PreparedSheet {
  return {
    name: definition.name,
    columns: definition.columns.map(({ header, width, numFmt }) => ({ header, width, numFmt })),
    cells: definition.rows.map((row) => definition.columns.map((column) => column.value(row))),
  }
}

/**
 * Writes sheets as an .xlsx file: a bold, frozen header row with the user's column names, typed cells
 * (numbers stay numbers, so buyers can sort and sum in Excel), and column widths sized for Chinese text.
 */
export async function buildXlsx(sheets: PreparedSheet[]): Promise<Buffer> {
  // Loaded on first export: exceljs takes ~130 ms to load, which start-up should not pay.
  const { default: Excel } = await import('exceljs')
  const workbook: ExcelJS.Workbook = new Excel.Workbook()
  workbook.creator = 'Sourcing Workbench'
  for (const prepared of sheets) {
    const worksheet = workbook.addWorksheet(prepared.name, { views: [{ state: 'frozen', ySplit: 1 }] })
    worksheet.columns = prepared.columns.map((column) => ({
      header: column.header,
      width: column.width,
      style: column.numFmt ? { numFmt: column.numFmt } : {},
    }))
    worksheet.getRow(1).font = { bold: true }
    worksheet.addRows(prepared.cells)
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
