import type { Kysely, Transaction } from 'kysely'
import type { HqDB } from '../db/schema'
import type { Columns } from './owned-tables'

/** A row as HQ's log has it: the newest value of each of its fields. */
export interface LoggedRow {
  id: string
  columns: Columns
}

/**
 * Folds the log into rows: for each field of the table (or of one row), the value of its newest
 * message. The log's (table, row, column, seq) index serves the lookup.
 */
export async function readLoggedRows(
  db: Kysely<HqDB> | Transaction<HqDB>,
  table: string,
  rowId?: string,
): Promise<LoggedRow[]> {
  let query = db
    .selectFrom('messages')
    .select(['row_id', 'column_name', 'value', 'hlc'])
    .where('table_name', '=', table)
  if (rowId !== undefined) query = query.where('row_id', '=', rowId)
  const newest = new Map<string, Map<string, { hlc: string; value: string }>>()
  for (const m of await query.execute()) {
    let fields = newest.get(m.row_id)
    if (!fields) newest.set(m.row_id, (fields = new Map()))
    const seen = fields.get(m.column_name)
    if (!seen || m.hlc > seen.hlc) fields.set(m.column_name, { hlc: m.hlc, value: m.value })
  }
  return [...newest].map(([id, fields]) => ({
    id,
    columns: Object.fromEntries([...fields].map(([column, f]) => [column, JSON.parse(f.value) as unknown])),
  }))
}
