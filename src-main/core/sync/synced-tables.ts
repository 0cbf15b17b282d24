import { sql, type Transaction } from 'kysely'
import type { DB } from '../db/schema'
import type { SyncedTableName } from '../write/write-path'

/**
 * Which local tables accept messages from HQ, and what their columns accept. The list is checked
 * against the schema type: a new table in DB fails to compile until it is named here (synced) or
 * excluded from SyncedTableName (local bookkeeping).
 */
const SYNCED: Record<SyncedTableName, true> = {
  factories: true,
  factory_contacts: true,
  skus: true,
  benchmarks: true,
  quotes: true,
  currency_rates: true,
  tours: true,
  visits: true,
  visit_follow_ups: true,
  samples: true,
  sample_status_history: true,
  categories: true,
  demand_signals: true,
  photos: true,
  photo_links: true,
}

export function isSyncedTable(name: string): name is SyncedTableName {
  return Object.hasOwn(SYNCED, name)
}

/** One column of a local table as SQLite declares it. */
export interface LocalColumn {
  name: string
  /** Declared type, upper-cased: TEXT, INTEGER, REAL … */
  type: string
  notNull: boolean
  hasDefault: boolean
}

/** Columns of the synced tables, read once per apply from the database itself. */
export class LocalSchema {
  private readonly tables = new Map<string, Map<string, LocalColumn>>()

  constructor(private readonly trx: Transaction<DB>) {}

  async columns(table: SyncedTableName): Promise<Map<string, LocalColumn>> {
    const known = this.tables.get(table)
    if (known) return known
    const { rows } = await sql<{ name: string; type: string; notnull: number; dflt_value: unknown }>`
      SELECT name, type, "notnull", dflt_value FROM pragma_table_info(${table})`.execute(this.trx)
    const columns = new Map(
      rows.map((r) => [
        r.name,
        {
          name: r.name,
          type: r.type.toUpperCase(),
          notNull: r.notnull === 1,
          hasDefault: r.dflt_value !== null,
        },
      ]),
    )
    this.tables.set(table, columns)
    return columns
  }

  /**
   * Values for the required columns of a row created by its first arriving field; every one of them is
   * overwritten when that column's own message arrives (a row's creation sends all its columns).
   */
  async placeholders(table: SyncedTableName): Promise<Record<string, unknown>> {
    const values: Record<string, unknown> = {}
    for (const column of (await this.columns(table)).values()) {
      if (column.name === 'id' || !column.notNull || column.hasDefault) continue
      values[column.name] = /INT|REAL|NUM|FLOA|DOUB/.test(column.type) ? 0 : ''
    }
    return values
  }
}

/** Whether a decoded message value fits the column: the type SQLite declares, null only where allowed. */
export function fitsColumn(column: LocalColumn, value: unknown): boolean {
  if (value === null) return !column.notNull
  if (/INT/.test(column.type)) return Number.isSafeInteger(value)
  if (/REAL|NUM|FLOA|DOUB/.test(column.type)) return typeof value === 'number' && Number.isFinite(value)
  return typeof value === 'string'
}
