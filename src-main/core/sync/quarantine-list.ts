import type { Kysely } from 'kysely'
import type { DB } from '../db/schema'
import type { QuarantinedMessage } from './held-messages.contract'
import { titlesOf, valueText } from './sync-conflicts'
import { loadAuthorNames } from './sync-directory'

const MAX_VALUE_TEXT = 200

/** The quarantine as the Sync screen lists it: record, field, reason and whose device sent it. */
export async function listQuarantine(
  db: Kysely<DB>,
  ownNode: string,
  page: { offset: number; limit: number },
): Promise<{ total: number; items: QuarantinedMessage[]; parked: number }> {
  const count = (table: 'sync_quarantine' | 'sync_parked') =>
    db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  const [total, parked, rows, authorOf] = await Promise.all([
    count('sync_quarantine'),
    count('sync_parked'),
    db
      .selectFrom('sync_quarantine')
      .selectAll()
      .orderBy('hlc', 'desc')
      .orderBy('id', 'desc')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
    loadAuthorNames(db, ownNode),
  ])
  const titleOf = await titlesOf(
    db,
    rows.map((r) => ({ kind: r.table_name, rowId: r.row_id })),
  )
  return {
    total: Number(total.n),
    parked: Number(parked.n),
    items: rows.map((r) => ({
      id: r.id,
      kind: r.table_name,
      rowId: r.row_id,
      title: titleOf(r.table_name, r.row_id),
      field: r.field,
      reason: r.reason,
      value: [...valueText(r.value)].slice(0, MAX_VALUE_TEXT).join(''),
      device: authorOf(r.hlc).name,
      at: r.hlc.slice(0, 24),
      recordedAt: r.recorded_at,
    })),
  }
}
