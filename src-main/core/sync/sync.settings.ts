import type { Kysely, Transaction } from 'kysely'
import type { DB } from '../db/schema'

/**
 * Sync's local settings, kept in the meta table (never synced). The device token is stored as its
 * host's TokenVault sealed it (token-vault.ts).
 */
export const SETTING = {
  /** HQ's address. */
  hqUrl: 'sync_hq_url',
  /** The device token HQ issued at enrolment. */
  token: 'sync_device_token',
  /** The device id HQ issued at enrolment. */
  hqDeviceId: 'sync_hq_device_id',
  /** Highest HQ sequence applied here. */
  cursor: 'sync_cursor',
  /** JSON of the last sync's outcome (time, counts or error). */
  lastSync: 'sync_last',
  /** The name this laptop enrolled under. */
  deviceName: 'sync_device_name',
  /** JSON of HQ's device directory ({id, name, nodeId}[]) as of the last sync. */
  directory: 'sync_directory',
  /** The id of the HQ the cursor and the "sent" marks belong to (hq-identity.ts). */
  hqId: 'sync_hq_id',
  /** The stamp of the message at the cursor as applied here: HQ confirms it before serving more. */
  cursorMark: 'sync_cursor_mark',
  /** JSON of the highest place in HQ's log acknowledged to this laptop (wire LogPlace, hq-identity.ts). */
  ackedPlace: 'sync_acked_place',
  /** When HQ refused this laptop's token (revoked); cleared by enrolling again. */
  revokedAt: 'sync_revoked_at',
  /** JSON of HQ's clock against this laptop's (clock-correction.ts ClockOffset), as of the last sync. */
  clockOffset: 'sync_clock_offset',
} as const

type Db = Kysely<DB> | Transaction<DB>

export async function readSetting(db: Db, key: string): Promise<string | undefined> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst()
  return row?.value
}

export async function writeSetting(db: Db, key: string, value: string): Promise<void> {
  await db
    .insertInto('meta')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute()
}
