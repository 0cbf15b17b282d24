import { sql, type Kysely } from 'kysely'
import type { HqDB } from '../db/schema'
import { lockSequence } from '../messages.repository'

/**
 * Compaction thins the log out behind the snapshot. The rule: a log entry goes only when it is older
 * than the cut-off (received before it) AND superseded (its field's current value carries a newer
 * stamp), and never the newest entry of the log. What stands is therefore still in the log, and a
 * snapshot (which holds only what stands) covers every entry removed. HQ remembers the highest sequence
 * it removed: a pull after a cursor at or below it (other than 0) gets 410 snapshot_required, so a laptop
 * that slept through the compaction re-bootstraps from a snapshot instead of silently skipping the
 * removed entries; and per save, how many messages it removed, so `hello` and `held` still count every
 * message HQ accepted and no laptop re-sends what HQ has seen.
 */

const COMPACTED_THROUGH = 'compacted_through'

/** The highest log sequence compaction removed (0: the log was never compacted). */
export async function compactedThrough(db: Kysely<HqDB>): Promise<number> {
  const row = await db
    .selectFrom('hq_meta')
    .select('value')
    .where('name', '=', COMPACTED_THROUGH)
    .executeTakeFirst()
  return row ? Number(row.value) : 0
}

/** What one compaction did. */
export interface CompactionResult {
  /** Log entries removed. */
  removed: number
  /** Log entries left. */
  kept: number
  /** The highest sequence ever removed: cursors at or below it (but 0) must re-bootstrap. */
  compactedThrough: number
}

/**
 * Removes the superseded log entries received before `before` (see the module comment), in one
 * transaction under the log's sequence lock, so no push interleaves with the counts it keeps.
 */
export async function compactLog(db: Kysely<HqDB>, before: Date): Promise<CompactionResult> {
  const cutoff = before.toISOString()
  return db.transaction().execute(async (trx) => {
    const last = await lockSequence(trx)
    const removable = sql<boolean>`m.seq < ${last} AND m.received_at < ${cutoff} AND NOT EXISTS (
      SELECT 1 FROM field_values f
      WHERE f.table_name = m.table_name AND f.row_id = m.row_id AND f.column_name = m.column_name
        AND f.hlc = m.hlc)`
    const highest = await sql<{ seq: number | string | null }>`
      SELECT max(m.seq) AS seq FROM messages m WHERE ${removable}`.execute(trx)
    const through = Number(highest.rows[0]?.seq ?? 0)
    let removed = 0
    if (through > 0) {
      await sql`
        INSERT INTO compacted_saves (node_id, hlc, messages)
        SELECT m.node_id, m.hlc, count(*) FROM messages m WHERE ${removable} GROUP BY m.node_id, m.hlc
        ON CONFLICT (node_id, hlc) DO UPDATE SET messages = compacted_saves.messages + excluded.messages`.execute(
        trx,
      )
      const deleted = await sql`DELETE FROM messages WHERE seq IN (
        SELECT m.seq FROM messages m WHERE ${removable})`.execute(trx)
      removed = Number(deleted.numAffectedRows ?? 0)
    }
    const previous = await compactedThrough(trx)
    const compacted = Math.max(previous, through)
    if (compacted > previous) {
      await trx
        .insertInto('hq_meta')
        .values({ name: COMPACTED_THROUGH, value: String(compacted) })
        .onConflict((oc) => oc.column('name').doUpdateSet({ value: String(compacted) }))
        .execute()
    }
    const count = await trx
      .selectFrom('messages')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow()
    return { removed, kept: Number(count.n), compactedThrough: compacted }
  })
}
