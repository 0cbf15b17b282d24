import type { Kysely } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import type { HqDB } from './db/schema'
import { HqError } from './hq-error'
import { compactedThrough } from './snapshot/compaction.repository'
import type { LogPlace } from './hq.contract'

/**
 * HQ's identity and what a laptop needs to tell that its cursor and "sent" marks still hold here.
 * The id is made once and kept in HQ's database, so a restart keeps it and so does a copy restored
 * from a backup; a restored copy is told apart by its log instead: it lacks the message the laptop's
 * cursor points at (or holds another there), or the very message it last acknowledged to the laptop at
 * the place it acknowledged it, or fewer of the laptop's own messages than it sent.
 */

/** HQ's id, created on the first start. */
export async function ensureHqId(db: Kysely<HqDB>): Promise<string> {
  await db
    .insertInto('hq_meta')
    .values({ name: 'hq_id', value: uuidv7() })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute()
  const row = await db
    .selectFrom('hq_meta')
    .select('value')
    .where('name', '=', 'hq_id')
    .executeTakeFirstOrThrow()
  return row.value
}

/**
 * Whether the log holds the position `cursor` names: 0 always; otherwise a message at that sequence,
 * with stamp `mark` when the laptop kept one.
 */
export async function holdsCursor(db: Kysely<HqDB>, cursor: number, mark: string | null): Promise<boolean> {
  if (cursor === 0) return true
  const row = await db.selectFrom('messages').select('hlc').where('seq', '=', cursor).executeTakeFirst()
  if (row) return mark === null || row.hlc === mark
  // A position compaction removed is still this log's (a copy restored from before the compaction
  // holds the same entries up to it): the pull then sends the laptop to the snapshot.
  return cursor <= (await compactedThrough(db))
}

/**
 * holdsCursor for hello, which decides whether the laptop heals: also false when the next message
 * carries the mark's stamp too. Every message of a save carries the save's stamp and a page ends only
 * after a save's last message, so such a cursor sits inside a save that moved: a log restored from an
 * older copy and refilled in another order, where messages before the cursor are ones the laptop never
 * pulled (found by the sync simulation, seed 7005). Healing for nothing costs only traffic; pulls keep
 * the plain check, so a save too large for one page never blocks them.
 */
export async function holdsCursorAtSaveEnd(
  db: Kysely<HqDB>,
  cursor: number,
  mark: string | null,
): Promise<boolean> {
  const held = await holdsCursor(db, cursor, mark)
  if (!held || mark === null || cursor === 0) return held
  const next = await db
    .selectFrom('messages')
    .select('hlc')
    .where('seq', '>', cursor)
    .orderBy('seq')
    .limit(1)
    .executeTakeFirst()
  return next?.hlc !== mark
}

/**
 * Refuses a pull whose cursor this log does not hold (409 cursor_mismatch): the laptop must say hello;
 * and one whose cursor sits where compaction removed entries (410 snapshot_required): what follows it
 * is no longer all there, the snapshot is.
 */
export async function confirmCursor(
  db: Kysely<HqDB>,
  cursor: number,
  mark: string | undefined,
): Promise<void> {
  if (cursor > 0 && cursor <= (await compactedThrough(db))) {
    throw new HqError(
      'snapshot_required',
      'errors.sync.snapshotRequired',
      `HQ compacted its log up to sequence ${await compactedThrough(db)}: apply a snapshot, then pull after its position`,
    )
  }
  if (mark === undefined || (await holdsCursor(db, cursor, mark))) return
  throw new HqError(
    'cursor_mismatch',
    'errors.sync.cursorMismatch',
    `HQ's log holds no message stamped ${mark} at sequence ${cursor}: restored from a backup, or another HQ`,
  )
}

/**
 * Whether the log still holds, at `place.seq`, the very message it stored there: same stamp, stored at
 * the same time (true without a place). Every message HQ acknowledged to a laptop lies at or below the
 * highest place it acknowledged, and the log only grows, so while that one is held all of them are; a
 * log restored from an older copy lacks it, or holds another message there, or a copy stored again
 * later. Counting the laptop's messages cannot tell: a push that reached the restored HQ before the
 * laptop asked (delayed in the network, its reply never read) makes up the number (issue #10).
 */
export async function holdsPlace(db: Kysely<HqDB>, place: LogPlace | null | undefined): Promise<boolean> {
  if (!place) return true
  const row = await db
    .selectFrom('messages')
    .select(['hlc', 'received_at'])
    .where('seq', '=', place.seq)
    .executeTakeFirst()
  // Compaction may have removed that message (an old value since overwritten): nothing to compare, and
  // the count of held messages (which counts what compaction removed) stays the check.
  if (row === undefined) return place.seq <= (await compactedThrough(db))
  return row.hlc === place.hlc && row.received_at === place.at
}

/** The place of the log's last message, or null when the log is empty. */
export async function logHead(db: Kysely<HqDB>): Promise<LogPlace | null> {
  const row = await db
    .selectFrom('messages')
    .select(['seq', 'hlc', 'received_at'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst()
  return row ? { seq: Number(row.seq), hlc: row.hlc, at: row.received_at } : null
}

/** Messages HQ accepted stamped by this node: those in the log and those compaction removed from it. */
export async function countHeldFrom(db: Kysely<HqDB>, node: string): Promise<number> {
  const row = await db
    .selectFrom('messages')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('node_id', '=', node)
    .executeTakeFirstOrThrow()
  const compacted = await db
    .selectFrom('compacted_saves')
    .select((eb) => eb.fn.sum<number | string | null>('messages').as('n'))
    .where('node_id', '=', node)
    .executeTakeFirstOrThrow()
  return Number(row.n) + Number(compacted.n ?? 0)
}

/** The node's saves in the log by stamp, oldest first, after `after`, with their message counts. */
export async function heldStamps(
  db: Kysely<HqDB>,
  node: string,
  after: string | null,
  limit: number,
): Promise<{ stamps: { hlc: string; messages: number }[]; more: boolean }> {
  let logged = db
    .selectFrom('messages')
    .select(['hlc', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('node_id', '=', node)
    .groupBy('hlc')
  // A save compaction thinned out counts its removed messages too (see compaction.repository.ts).
  let compacted = db
    .selectFrom('compacted_saves')
    .select(['hlc', (eb) => eb.cast<number | string>('messages', 'bigint').as('n')])
    .where('node_id', '=', node)
  if (after !== null) {
    logged = logged.where('hlc', '>', after)
    compacted = compacted.where('hlc', '>', after)
  }
  const rows = await db
    .selectFrom(logged.unionAll(compacted).as('saves'))
    .select(['hlc', (eb) => eb.fn.sum<number | string>('n').as('n')])
    .groupBy('hlc')
    .orderBy('hlc')
    .limit(limit + 1)
    .execute()
  return {
    stamps: rows.slice(0, limit).map((r) => ({ hlc: r.hlc, messages: Number(r.n) })),
    more: rows.length > limit,
  }
}
