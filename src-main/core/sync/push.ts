import type { Kysely } from 'kysely'
import { MAX_BATCH_BYTES, MAX_MESSAGE_BYTES, type WireMessage } from './wire/sync-wire.contract'
import type { DB } from '../db/schema'
import type { HqClient } from './hq-client'
import { keepAckedPlace } from './hq-identity'
import { noteHqSchemaVersion, recheckUnknownSchema } from './hq-schema-version'
import { isLocalOnly, localOnlyUpTo } from './local-only'
import { readSetting, SETTING } from './sync.settings'

/** What a push did. */
export interface PushResult {
  /** Messages HQ acknowledged (new to it, or already held from an earlier try). */
  acknowledged: number
  /** Messages refused for good (HQ-owned table, too large …), kept in sync_rejections. */
  rejected: number
}

/** A running sync's hooks into the push. */
export interface PushOptions {
  /** Checked before each batch: an aborted run stops there (what was acknowledged stays marked). */
  signal?: AbortSignal
  /** Called after each batch with the totals so far. */
  onBatch?: (result: PushResult) => void
}

// Room for the envelope around the messages.
const BATCH_BUDGET = MAX_BATCH_BYTES - 4096
const READ_LIMIT = 2000

/**
 * Changes HQ has neither acknowledged nor refused for good, of rows that may leave (`localUpTo`: see
 * localOnlyUpTo): what a push sends.
 */
export function unsentChanges(db: Kysely<DB>, localUpTo: number | null) {
  const query = db
    .selectFrom('change_log')
    .where('sent_at', 'is', null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('sync_rejections').select('seq').whereRef('sync_rejections.seq', '=', 'change_log.seq'),
        ),
      ),
    )
  return localUpTo === null ? query : query.where((eb) => eb.not(isLocalOnly(eb, localUpTo)))
}

/** Unsent changes after a sequence, oldest first. */
function readUnsent(db: Kysely<DB>, localUpTo: number | null, afterSeq: number) {
  return unsentChanges(db, localUpTo)
    .selectAll()
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(READ_LIMIT)
    .execute()
}

type UnsentRow = Awaited<ReturnType<typeof readUnsent>>[number]

/** One save: the changes the write path stamped with one timestamp for one row (adjacent in the log). */
const saveKey = (row: UnsentRow) => `${row.hlc}\u0000${row.table_name}\u0000${row.row_id}`

/**
 * The rows of a read, whole saves only: a read that filled its limit may end inside a save, which is
 * then left for the next read (unless it is all the read holds).
 */
function wholeSaves(rows: UnsentRow[], full: boolean): UnsentRow[] {
  if (!full) return rows
  const last = saveKey(rows.at(-1)!)
  let start = rows.length - 1
  while (start > 0 && saveKey(rows[start - 1]!) === last) start--
  return start === 0 ? rows : rows.slice(0, start)
}

/** The rows grouped into saves, in order. */
function savesOf(rows: UnsentRow[]): UnsentRow[][] {
  const saves: UnsentRow[][] = []
  for (const row of rows) {
    const current = saves.at(-1)
    if (current && saveKey(current[0]!) === saveKey(row)) current.push(row)
    else saves.push([row])
  }
  return saves
}

async function recordRejections(
  db: Kysely<DB>,
  rows: { seq: number; code: string; message: string }[],
  stamp: string,
): Promise<void> {
  if (rows.length === 0) return
  await db
    .insertInto('sync_rejections')
    .values(rows.map((r) => ({ ...r, rejected_at: stamp })))
    .onConflict((oc) => oc.doNothing())
    .execute()
}

/**
 * Pushes every unsent change in batches of at most 1 MiB, each ending between saves. A change is marked sent only after HQ
 * acknowledged it, so a dropped request or reply just sends it again (HQ ignores the repeat); a change
 * HQ refuses for good is set aside and blocks nothing behind it.
 */
export async function pushUnsent(
  db: Kysely<DB>,
  client: HqClient,
  now: () => Date,
  options: PushOptions = {},
): Promise<PushResult> {
  const result: PushResult = { acknowledged: 0, rejected: 0 }
  // Everything up to the cursor was applied here before any unsent change was written (sync pulls
  // only after pushing), so HQ can tell receivers which values the writer had seen.
  const seen = Number((await readSetting(db, SETTING.cursor)) ?? 0)
  const localUpTo = await localOnlyUpTo(db)
  await recheckUnknownSchema(db, (input) => client.push(input), seen)
  let after = 0
  // Set when HQ's schema version rose and earlier 'unknown_schema' refusals became unsent again.
  let resend = false
  for (;;) {
    if (resend) [after, resend] = [0, false]
    const read = await readUnsent(db, localUpTo, after)
    if (read.length === 0) return result
    const unsent = wholeSaves(read, read.length === READ_LIMIT)
    after = unsent.at(-1)!.seq
    let batch: { seq: number; message: WireMessage }[] = []
    let bytes = 0
    const tooLarge: { seq: number; code: string; message: string }[] = []
    const flush = async () => {
      if (batch.length === 0) return
      options.signal?.throwIfAborted()
      const reply = await client.push({ messages: batch.map((b) => b.message), seen })
      const refused = new Map(reply.rejected.map((r) => [r.index, r]))
      const acked = batch.filter((_, index) => !refused.has(index)).map((b) => b.seq)
      const stamp = now().toISOString()
      await db.transaction().execute(async (trx) => {
        for (let i = 0; i < acked.length; i += 500) {
          await trx
            .updateTable('change_log')
            .set({ sent_at: stamp })
            .where('seq', 'in', acked.slice(i, i + 500))
            .execute()
        }
        // With the sent marks: where in HQ's log the highest of them lies (hello asks about it).
        if (reply.acked) await keepAckedPlace(trx, reply.acked)
        const rejections = [...refused.values()].map((r) => ({
          seq: batch[r.index]!.seq,
          code: r.code,
          message: r.message,
        }))
        // Before this reply's refusals are recorded: a rise clears only refusals of the older HQ.
        if (reply.schemaVersion !== undefined && (await noteHqSchemaVersion(trx, reply.schemaVersion))) {
          resend = true
        }
        await recordRejections(trx as unknown as Kysely<DB>, rejections, stamp)
      })
      result.acknowledged += acked.length
      result.rejected += refused.size
      batch = []
      bytes = 0
      options.onBatch?.(result)
    }
    for (const save of savesOf(unsent)) {
      const messages: { seq: number; message: WireMessage; size: number }[] = []
      for (const row of save) {
        const message: WireMessage = {
          hlc: row.hlc,
          table: row.table_name,
          row: row.row_id,
          column: row.column_name,
          value: row.value,
          device: row.device_id,
        }
        const size = Buffer.byteLength(JSON.stringify(message)) + 1
        if (size > MAX_MESSAGE_BYTES) {
          tooLarge.push({
            seq: row.seq,
            code: 'message_too_large',
            message: `change exceeds ${MAX_MESSAGE_BYTES} bytes`,
          })
          continue
        }
        messages.push({ seq: row.seq, message, size })
      }
      // A save goes in one batch (HQ appends a batch in one transaction, so no receiver ever sees part
      // of it): the batch in hand is sent first when the save would not fit. Only a save bigger than a
      // whole batch is split, over as few batches as it takes.
      const saveBytes = messages.reduce((sum, m) => sum + m.size, 0)
      if (bytes + saveBytes > BATCH_BUDGET) await flush()
      for (const m of messages) {
        if (bytes + m.size > BATCH_BUDGET) await flush()
        batch.push({ seq: m.seq, message: m.message })
        bytes += m.size
      }
    }
    await flush()
    await recordRejections(db, tooLarge, now().toISOString())
    result.rejected += tooLarge.length
  }
}
