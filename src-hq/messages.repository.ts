import { sql, type Kysely, type Transaction } from 'kysely'
import type { HqDB } from './db/schema'

/** A message ready for the log, before HQ gives it a sequence number. */
export interface NewMessage {
  hlc: string
  table_name: string
  row_id: string
  column_name: string
  value: string
  node_id: string
  origin_device: string
  device_id: string
  received_at: string
}

/** A message read back from the log. */
export interface StoredMessage extends NewMessage {
  seq: number
}

// Keeps every statement under SQLite's and PostgreSQL's bound-parameter limits.
const CHUNK = 500

const identity = (m: { hlc: string; table_name: string; row_id: string; column_name: string }) =>
  `${m.hlc}\u0000${m.table_name}\u0000${m.row_id}\u0000${m.column_name}`

/**
 * Takes the log's sequence lock and returns the last assigned sequence. On PostgreSQL the row lock
 * of this UPDATE is held until commit, so pushes assign sequences one after another and commit in
 * sequence order: a reader that sees sequence n has already seen every sequence below n. SQLite
 * serializes writers anyway.
 */
async function lockSequence(trx: Transaction<HqDB>): Promise<number> {
  const row = await trx
    .updateTable('counters')
    .set({ value: sql`value` })
    .where('name', '=', 'messages')
    .returning('value')
    .executeTakeFirstOrThrow()
  return Number(row.value)
}

/**
 * Appends the messages the log does not hold yet, in one transaction; a message already in the log
 * (a re-push after a lost reply) is counted as a duplicate and not written again.
 */
export async function appendMessages(
  db: Kysely<HqDB>,
  messages: NewMessage[],
): Promise<{ accepted: number; duplicates: number }> {
  if (messages.length === 0) return { accepted: 0, duplicates: 0 }
  return db.transaction().execute(async (trx) => {
    const last = await lockSequence(trx)
    const seen = new Set<string>()
    const hlcs = [...new Set(messages.map((m) => m.hlc))]
    for (let i = 0; i < hlcs.length; i += CHUNK) {
      const existing = await trx
        .selectFrom('messages')
        .select(['hlc', 'table_name', 'row_id', 'column_name'])
        .where('hlc', 'in', hlcs.slice(i, i + CHUNK))
        .execute()
      for (const row of existing) seen.add(identity(row))
    }
    const fresh: StoredMessage[] = []
    for (const message of messages) {
      const key = identity(message)
      if (seen.has(key)) continue
      seen.add(key)
      fresh.push({ ...message, seq: last + fresh.length + 1 })
    }
    for (let i = 0; i < fresh.length; i += CHUNK) {
      await trx
        .insertInto('messages')
        .values(fresh.slice(i, i + CHUNK))
        .execute()
    }
    if (fresh.length > 0) {
      await trx
        .updateTable('counters')
        .set({ value: last + fresh.length })
        .where('name', '=', 'messages')
        .execute()
    }
    return { accepted: fresh.length, duplicates: messages.length - fresh.length }
  })
}

/** Up to `limit` messages after sequence `after`, oldest first, and whether more follow. */
export async function readMessages(
  db: Kysely<HqDB>,
  after: number,
  limit: number,
): Promise<{ messages: StoredMessage[]; more: boolean }> {
  const rows = await db
    .selectFrom('messages')
    .selectAll()
    .where('seq', '>', after)
    .orderBy('seq')
    .limit(limit + 1)
    .execute()
  const more = rows.length > limit
  return {
    messages: rows.slice(0, limit).map((row) => ({ ...row, seq: Number(row.seq) })),
    more,
  }
}

/** The whole log (tests and the HQ console's counts); oldest first. */
export async function countMessages(db: Kysely<HqDB>): Promise<number> {
  const row = await db
    .selectFrom('messages')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
