import { sql, type Kysely, type Transaction } from 'kysely'
import type { LogPlace } from './hq.contract'
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
  base_hlc: string | null
  /** The pushing device's pull cursor (null: logged before HQ kept it). */
  seen_seq: number | null
}

// Keeps every statement under SQLite's and PostgreSQL's bound-parameter limits.
const CHUNK = 500

const fieldOf = (table: string, row: string, column: string) => `${table}\u0000${row}\u0000${column}`

/**
 * Per field of the batch, the newest timestamp its device had seen: log entries up to the device's
 * cursor, and the device's own earlier edits.
 */
async function seenBases(
  trx: Transaction<HqDB>,
  messages: NewMessage[],
  seen: number,
): Promise<Map<string, string>> {
  const bases = new Map<string, string>()
  const node = messages[0]?.node_id ?? ''
  const rowsByTable = new Map<string, Set<string>>()
  for (const m of messages) {
    let rows = rowsByTable.get(m.table_name)
    if (!rows) rowsByTable.set(m.table_name, (rows = new Set()))
    rows.add(m.row_id)
  }
  for (const [table, rowSet] of rowsByTable) {
    const rows = [...rowSet]
    for (let i = 0; i < rows.length; i += CHUNK) {
      const found = await trx
        .selectFrom('messages')
        .select(['row_id', 'column_name', (eb) => eb.fn.max('hlc').as('hlc')])
        .where('table_name', '=', table)
        .where('row_id', 'in', rows.slice(i, i + CHUNK))
        .where((eb) => eb.or([eb('seq', '<=', seen), eb('node_id', '=', node)]))
        .groupBy(['row_id', 'column_name'])
        .execute()
      for (const f of found) if (f.hlc) bases.set(fieldOf(table, f.row_id, f.column_name), f.hlc)
    }
  }
  return bases
}

const identity = (m: { hlc: string; table_name: string; row_id: string; column_name: string }) =>
  `${m.hlc}\u0000${m.table_name}\u0000${m.row_id}\u0000${m.column_name}`

/**
 * Takes the log's sequence lock and returns the last assigned sequence. On PostgreSQL the row lock
 * of this UPDATE is held until commit, so pushes assign sequences one after another and commit in
 * sequence order: a reader that sees sequence n has already seen every sequence below n. SQLite
 * serializes writers anyway.
 */
export async function lockSequence(trx: Transaction<HqDB>): Promise<number> {
  const row = await trx
    .updateTable('counters')
    .set({ value: sql`value` })
    .where('name', '=', 'messages')
    .returning('value')
    .executeTakeFirstOrThrow()
  return Number(row.value)
}

/** What an append did; `last`: the place of the batch's message highest in the log, new or held before. */
export interface Appended {
  accepted: number
  duplicates: number
  last?: LogPlace
}

/**
 * Appends the messages the log does not hold yet, in one transaction; a message already in the log
 * (a re-push after a lost reply) is counted as a duplicate and not written again.
 */
export async function appendMessages(
  db: Kysely<HqDB>,
  messages: NewMessage[],
  seen: number,
): Promise<Appended> {
  if (messages.length === 0) return { accepted: 0, duplicates: 0 }
  return db.transaction().execute(async (trx) => appendLocked(trx, await lockSequence(trx), messages, seen))
}

/**
 * The append itself, inside a transaction that already holds the sequence lock (`last` is what
 * lockSequence returned): HQ's own writes check their rows and append under the same lock.
 */
export async function appendLocked(
  trx: Transaction<HqDB>,
  last: number,
  messages: NewMessage[],
  seen: number,
): Promise<Appended> {
  const wanted = new Set(messages.map(identity))
  const known = new Set<string>()
  let highest: LogPlace | undefined
  const place = (seq: number | string, hlc: string, at: string) => {
    if (!highest || Number(seq) > highest.seq) highest = { seq: Number(seq), hlc, at }
  }
  const hlcs = [...new Set(messages.map((m) => m.hlc))]
  for (let i = 0; i < hlcs.length; i += CHUNK) {
    const existing = await trx
      .selectFrom('messages')
      .select(['seq', 'hlc', 'table_name', 'row_id', 'column_name', 'received_at'])
      .where('hlc', 'in', hlcs.slice(i, i + CHUNK))
      .execute()
    for (const row of existing) {
      known.add(identity(row))
      if (wanted.has(identity(row))) place(row.seq, row.hlc, row.received_at)
    }
  }
  const bases = await seenBases(trx, messages, seen)
  const fresh: StoredMessage[] = []
  for (const message of [...messages].sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0))) {
    const key = identity(message)
    if (known.has(key)) continue
    known.add(key)
    const field = fieldOf(message.table_name, message.row_id, message.column_name)
    const base = bases.get(field) ?? null
    fresh.push({ ...message, seq: last + fresh.length + 1, base_hlc: base, seen_seq: seen })
    // The device's own earlier edit in this batch is one it had seen.
    if (base === null || message.hlc > base) bases.set(field, message.hlc)
  }
  for (let i = 0; i < fresh.length; i += CHUNK) {
    await trx
      .insertInto('messages')
      .values(fresh.slice(i, i + CHUNK))
      .execute()
  }
  await keepFieldValues(trx, fresh)
  if (fresh.length > 0) {
    await trx
      .updateTable('counters')
      .set({ value: last + fresh.length })
      .where('name', '=', 'messages')
      .execute()
  }
  for (const message of fresh) place(message.seq, message.hlc, message.received_at)
  return { accepted: fresh.length, duplicates: messages.length - fresh.length, last: highest }
}

/**
 * Keeps `field_values` the newest stamp of each field the appended messages touch, in the append's
 * transaction (so a snapshot read at a log position holds exactly the log's winners up to it). An
 * appended message older than the field's current value changes nothing.
 */
async function keepFieldValues(trx: Transaction<HqDB>, appended: StoredMessage[]): Promise<void> {
  // One row per field per statement: PostgreSQL refuses an upsert touching a row twice.
  const newest = new Map<string, StoredMessage>()
  for (const m of appended) {
    const key = fieldOf(m.table_name, m.row_id, m.column_name)
    const current = newest.get(key)
    if (!current || m.hlc > current.hlc) newest.set(key, m)
  }
  const rows = [...newest.values()].map((m) => ({
    table_name: m.table_name,
    row_id: m.row_id,
    column_name: m.column_name,
    seq: m.seq,
    hlc: m.hlc,
    value: m.value,
    origin_device: m.origin_device,
    base_hlc: m.base_hlc,
    seen_seq: m.seen_seq,
  }))
  for (let i = 0; i < rows.length; i += CHUNK) {
    await trx
      .insertInto('field_values')
      .values(rows.slice(i, i + CHUNK))
      .onConflict((oc) =>
        oc
          .columns(['table_name', 'row_id', 'column_name'])
          .doUpdateSet((eb) => ({
            seq: eb.ref('excluded.seq'),
            hlc: eb.ref('excluded.hlc'),
            value: eb.ref('excluded.value'),
            origin_device: eb.ref('excluded.origin_device'),
            base_hlc: eb.ref('excluded.base_hlc'),
            seen_seq: eb.ref('excluded.seen_seq'),
          }))
          .whereRef('excluded.hlc', '>', 'field_values.hlc'),
      )
      .execute()
  }
}

/** One save: the messages a device stamped with one timestamp for one row, appended together. */
const saveOf = (m: { hlc: string; table_name: string; row_id: string }) =>
  `${m.hlc}\u0000${m.table_name}\u0000${m.row_id}`

// PostgreSQL's BIGINT columns arrive as strings.
function storedOf(
  row: Omit<StoredMessage, 'seq' | 'seen_seq'> & { seq: number | string; seen_seq: number | string | null },
): StoredMessage {
  return { ...row, seq: Number(row.seq), seen_seq: row.seen_seq == null ? null : Number(row.seen_seq) }
}

function readAfter(db: Kysely<HqDB>, after: number, limit: number): Promise<StoredMessage[]> {
  return db
    .selectFrom('messages')
    .selectAll()
    .where('seq', '>', after)
    .orderBy('seq')
    .limit(limit)
    .execute()
    .then((rows) => rows.map(storedOf))
}

/**
 * Messages after sequence `after`, oldest first: at most `limit` of them and `maxBytes` of their JSON,
 * ending only between saves, so a receiver never holds part of a record's save while its other fields
 * wait on the next page. A first save bigger than either cap comes whole, alone. `more`: some follow.
 */
export async function readMessages(
  db: Kysely<HqDB>,
  after: number,
  limit: number,
  maxBytes = Number.POSITIVE_INFINITY,
): Promise<{ messages: StoredMessage[]; more: boolean }> {
  const rows = await readAfter(db, after, limit + 1)
  let start = 0 // first message of the save being read
  let bytes = 0
  for (let i = 0; i < rows.length; i++) {
    if (i > 0 && saveOf(rows[i]!) !== saveOf(rows[i - 1]!)) start = i
    bytes += Buffer.byteLength(JSON.stringify(rows[i]))
    if (i < limit && bytes <= maxBytes) continue
    if (start > 0) return { messages: rows.slice(0, start), more: true }
    return completeFirstSave(db, rows)
  }
  return { messages: rows, more: false }
}

/** The page when the first save alone passes a cap: that save, all of it (its messages are adjacent). */
async function completeFirstSave(
  db: Kysely<HqDB>,
  rows: StoredMessage[],
): Promise<{ messages: StoredMessage[]; more: boolean }> {
  const save = saveOf(rows[0]!)
  const page: StoredMessage[] = []
  for (let batch = rows; batch.length > 0; batch = await readAfter(db, page.at(-1)!.seq, CHUNK)) {
    for (const row of batch) {
      if (saveOf(row) !== save) return { messages: page, more: true }
      page.push(row)
    }
  }
  return { messages: page, more: false }
}

/** The whole log (tests and the HQ console's counts); oldest first. */
export async function countMessages(db: Kysely<HqDB>): Promise<number> {
  const row = await db
    .selectFrom('messages')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
