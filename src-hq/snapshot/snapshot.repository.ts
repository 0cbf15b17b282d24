import { sql, type Kysely, type Transaction } from 'kysely'
import type { HqDB } from '../db/schema'
import type { LoggedMessage, SnapshotEnd, SnapshotHeader } from '../hq.contract'
import { SYNC_SCHEMA_VERSION } from '../../src-main/core/sync/synced-tables'

/** Fields read per query: a page of the snapshot. */
const PAGE = 5000

type FieldKey = { table_name: string; row_id: string; column_name: string }

/** One page of current values after `after` in key order (table, row, column). */
function fieldsAfter(trx: Transaction<HqDB>, after: FieldKey | null, limit: number) {
  let query = trx.selectFrom('field_values').selectAll()
  if (after) {
    query = query.where(
      sql<boolean>`(table_name, row_id, column_name) > (${after.table_name}, ${after.row_id}, ${after.column_name})`,
    )
  }
  return query.orderBy('table_name').orderBy('row_id').orderBy('column_name').limit(limit).execute()
}

/**
 * Reads HQ's current values as one consistent snapshot and hands it to `write` as NDJSON text, a page
 * at a time: the header (HQ's id and the log position read at), one LoggedMessage line per field, the
 * end line. One transaction, repeatable read on PostgreSQL: a push committing meanwhile is wholly after
 * `position` (its sequences are higher, the counter and field_values move in its one transaction), so a
 * laptop that applies the lines and then pulls after `position` misses nothing and gets nothing twice.
 * `write` may wait (the network's back-pressure): the transaction stays open until it is done.
 */
export async function readSnapshot(
  db: Kysely<HqDB>,
  hqId: string,
  write: (text: string) => Promise<void>,
): Promise<{ position: number; fields: number }> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const counter = await trx
        .selectFrom('counters')
        .select('value')
        .where('name', '=', 'messages')
        .executeTakeFirstOrThrow()
      const position = Number(counter.value)
      const atPosition = await trx
        .selectFrom('messages')
        .select('hlc')
        .where('seq', '=', position)
        .executeTakeFirst()
      const header: SnapshotHeader = {
        kind: 'snapshot',
        hqId,
        position,
        mark: atPosition?.hlc ?? null,
        schemaVersion: SYNC_SCHEMA_VERSION,
      }
      await write(`${JSON.stringify(header)}\n`)
      let fields = 0
      for (let after: FieldKey | null = null; ; ) {
        const rows = await fieldsAfter(trx, after, PAGE)
        if (rows.length === 0) break
        let text = ''
        for (const f of rows) {
          const line: LoggedMessage = {
            seq: Number(f.seq),
            hlc: f.hlc,
            table: f.table_name,
            row: f.row_id,
            column: f.column_name,
            value: f.value,
            device: f.origin_device,
            base: f.base_hlc,
            ...(f.seen_seq === null ? {} : { seen: Number(f.seen_seq) }),
          }
          text += `${JSON.stringify(line)}\n`
        }
        fields += rows.length
        await write(text)
        if (rows.length < PAGE) break
        after = rows.at(-1)!
      }
      const end: SnapshotEnd = { kind: 'end', fields }
      await write(`${JSON.stringify(end)}\n`)
      return { position, fields }
    })
}
