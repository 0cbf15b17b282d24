import type { Kysely } from 'kysely'
import type { HqDB } from './db/schema'

/** The most recent enrolment codes with the name of the device each enrolled, newest first. */
export function listRecentCodes(db: Kysely<HqDB>, limit: number) {
  return db
    .selectFrom('enrolment_codes')
    .leftJoin('devices', 'devices.id', 'enrolment_codes.device_id')
    .select([
      'enrolment_codes.id',
      'enrolment_codes.created_at',
      'enrolment_codes.expires_at',
      'enrolment_codes.attempts',
      'enrolment_codes.used_at',
      'devices.name as device_name',
    ])
    .orderBy('enrolment_codes.created_at', 'desc')
    .limit(limit)
    .execute()
}

/** Per pushing device: its message count and its latest push (HQ's own writes included, as 'hq'). */
export async function deviceActivity(db: Kysely<HqDB>) {
  const rows = await db
    .selectFrom('messages')
    .select(['device_id', (eb) => eb.fn.countAll().as('n'), (eb) => eb.fn.max('received_at').as('last')])
    .groupBy('device_id')
    .execute()
  return rows.map((r) => ({ deviceId: r.device_id, messages: Number(r.n), lastPushAt: String(r.last) }))
}
