import type { LoggedMessage } from './wire/sync-wire.contract'
import { applyPage, type ApplyContext } from './apply'
import { checkMessage } from './synced-tables'

const PAGE = 1000

interface HeldRow {
  id: number
  seq: number
  hlc: string
  table_name: string
  row_id: string
  column_name: string
  value: string
  device_id: string
  base_hlc: string | null
}

const verdictOf = (r: HeldRow) =>
  checkMessage({ table: r.table_name, row: r.row_id, column: r.column_name, value: r.value }).kind

/** Applies held rows through the normal apply path and drops them from their table, in one transaction. */
async function release(ctx: ApplyContext, table: 'sync_parked' | 'sync_quarantine', rows: HeldRow[]) {
  const messages: LoggedMessage[] = rows.map((r) => ({
    seq: r.seq,
    hlc: r.hlc,
    table: r.table_name,
    row: r.row_id,
    column: r.column_name,
    value: r.value,
    device: r.device_id,
    base: r.base_hlc,
  }))
  const ids = rows.map((r) => r.id)
  await applyPage(ctx, messages, 0, {
    replay: async (trx) => {
      await trx.deleteFrom(table).where('id', 'in', ids).execute()
    },
  })
}

/**
 * Applies the parked messages this version now knows (after the upgrade that added their table or
 * column), through the normal apply path: last-writer-wins against what arrived meanwhile, the second
 * check, the change log. Runs at core start, after the migrations; what is still unknown stays parked.
 * Returns how many were released.
 */
export async function applyKnownParked(ctx: ApplyContext): Promise<number> {
  let released = 0
  let after = 0
  for (;;) {
    const rows = await ctx.db
      .selectFrom('sync_parked')
      .selectAll()
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .execute()
    if (rows.length === 0) return released
    after = rows.at(-1)!.id
    const known = rows.filter((r) => verdictOf(r) !== 'unknown')
    if (known.length === 0) continue
    await release(ctx, 'sync_parked', known)
    released += known.length
  }
}

/**
 * Applies the quarantined saves this version now takes whole: a value an older version could not know
 * (a newer version's option, such as a photo on a quote) was quarantined as invalid by it; after the
 * upgrade every field of the save passes, and the save is applied as if just pulled. A save with any
 * field still refused stays quarantined whole. Runs at core start, beside applyKnownParked.
 */
export async function applyNowValidQuarantined(ctx: ApplyContext): Promise<number> {
  // Quarantine holds only what other devices sent wrongly: small, read whole so saves stay together.
  const rows = await ctx.db.selectFrom('sync_quarantine').selectAll().orderBy('id').execute()
  const saves = new Map<string, HeldRow[]>()
  for (const row of rows) {
    const key = `${row.hlc}\u0000${row.table_name}\u0000${row.row_id}`
    saves.set(key, [...(saves.get(key) ?? []), row])
  }
  const valid = [...saves.values()].filter((save) => save.every((r) => verdictOf(r) === 'ok')).flat()
  for (let i = 0; i < valid.length; i += PAGE) await release(ctx, 'sync_quarantine', valid.slice(i, i + PAGE))
  return valid.length
}
