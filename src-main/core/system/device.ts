import { createHash } from 'node:crypto'
import type { Kysely } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import type { DB } from '../db/schema'
import { HlcClock, parseHlc } from '../sync/hlc'

/** This installation's identity; created on first start and never synced. */
export async function loadOrCreateDeviceId(db: Kysely<DB>): Promise<string> {
  const existing = await db
    .selectFrom('meta')
    .select('value')
    .where('key', '=', 'device_id')
    .executeTakeFirst()
  if (existing) return existing.value
  const deviceId = uuidv7()
  await db.insertInto('meta').values({ key: 'device_id', value: deviceId }).execute()
  return deviceId
}

/** The 16-hex-character HLC node id derived from a device id. */
export function hlcNodeFor(deviceId: string): string {
  return createHash('sha256').update(deviceId).digest('hex').slice(0, 16)
}

/**
 * meta key: a timestamp the clock must never start below. A restore sets it (the restored change log
 * stops before what the clock had already issued and sent).
 */
export const CLOCK_FLOOR = 'clock_floor'

/** A clock that continues after the newest timestamp already recorded, so restarts never go back. */
export async function restoreClock(
  db: Kysely<DB>,
  deviceId: string,
  wallClock: () => number,
): Promise<HlcClock> {
  const latest = await db
    .selectFrom('change_log')
    .select((eb) => eb.fn.max('hlc').as('hlc'))
    .executeTakeFirst()
  const floor = await db.selectFrom('meta').select('value').where('key', '=', CLOCK_FLOOR).executeTakeFirst()
  // HLC strings sort in clock order.
  const newest = [latest?.hlc, floor?.value]
    .filter((h): h is string => !!h)
    .sort()
    .at(-1)
  const initial = newest ? parseHlc(newest) : undefined
  return new HlcClock(hlcNodeFor(deviceId), wallClock, initial)
}
