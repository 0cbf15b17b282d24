import { sql } from 'kysely'
import type { CoreContext } from '../api/context'
import { indexRow } from '../search/search-index'
import { DEMO_LAST_SEQ, localOnlyRows } from '../sync/local-only'
import { isSyncedTable } from '../sync/synced-tables'
import { inTransaction } from '../write/write-path'
import type { DemoData } from './demo.contract'

function summary(byTable: Map<string, string[]>): DemoData {
  const kinds = [...byTable]
    .map(([kind, ids]) => ({ kind, records: ids.length }))
    .sort((a, b) => b.records - a.records || a.kind.localeCompare(b.kind))
  return { kinds, records: kinds.reduce((sum, k) => sum + k.records, 0) }
}

export async function getDemoData(ctx: CoreContext): Promise<DemoData> {
  return summary(await localOnlyRows(ctx.db))
}

/**
 * Removes the demo data outright: its rows, the search entries and every change record of those rows
 * (the demo never left this laptop, so nobody needs a tombstone). The buyer's own records stay; one
 * that points at a demo record (a sample at a demo factory) keeps its other fields, as after a delete.
 * A 'pre-clear-demo' backup is made first.
 */
export async function clearDemoData(ctx: CoreContext): Promise<DemoData> {
  // The demo may hold what a buyer added to it (a sample at a demo factory): a backup keeps it all.
  if ((await getDemoData(ctx)).records > 0) await ctx.backups.create('pre-clear-demo')
  await inTransaction(ctx.db, async (trx) => {
    const byTable = await localOnlyRows(trx)
    for (const [table, ids] of byTable) {
      if (!isSyncedTable(table)) continue
      for (let i = 0; i < ids.length; i += 500) {
        const chunk = ids.slice(i, i + 500)
        await sql`DELETE FROM ${sql.table(table)} WHERE id IN (${sql.join(chunk)})`.execute(trx)
        for (const id of chunk) await indexRow(trx, table, id)
        await trx
          .deleteFrom('change_log')
          .where('table_name', '=', table)
          .where('row_id', 'in', chunk)
          .execute()
      }
    }
    await trx.deleteFrom('meta').where('key', '=', DEMO_LAST_SEQ).execute()
  })
  return getDemoData(ctx)
}
