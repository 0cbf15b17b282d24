import { sql, type Kysely, type Transaction } from 'kysely'
import { z } from 'zod'
import type { DB } from '../db/schema'
import { writeRemoteRows, type RemoteRowWrite, type SyncedTableName } from '../write/write-path'
import {
  compareHlc,
  DEFAULT_MAX_DRIFT_MS,
  formatHlc,
  parseHlc,
  tickHlc,
  type Hlc,
  type HlcClock,
} from './hlc'
import type { HqClient } from './hq-client'
import { readSetting, SETTING, writeSetting } from './sync.settings'
import { isSyncedTable, placeholdersOf } from './synced-tables'

/**
 * The laptop's clock, corrected by HQ's. A laptop's clock may be hours off with nothing to correct it
 * offline (a dual-boot laptop in China runs 8 h fast). Each sync asks HQ its time, keeps the offset in
 * meta, and from then on every HLC tick and every created_at / updated_at / deleted_at is stamped with
 * wall clock + offset. Changes stamped under the old offset that nobody has seen yet are re-stamped
 * before they are sent (restampUnseen), so a laptop a day slow or 8 h fast orders its edits by real time.
 */

/** What the laptop last learnt of HQ's clock. */
export const ClockOffset = z.object({
  /** HQ's time minus this laptop's wall clock: added to every stamp made here. */
  offsetMs: z.number().int(),
  /** When it was last measured (HQ's time, ISO). */
  measuredAt: z.iso.datetime(),
  /** The measuring request's round trip: the offset is good to half of it. */
  roundTripMs: z.number().int().nonnegative(),
})
export type ClockOffset = z.infer<typeof ClockOffset>

/**
 * A new measurement replaces the offset in use only when it differs by at least this much. Laptops kept
 * right by NTP differ from HQ by milliseconds, and two edits of one field a minute apart are concurrent
 * anyway: re-stamping for less would move stamps back and forth on network jitter for no one's benefit.
 */
export const OFFSET_STEP_MS = 60_000
/**
 * Stamps this laptop holds are at most HQ's drift tolerance ahead of real time (HQ refuses pushes further
 * ahead, and this laptop stamps with corrected time). Corrected time further behind its newest stamp than
 * this means the wall clock was set back since the offset was measured: the offset is stale.
 */
const STALE_MARGIN_MS = DEFAULT_MAX_DRIFT_MS + 5 * 60 * 1000

/**
 * The corrected wall clock of one laptop: created at start-up and passed down (never a global). Reads are
 * synchronous (every save calls it); the offset changes only inside the re-stamping transaction.
 */
export class ClockCorrection {
  constructor(
    /** This laptop's own wall clock, uncorrected. */
    readonly wall: () => number,
    private offset: ClockOffset | null = null,
  ) {}

  /** Corrected milliseconds: what every stamp uses. */
  now(): number {
    return this.wall() + (this.offset?.offsetMs ?? 0)
  }

  /** The offset in use (null: never measured). */
  current(): ClockOffset | null {
    return this.offset
  }

  /** Uses `offset` from now on (the caller has stored it). */
  use(offset: ClockOffset | null): void {
    this.offset = offset
  }
}

type Db = Kysely<DB> | Transaction<DB>

export async function readClockOffset(db: Db): Promise<ClockOffset | null> {
  const text = await readSetting(db, SETTING.clockOffset)
  if (!text) return null
  try {
    return ClockOffset.safeParse(JSON.parse(text)).data ?? null
  } catch {
    return null
  }
}

/** The newest stamp in the change log: of every change, of those sent or received, or of the unsent. */
async function newestHlc(db: Db, which: 'all' | 'seen' | 'unsent'): Promise<Hlc | null> {
  let query = db.selectFrom('change_log').select((eb) => eb.fn.max('hlc').as('hlc'))
  if (which === 'seen') query = query.where('sent_at', 'is not', null)
  if (which === 'unsent') query = query.where('sent_at', 'is', null)
  const row = await query.executeTakeFirst()
  return row?.hlc ? parseHlc(row.hlc) : null
}

/**
 * The stored correction, checked against the stamps already held. A laptop that learnt "8 h fast" and
 * was then restarted with its clock put right would otherwise stamp 8 h in the past until the next sync;
 * its corrected time then lies far behind stamps it made or received, which cannot be, so the wall clock
 * is trusted again (offset 0) until a sync measures anew. Unsent changes stay consistent with that: the
 * ones made before were stamped with the old offset, i.e. in real time, as the wall clock is now.
 */
export async function loadClockCorrection(db: Kysely<DB>, wall: () => number): Promise<ClockCorrection> {
  let offset = await readClockOffset(db)
  if (offset && offset.offsetMs !== 0) {
    const newest = await newestHlc(db, 'all')
    if (newest && wall() + offset.offsetMs < newest.millis - STALE_MARGIN_MS) {
      offset = { ...offset, offsetMs: 0 }
      await writeSetting(db, SETTING.clockOffset, JSON.stringify(offset))
    }
  }
  return new ClockCorrection(wall, offset)
}

/** HQ's time against the midpoint of the request that fetched it (NTP's estimate, good to ±rtt/2). */
export function measureOffset(
  sentAtWall: number,
  receivedAtWall: number,
  hqTime: string,
): { offsetMs: number; roundTripMs: number } {
  const roundTripMs = Math.max(0, receivedAtWall - sentAtWall)
  return { offsetMs: Math.round(Date.parse(hqTime) - (sentAtWall + receivedAtWall) / 2), roundTripMs }
}

/** What learning HQ's time did. */
export interface ClockLesson {
  /** The offset now in use (null: HQ sent no time and none was known). */
  offset: ClockOffset | null
  /** Unsent changes given new stamps. */
  restamped: number
}

/**
 * Asks HQ its time with an empty push (cheap, authenticated, and answered by every HQ; an older HQ sends
 * no time and the correction stays as it was), then stores the offset and re-stamps in one transaction.
 * Runs before a sync pushes, so nothing leaves with a stamp from a wrong clock.
 */
export async function learnHqTime(
  deps: { db: Kysely<DB>; clock: HlcClock; correction: ClockCorrection },
  client: HqClient,
  seen: number,
): Promise<ClockLesson> {
  const { correction } = deps
  const sent = correction.wall()
  const reply = await client.push({ messages: [], seen })
  const received = correction.wall()
  if (!reply.time) return { offset: correction.current(), restamped: 0 }
  const measured = measureOffset(sent, received, reply.time)
  const previous = correction.current()
  const inUse = previous?.offsetMs ?? 0
  const stepped = Math.abs(measured.offsetMs - inUse) >= OFFSET_STEP_MS
  const offset: ClockOffset = {
    offsetMs: stepped ? measured.offsetMs : inUse,
    measuredAt: reply.time,
    roundTripMs: measured.roundTripMs,
  }
  const priorLast = deps.clock.peek()
  try {
    return await deps.db.transaction().execute(async (trx) => {
      await writeSetting(trx, SETTING.clockOffset, JSON.stringify(offset))
      const deltaMs = offset.offsetMs - inUse
      // Set inside the transaction, which holds the database: no save can tick between the re-stamp and
      // the clock continuing after it.
      correction.use(offset)
      const restamped = await restampUnseen(trx, deps.clock, deltaMs, correction.now())
      return { offset, restamped }
    })
  } catch (error) {
    // The transaction rolled back: the stamps are as they were, so are the offset and the clock.
    correction.use(previous)
    deps.clock.restartFrom(compareHlc(deps.clock.peek(), priorLast) > 0 ? deps.clock.peek() : priorLast)
    throw error
  }
}

const TIME_COLUMNS = new Set(['created_at', 'updated_at', 'deleted_at'])
// Keeps the IN lists under SQLite's bound-parameter limit.
const CHUNK = 400

/** One change-log entry, as re-stamping reads it. */
export interface LoggedChange {
  seq: number
  hlc: string
  table_name: string
  row_id: string
  column_name: string
  value: string
  sent_at: string | null
}

/** A bookkeeping time (ISO text as JSON) moved like its save: by the correction, never past now. */
function shiftTime(value: string, deltaMs: number, nowMs: number): string {
  const parsed: unknown = JSON.parse(value)
  if (typeof parsed !== 'string') return value
  const millis = Date.parse(parsed)
  if (Number.isNaN(millis)) return value
  return JSON.stringify(new Date(Math.max(0, Math.min(millis + deltaMs, nowMs))).toISOString())
}

const fieldKey = (c: Pick<LoggedChange, 'table_name' | 'row_id' | 'column_name'>) =>
  `${c.table_name}\u0000${c.row_id}\u0000${c.column_name}`

/**
 * Gives this laptop's unseen changes (unsent: never acknowledged by HQ, so no other device has them) new
 * stamps after the correction moved by `deltaMs`, and continues the clock after them. The rules, and why:
 *
 * - Only unsent changes move. A sent or received change may be held by HQ and other laptops; moving it
 *   here would make this replica disagree with theirs for good.
 * - Each save keeps one shared stamp (the write path stamps a save's columns alike): grouped by old stamp.
 * - Saves keep their order, and every new stamp is above the newest sent or received one (`floor`): a
 *   save made after seeing a change stays after it (causality), and a new stamp can never equal one HQ
 *   already holds for the same field (HQ would take it for a repeat and drop it).
 * - A new stamp is the old one moved by the correction, never ahead of corrected now (a stamp made 8 h
 *   fast before any offset was known comes down to now); only the floor can lift it higher.
 * - The change log stays the truth: where a moved stamp changes which change of a field is newest (a
 *   re-stamped edit now out-dates a pulled one, or the reverse), the row is written back to the newest
 *   value, so row values equal last-writer-wins over the change log. Conflict records follow the moved
 *   stamps, so the Sync screen's times are corrected too.
 * - Sequence numbers never change: sent marks, refusals and the demo data's local-only rule (by seq,
 *   local-only.ts) hold as before.
 * - A push whose reply was lost may have reached HQ under the old stamp. Moving it still converges: HQ
 *   then holds the same value under both stamps, and every replica picks the same newest one.
 *
 * Runs in the caller's transaction, so the log, the rows and the clock move together or not at all.
 * Returns how many changes got a new stamp.
 */
export async function restampUnseen(
  trx: Transaction<DB>,
  clock: HlcClock,
  deltaMs: number,
  nowMs: number,
): Promise<number> {
  // Every sync comes here: the usual case (no correction, nothing ahead of now) costs one query.
  const newestUnsent = await newestHlc(trx, 'unsent')
  const limit = nowMs + OFFSET_STEP_MS
  const ahead = (newestUnsent?.millis ?? 0) > limit || clock.peek().millis > limit
  if (deltaMs === 0 && !ahead) return 0
  const floor = await newestHlc(trx, 'seen')
  const floorMillis = floor?.millis ?? 0
  const ceiling = Math.max(nowMs, floorMillis) + OFFSET_STEP_MS
  const runaway = newestUnsent !== null && newestUnsent.millis > ceiling
  let restamped = 0
  if (newestUnsent !== null && (deltaMs !== 0 || runaway)) {
    const unsent = await trx
      .selectFrom('change_log')
      .select(['seq', 'hlc', 'table_name', 'row_id', 'column_name', 'value', 'sent_at'])
      .where('sent_at', 'is', null)
      // What HQ refused for good is never sent: moving it could put a refused value back over a later
      // one here. Changes waiting for HQ's upgrade ('unknown_schema') will be sent, and move.
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('sync_rejections')
              .select('sync_rejections.seq')
              .whereRef('sync_rejections.seq', '=', 'change_log.seq')
              .where('sync_rejections.code', '!=', 'unknown_schema'),
          ),
        ),
      )
      .orderBy('hlc')
      .orderBy('seq')
      .execute()
    await rewrite(trx, unsent, restampInOrder(unsent, clock.node, floor, deltaMs, nowMs))
    restamped = unsent.length
  }
  continueClock(clock, await newestHlc(trx, 'all'), nowMs, floorMillis)
  return restamped
}

/**
 * New stamp (and value, for bookkeeping times) per seq, in the old order, above `floor`. Pure: `unsent`
 * must be sorted by old stamp (a save's changes side by side).
 */
export function restampInOrder(
  unsent: readonly LoggedChange[],
  node: string,
  floor: Hlc | null,
  deltaMs: number,
  nowMs: number,
): Map<number, { hlc: string; value: string }> {
  const moved = new Map<number, { hlc: string; value: string }>()
  let previous: Hlc = floor ? { ...floor, node } : { millis: 0, counter: 0, node }
  let oldStamp: string | null = null
  let newStamp = ''
  for (const change of unsent) {
    if (change.hlc !== oldStamp) {
      oldStamp = change.hlc
      const target = Math.max(0, Math.min(parseHlc(change.hlc).millis + deltaMs, nowMs))
      // tickHlc: at the target, or just after the previous save when the target would not be above it.
      previous = tickHlc(previous, target)
      newStamp = formatHlc(previous)
    }
    const value = TIME_COLUMNS.has(change.column_name)
      ? shiftTime(change.value, deltaMs, nowMs)
      : change.value
    moved.set(change.seq, { hlc: newStamp, value })
  }
  return moved
}

/** Writes the moved stamps, the rows whose newest value changed, and the conflicts' stamps. */
async function rewrite(
  trx: Transaction<DB>,
  unsent: readonly LoggedChange[],
  moved: Map<number, { hlc: string; value: string }>,
): Promise<void> {
  // Every new stamp is above every sent or received one (restampInOrder's floor), so each touched
  // field's newest change is now its newest unsent one: the value its row must hold.
  const winners = new Map<string, LoggedChange>()
  for (const change of unsent) {
    const next = { ...change, ...moved.get(change.seq)! }
    const key = fieldKey(change)
    const current = winners.get(key)
    if (!current || next.hlc > current.hlc) winners.set(key, next)
  }
  // Through a temporary table, in a few statements: a fast laptop back from a week offline may hold
  // 100,000 unsent changes, and saves wait while this transaction runs.
  await sql`CREATE TEMP TABLE IF NOT EXISTS restamp_changes (seq INTEGER PRIMARY KEY, hlc TEXT NOT NULL, value TEXT NOT NULL)`.execute(
    trx,
  )
  await sql`DELETE FROM restamp_changes`.execute(trx)
  const entries = [...moved.entries()]
  for (let i = 0; i < entries.length; i += CHUNK) {
    const values = entries.slice(i, i + CHUNK).map(([seq, m]) => sql`(${seq}, ${m.hlc}, ${m.value})`)
    await sql`INSERT INTO restamp_changes (seq, hlc, value) VALUES ${sql.join(values)}`.execute(trx)
  }
  await sql`UPDATE change_log SET hlc = m.hlc, value = m.value FROM restamp_changes m
    WHERE change_log.seq = m.seq`.execute(trx)
  await sql`DELETE FROM restamp_changes`.execute(trx)
  await writeBackRows(trx, winners)
  await moveConflictStamps(trx, unsent, moved)
}

/**
 * Writes each field's newest value into its row where the row holds another: a re-stamped edit that now
 * out-dates a pulled one, or a bookkeeping time moved with its save. Times go straight into their column
 * (a few statements per column, however many rows); any other field through the write path's remote
 * writes, which keep the search index too.
 */
async function writeBackRows(trx: Transaction<DB>, winners: Map<string, LoggedChange>): Promise<void> {
  const byTable = new Map<string, LoggedChange[]>()
  for (const winner of winners.values()) {
    if (!isSyncedTable(winner.table_name) || winner.column_name === 'id') continue
    let list = byTable.get(winner.table_name)
    if (!list) byTable.set(winner.table_name, (list = []))
    list.push(winner)
  }
  const writes = new Map<string, RemoteRowWrite>()
  const times = new Map<string, { table: string; column: string; rows: { id: string; value: unknown }[] }>()
  for (const [table, list] of byTable) {
    const stored = new Map<string, Record<string, unknown>>()
    const ids = [...new Set(list.map((w) => w.row_id))]
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK)
      const rows = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(table)}
        WHERE id IN (${sql.join(chunk)})`.execute(trx)
      for (const row of rows.rows) stored.set(row.id as string, row)
    }
    for (const winner of list) {
      const value = JSON.parse(winner.value) as unknown
      const row = stored.get(winner.row_id)
      if (row && row[winner.column_name] === value) continue
      if (row && TIME_COLUMNS.has(winner.column_name)) {
        const column = `${table}.${winner.column_name}`
        let group = times.get(column)
        if (!group) times.set(column, (group = { table, column: winner.column_name, rows: [] }))
        group.rows.push({ id: winner.row_id, value })
        continue
      }
      const rowKey = `${table}\u0000${winner.row_id}`
      let write = writes.get(rowKey)
      if (!write) {
        write = { table: table as SyncedTableName, id: winner.row_id, values: {}, placeholders: {} }
        writes.set(rowKey, write)
      }
      write.values[winner.column_name] = value
    }
  }
  if (times.size > 0) {
    await sql`CREATE TEMP TABLE IF NOT EXISTS restamp_times (id TEXT PRIMARY KEY, value)`.execute(trx)
    for (const { table, column, rows } of times.values()) {
      await sql`DELETE FROM restamp_times`.execute(trx)
      for (let i = 0; i < rows.length; i += CHUNK) {
        const values = rows.slice(i, i + CHUNK).map((t) => sql`(${t.id}, ${t.value})`)
        await sql`INSERT INTO restamp_times (id, value) VALUES ${sql.join(values)}`.execute(trx)
      }
      await sql`UPDATE ${sql.table(table)} SET ${sql.ref(column)} = t.value FROM restamp_times t
        WHERE ${sql.ref(`${table}.id`)} = t.id`.execute(trx)
    }
    await sql`DELETE FROM restamp_times`.execute(trx)
  }
  if (writes.size === 0) return
  for (const write of writes.values()) write.placeholders = placeholdersOf(write.table)
  await writeRemoteRows(trx, [...writes.values()])
}

/** Conflicts recorded with an old stamp of this laptop carry the new one (winner first, as before). */
async function moveConflictStamps(
  trx: Transaction<DB>,
  unsent: readonly LoggedChange[],
  moved: Map<number, { hlc: string; value: string }>,
): Promise<void> {
  const stampOf = new Map<string, string>()
  for (const c of unsent) stampOf.set(c.hlc, moved.get(c.seq)!.hlc)
  const olds = [...stampOf.keys()]
  for (let i = 0; i < olds.length; i += CHUNK) {
    const chunk = olds.slice(i, i + CHUNK)
    const conflicts = await trx
      .selectFrom('sync_conflicts')
      .selectAll()
      .where((eb) => eb.or([eb('winner_hlc', 'in', chunk), eb('loser_hlc', 'in', chunk)]))
      .execute()
    for (const c of conflicts) {
      const winner = {
        hlc: stampOf.get(c.winner_hlc) ?? c.winner_hlc,
        device: c.winner_device,
        value: c.winner_value,
      }
      const loser = {
        hlc: stampOf.get(c.loser_hlc) ?? c.loser_hlc,
        device: c.loser_device,
        value: c.loser_value,
      }
      const [w, l] = winner.hlc > loser.hlc ? [winner, loser] : [loser, winner]
      await trx
        .updateTable('sync_conflicts')
        .set({
          winner_hlc: w.hlc,
          winner_device: w.device,
          winner_value: w.value,
          loser_hlc: l.hlc,
          loser_device: l.device,
          loser_value: l.value,
        })
        .where('id', '=', c.id)
        .execute()
    }
  }
}

/**
 * Continues the clock after the newest stamp in the log. What the clock held beyond it is dropped only
 * when it ran ahead of both corrected now and every change seen (the runaway the re-stamp removed);
 * anything else it observed stays (a page's skipped messages advance it too).
 */
function continueClock(clock: HlcClock, newestInLog: Hlc | null, nowMs: number, floorMillis: number): void {
  const held = clock.peek()
  const runaway = held.millis > Math.max(nowMs, floorMillis) + OFFSET_STEP_MS
  // A correction forward may lift re-stamped changes past what the clock held: it follows them.
  const behind = newestInLog !== null && compareHlc(newestInLog, held) > 0
  if (runaway || behind) clock.restartFrom(newestInLog ?? { millis: 0, counter: 0, node: clock.node })
}
