import { sql, type Kysely, type Transaction } from 'kysely'
import type { DB } from '../db/schema'
import { HqRequestError, type HqClient } from './hq-client'
import { readSetting, SETTING, writeSetting } from './sync.settings'
import { LogPlace, type LoggedMessage } from './wire/sync-wire.contract'

/**
 * The laptop's cursor and "sent" marks belong to one HQ: the one whose id is kept with them, whose log
 * holds the message the cursor points at (its stamp is kept as the cursor's mark), whose log still holds
 * the very message at the highest place it acknowledged to this laptop (kept as the acknowledged place:
 * every acknowledged message lies at or below it), and which holds at least as many of this laptop's
 * messages as it acknowledged. Another HQ, or one restored from an older copy of its database, fails one
 * of those: the laptop then marks unsent what that HQ lacks and pulls from the start. Both are
 * idempotent (HQ ignores a message it holds, apply one it knows), so healing twice, or for nothing,
 * costs only the traffic.
 *
 * The count alone cannot tell (issue #10, the sync simulation on the SQLite HQ): HQ also holds messages
 * the laptop has not seen acknowledged (a push whose reply was lost, or one delayed in the network that
 * reaches a restored HQ just before the laptop asks), and those make up for acknowledged ones it lacks.
 */

/** Stands in for the HQ id when a laptop from before HQ ids enrolls elsewhere: nothing matches it. */
const UNKNOWN_HQ = 'unknown'

type Db = Kysely<DB> | Transaction<DB>

/** What checking HQ found. */
export interface HqCheck {
  /** The cursor and marks were another HQ's, or HQ lacks what they say: the laptop healed. */
  healed: boolean
  /** Changes marked unsent again because HQ lacks them. */
  resent: number
  /** HQ said who it is; false for an HQ older than HQ ids (it takes no cursor mark on pull either). */
  identified: boolean
}

/** Keeps the stamp of the page's message at the stored cursor (in the page's transaction). */
export async function keepCursorMark(
  trx: Transaction<DB>,
  messages: readonly LoggedMessage[],
  cursor: number,
): Promise<void> {
  const atCursor = messages.find((m) => m.seq === cursor)
  if (atCursor) await writeSetting(trx, SETTING.cursorMark, atCursor.hlc)
}

/** The cursor's mark, when one was kept (a laptop from before marks has none). */
export async function cursorMark(db: Db): Promise<string | undefined> {
  return readSetting(db, SETTING.cursorMark)
}

/** The highest place in HQ's log acknowledged to this laptop, when one was kept. */
export async function ackedPlace(db: Db): Promise<LogPlace | null> {
  const text = await readSetting(db, SETTING.ackedPlace)
  return text === undefined ? null : (LogPlace.safeParse(JSON.parse(text)).data ?? null)
}

/** Keeps `place` as the acknowledged place when it is higher (in the acknowledging transaction). */
export async function keepAckedPlace(trx: Transaction<DB>, place: LogPlace): Promise<void> {
  const kept = await ackedPlace(trx)
  if (!kept || place.seq > kept.seq) await writeSetting(trx, SETTING.ackedPlace, JSON.stringify(place))
}

/** Own changes HQ acknowledged: stamped by this laptop's node and marked sent. */
const ownSent = (db: Db, node: string) =>
  db
    .selectFrom('change_log')
    .where('sent_at', 'is not', null)
    .where(sql<string>`substr(hlc, -16)`, '=', node)

async function countOwnSent(db: Db, node: string): Promise<number> {
  const row = await ownSent(db, node)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/**
 * Before a sync: asks HQ who it is and whether it holds what the cursor and sent marks say, and heals
 * when it does not (see the module comment). Runs before the push, so the push sends what HQ lacks and
 * its `seen` is the reset cursor.
 */
export async function checkHq(db: Kysely<DB>, client: HqClient, node: string): Promise<HqCheck> {
  const [known, cursorText, mark, acked] = await Promise.all([
    readSetting(db, SETTING.hqId),
    readSetting(db, SETTING.cursor),
    cursorMark(db),
    ackedPlace(db),
  ])
  const cursor = Number(cursorText ?? 0)
  let hello: Awaited<ReturnType<HqClient['hello']>>
  try {
    hello = await client.hello({ cursor, mark: mark ?? null, acked })
  } catch (error) {
    // An HQ from before ids cannot be told apart: sync with it as before.
    if (error instanceof HqRequestError && error.code === 'unknown_call') {
      return { healed: false, resent: 0, identified: false }
    }
    throw error
  }
  const sent = await countOwnSent(db, node)
  // A laptop from before HQ ids has none kept: it adopts this HQ's if the log agrees with it.
  const sameHq = known === undefined || known === hello.hqId
  // An HQ older than acknowledged places answers no ackedHeld: the count is all there is to go by.
  if (sameHq && hello.cursorHeld && hello.ackedHeld !== false && hello.held >= sent) {
    if (known === undefined) await writeSetting(db, SETTING.hqId, hello.hqId)
    return { healed: false, resent: 0, identified: true }
  }
  const held = await heldByHq(client)
  const resent = await db.transaction().execute(async (trx) => {
    const mine = await ownSent(trx, node)
      .select(['hlc', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('hlc')
      .execute()
    // Per save: HQ lacks it, or part of it (a save split over batches, or a field HQ refused).
    const lacking = mine.filter((save) => (held.get(save.hlc) ?? 0) < Number(save.n)).map((s) => s.hlc)
    let marked = 0
    for (let i = 0; i < lacking.length; i += 500) {
      const updated = await trx
        .updateTable('change_log')
        .set({ sent_at: null })
        .where('hlc', 'in', lacking.slice(i, i + 500))
        .where(sql<string>`substr(hlc, -16)`, '=', node)
        .executeTakeFirst()
      marked += Number(updated.numUpdatedRows)
    }
    await writeSetting(trx, SETTING.cursor, '0')
    await trx.deleteFrom('meta').where('key', '=', SETTING.cursorMark).execute()
    // What stays marked sent is what this HQ holds, at or below its log's end when it answered.
    if (hello.head) await writeSetting(trx, SETTING.ackedPlace, JSON.stringify(hello.head))
    else await trx.deleteFrom('meta').where('key', '=', SETTING.ackedPlace).execute()
    await writeSetting(trx, SETTING.hqId, hello.hqId)
    return marked
  })
  return { healed: true, resent, identified: true }
}

/** Every save HQ holds from this laptop's node: stamp → messages. */
async function heldByHq(client: HqClient): Promise<Map<string, number>> {
  const held = new Map<string, number>()
  let after: string | null = null
  for (;;) {
    const page = await client.held({ after })
    for (const s of page.stamps) held.set(s.hlc, s.messages)
    if (!page.more || page.stamps.length === 0) return held
    after = page.stamps.at(-1)!.hlc
  }
}

/**
 * At enrolment: a laptop from before HQ ids that enrolls at another address cannot tell whether its
 * cursor is this HQ's, so it is taken as another's (the next sync heals, at worst for nothing).
 */
export async function noteEnrolment(trx: Transaction<DB>, hqUrl: string): Promise<void> {
  const [known, previousUrl, cursor] = await Promise.all([
    readSetting(trx, SETTING.hqId),
    readSetting(trx, SETTING.hqUrl),
    readSetting(trx, SETTING.cursor),
  ])
  const hasHistory = Number(cursor ?? 0) > 0
  if (known === undefined && hasHistory && previousUrl !== hqUrl) {
    await writeSetting(trx, SETTING.hqId, UNKNOWN_HQ)
  }
}
