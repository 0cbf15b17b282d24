import type { LoggedMessage } from './wire/sync-wire.contract'
import { applyPage, type ApplyContext } from './apply'
import { checkMessage } from './synced-tables'

const PAGE = 1000

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
    const known = rows.filter(
      (r) =>
        checkMessage({ table: r.table_name, row: r.row_id, column: r.column_name, value: r.value }).kind !==
        'unknown',
    )
    if (known.length === 0) continue
    const messages: LoggedMessage[] = known.map((r) => ({
      seq: r.seq,
      hlc: r.hlc,
      table: r.table_name,
      row: r.row_id,
      column: r.column_name,
      value: r.value,
      device: r.device_id,
      base: r.base_hlc,
    }))
    const ids = known.map((r) => r.id)
    await applyPage(ctx, messages, 0, {
      replay: async (trx) => {
        await trx.deleteFrom('sync_parked').where('id', 'in', ids).execute()
      },
    })
    released += known.length
  }
}
