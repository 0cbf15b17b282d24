import type { Generated } from 'kysely'

/** One field-level change, the unit of sync (table, row, column, value, HLC). */
export interface ChangeLogTable {
  /** Local order of recording; HQ assigns its own sequence. */
  seq: Generated<number>
  hlc: string
  table_name: string
  row_id: string
  column_name: string
  /** JSON text of the new value (null for a cleared field). */
  value: string
  /** Device that made the change. */
  device_id: string
  /** When this change was accepted by HQ; null while unsent. */
  sent_at: string | null
}

/** Local key/value settings that never sync (device id, demo flag). */
export interface MetaTable {
  key: string
  value: string
}
