import { sql, type Kysely } from 'kysely'
import type { DB } from '../db/schema'
import type { QuarantinedField, QuarantinedSave } from './held-messages.contract'
import { titlesOf, valueText } from './sync-conflicts'
import { loadAuthorNames } from './sync-directory'
import { checkMessage, isSyncedTable } from './synced-tables'

const MAX_VALUE_TEXT = 200

const cut = (text: string) => [...text].slice(0, MAX_VALUE_TEXT).join('')

/** Columns whose value names a record, for a refused save of a record this laptop does not have. */
const NAME_COLUMNS = ['name', 'code', 'currency']

/**
 * The quarantine as the Sync screen lists it: one entry per refused save (record, the fields that broke
 * the rules and why, whose device sent it). Each field is checked again, with the same check as on
 * apply, so the reason comes as an i18n key without being stored twice.
 */
export async function listQuarantine(
  db: Kysely<DB>,
  ownNode: string,
  page: { offset: number; limit: number },
): Promise<{ total: number; items: QuarantinedSave[]; parked: number }> {
  const saves = db
    .selectFrom('sync_quarantine')
    .select((eb) => [
      'hlc',
      'table_name',
      'row_id',
      eb.fn.countAll<number>().as('changes'),
      eb.fn.max('id').as('last_id'),
      eb.fn.max('recorded_at').as('recorded_at'),
    ])
    .groupBy(['hlc', 'table_name', 'row_id'])
  const [total, parked, rows, authorOf] = await Promise.all([
    db
      .selectFrom(saves.as('s'))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('sync_parked')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    saves.orderBy('hlc', 'desc').orderBy('last_id', 'desc').offset(page.offset).limit(page.limit).execute(),
    loadAuthorNames(db, ownNode),
  ])
  const fields =
    rows.length === 0
      ? []
      : await db
          .selectFrom('sync_quarantine')
          .selectAll()
          .where(
            sql<boolean>`(hlc, table_name, row_id) IN (${sql.join(
              rows.map((r) => sql`(${r.hlc}, ${r.table_name}, ${r.row_id})`),
            )})`,
          )
          .orderBy('id')
          .execute()
  const titleOf = await titlesOf(
    db,
    rows.map((r) => ({ kind: r.table_name, rowId: r.row_id })),
  )
  const existing = new Set<string>()
  for (const r of rows) {
    if (!isSyncedTable(r.table_name)) continue
    const found = await sql`SELECT 1 FROM ${sql.table(r.table_name)} WHERE id = ${r.row_id}`.execute(db)
    if (found.rows.length > 0) existing.add(`${r.table_name}\u0000${r.row_id}`)
  }
  const bySave = new Map<string, typeof fields>()
  for (const f of fields) {
    const key = `${f.hlc}\u0000${f.table_name}\u0000${f.row_id}`
    bySave.set(key, [...(bySave.get(key) ?? []), f])
  }
  return {
    total: Number(total.n),
    parked: Number(parked.n),
    items: rows.map((r) => {
      const held = bySave.get(`${r.hlc}\u0000${r.table_name}\u0000${r.row_id}`) ?? []
      const problems: QuarantinedField[] = []
      for (const f of held) {
        const verdict = checkMessage({
          table: f.table_name,
          row: f.row_id,
          column: f.column_name,
          value: f.value,
        })
        if (verdict.kind !== 'invalid') continue
        problems.push({
          column: f.column_name,
          field: verdict.field,
          value: cut(valueText(f.value)),
          reason: f.reason,
          problem: verdict.problem,
        })
      }
      const local = titleOf(r.table_name, r.row_id)
      const named = held.find((f) => NAME_COLUMNS.includes(f.column_name))
      const offered = named ? valueText(named.value).trim() : ''
      return {
        id: Number(r.last_id),
        kind: r.table_name,
        rowId: r.row_id,
        title: local ?? (offered === '' ? null : cut(offered)),
        unknownRecord: !existing.has(`${r.table_name}\u0000${r.row_id}`),
        problems,
        changes: Number(r.changes),
        device: authorOf(r.hlc).name,
        at: r.hlc.slice(0, 24),
        recordedAt: r.recorded_at ?? '',
      }
    }),
  }
}
