import type { Kysely, Transaction } from 'kysely'
import type { DB } from '../db/schema'
import { HqRequestError } from './hq-client'
import { readSetting, SETTING, writeSetting } from './sync.settings'

/**
 * A laptop HQ no longer accepts: HQ answers 'unauthorized' once the device is revoked (saying when),
 * or when it does not know the token at all (an HQ restored from before the laptop enrolled). The
 * laptop keeps its unsent work and says so; enrolling again with a new code clears this.
 */

/** Notes a refused token: HQ's revocation time, or when it was first refused here. */
export async function noteRevocation(db: Kysely<DB>, error: unknown, now: Date): Promise<void> {
  if (!(error instanceof HqRequestError) || error.code !== 'unauthorized') return
  const noted = await readSetting(db, SETTING.revokedAt)
  const at = error.revokedAt ?? noted ?? now.toISOString()
  if (at !== noted) await writeSetting(db, SETTING.revokedAt, at)
}

/** HQ accepts the token (again: a newer copy of HQ restored), or the laptop enrolled anew. */
export async function clearRevocation(db: Kysely<DB> | Transaction<DB>): Promise<void> {
  await db.deleteFrom('meta').where('key', '=', SETTING.revokedAt).execute()
}

/** When HQ revoked this laptop (or first refused its token); null while HQ accepts it. */
export async function readRevocation(db: Kysely<DB>): Promise<string | null> {
  return (await readSetting(db, SETTING.revokedAt)) ?? null
}
