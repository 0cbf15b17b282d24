import { sql } from 'kysely'
import type { CoreContext } from '../api/context'
import { inTransaction } from '../write/write-path'
import { localDate } from '../targets/targets.service'
import type { ExportedFile, ExportLanguage } from '../exports/exports.contract'
import { buildXlsx, type PreparedSheet } from '../exports/xlsx-workbook'

/**
 * "Export as Excel": one workbook with a sheet per table of the buyer's data, every live row, the
 * columns as the database names them, for people who want their data in a spreadsheet. Bookkeeping
 * (the change log, settings with the device token, search index) stays out.
 */

const TABLES: { table: string; zh: string; en: string }[] = [
  { table: 'factories', zh: '工厂', en: 'Factories' },
  { table: 'tours', zh: '行程', en: 'Tours' },
  { table: 'visits', zh: '拜访', en: 'Visits' },
  { table: 'visit_follow_ups', zh: '跟进事项', en: 'Follow-ups' },
  { table: 'samples', zh: '样品', en: 'Samples' },
  { table: 'sample_status_history', zh: '样品状态记录', en: 'Sample status history' },
  { table: 'skus', zh: 'SKU', en: 'SKUs' },
  { table: 'benchmarks', zh: '品牌对标', en: 'Benchmarks' },
  { table: 'quotes', zh: '报价', en: 'Quotes' },
  { table: 'currency_rates', zh: '汇率', en: 'Currency rates' },
  { table: 'categories', zh: '品类', en: 'Categories' },
  { table: 'demand_signals', zh: '需求信号', en: 'Demand signals' },
  { table: 'photos', zh: '照片', en: 'Photos' },
  { table: 'photo_links', zh: '照片关联', en: 'Photo links' },
]

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

function cell(value: unknown): string | number | null {
  if (value === null || value === undefined) return null
  if (typeof value === 'number' || typeof value === 'string') return value
  if (typeof value === 'bigint') return value.toString()
  return String(value)
}

/** Reads every table in one transaction (one consistent state) into a sheet each. */
export async function workbookSheets(ctx: CoreContext, language: ExportLanguage): Promise<PreparedSheet[]> {
  return inTransaction(ctx.db, async (trx) => {
    const sheets: PreparedSheet[] = []
    for (const { table, zh, en } of TABLES) {
      const info = await sql<{ name: string }>`SELECT name FROM pragma_table_info(${table})`.execute(trx)
      const columns = info.rows.map((column) => column.name)
      const live = columns.includes('deleted_at') ? sql` WHERE deleted_at IS NULL` : sql``
      const rows = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(table)}${live}`.execute(trx)
      sheets.push({
        name: language === 'en' ? en : zh,
        columns: columns.map((header) => ({ header, width: Math.min(40, Math.max(10, header.length + 2)) })),
        cells: rows.rows.map((row) => columns.map((column) => cell(row[column]))),
      })
    }
    return sheets
  })
}

/** The workbook as a file named after today's date. */
export async function exportWorkbook(ctx: CoreContext, language: ExportLanguage): Promise<ExportedFile> {
  const bytes = await buildXlsx(await workbookSheets(ctx, language))
  const base = language === 'en' ? 'all-data' : '全部数据'
  return {
    fileName: `${base}_${localDate(ctx.write.now())}.xlsx`,
    mimeType: XLSX_MIME,
    base64: bytes.toString('base64'),
  }
}
