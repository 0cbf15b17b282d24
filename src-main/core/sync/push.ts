import type { Kysely } from 'kysely'
import { MAX_BATCH_BYTES, MAX_MESSAGE_BYTES, type WireMessage } from './wire/sync-wire.contract'
import type { DB } from '../db/schema'
import type { HqClient } from './hq-client'
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
 * Pushes every unsent change in batches of at most 1 MiB. A change is marked sent only after HQ
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
    const unsent = await readUnsent(db, localUpTo, after)
    if (unsent.length === 0) return result
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
    for (const row of unsent) {
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
      if (bytes + size > BATCH_BUDGET) await flush()
      batch.push({ seq: row.seq, message })
      bytes += size
    }
    await flush()
    await recordRejections(db, tooLarge, now().toISOString())
    result.rejected += tooLarge.length
  }
}
