import { randomBytes } from 'node:crypto'
import type { Kysely, Transaction } from 'kysely'
import { formatHlc, makeHlc, parseHlc, tickHlc } from '../../src-main/core/sync/hlc'
import type { HqDB } from '../db/schema'

/**
 * HQ's own hybrid logical clock, for its writes to the HQ-owned tables. Its node id is made once and
 * kept in hq_meta; the last timestamp is kept there too and read under the log's sequence lock, so
 * concurrent admin writes and restarts never issue a timestamp twice or go back.
 */

/** HQ's HLC node id, created on the first start. */
export async function ensureHqNode(db: Kysely<HqDB>): Promise<string> {
  await db
    .insertInto('hq_meta')
    .values({ name: 'node_id', value: randomBytes(8).toString('hex') })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute()
  const row = await db
    .selectFrom('hq_meta')
    .select('value')
    .where('name', '=', 'node_id')
    .executeTakeFirstOrThrow()
  return row.value
}

/** The next timestamp of HQ's clock; the caller holds the sequence lock. */
export async function nextHqTimestamp(trx: Transaction<HqDB>, node: string, now: Date): Promise<string> {
  const stored = await trx
    .selectFrom('hq_meta')
    .select('value')
    .where('name', '=', 'clock')
    .executeTakeFirst()
  const last = stored ? parseHlc(stored.value) : makeHlc(0, 0, node)
  const hlc = formatHlc(tickHlc({ ...last, node }, now.getTime()))
  await trx
    .insertInto('hq_meta')
    .values({ name: 'clock', value: hlc })
    .onConflict((oc) => oc.column('name').doUpdateSet({ value: hlc }))
    .execute()
  return hlc
}
