import type { Kysely, Selectable } from 'kysely'
import type { DevicesTable, EnrolmentCodesTable, HqDB } from './db/schema'

export type DeviceRow = Selectable<DevicesTable>
export type EnrolmentCodeRow = Selectable<EnrolmentCodesTable>

/** The live (not revoked) device holding this token hash. */
export function findDeviceByTokenHash(db: Kysely<HqDB>, tokenHash: string): Promise<DeviceRow | undefined> {
  return db
    .selectFrom('devices')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
}

/** When the device holding this token hash was revoked; undefined for a live or unknown token. */
export async function revokedAtOfToken(db: Kysely<HqDB>, tokenHash: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('devices')
    .select('revoked_at')
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst()
  return row?.revoked_at ?? undefined
}

export function listDevices(db: Kysely<HqDB>): Promise<DeviceRow[]> {
  return db.selectFrom('devices').selectAll().orderBy('created_at').orderBy('id').execute()
}

/** Revokes a live device; false when there is no such live device. */
export async function revokeDevice(db: Kysely<HqDB>, deviceId: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('devices')
    .set({ revoked_at: now })
    .where('id', '=', deviceId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

export async function insertEnrolmentCode(db: Kysely<HqDB>, row: EnrolmentCodeRow): Promise<void> {
  await db.insertInto('enrolment_codes').values(row).execute()
}

export async function countEnrolmentCodes(db: Kysely<HqDB>): Promise<number> {
  const row = await db
    .selectFrom('enrolment_codes')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
