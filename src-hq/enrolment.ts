import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import type { HqDB } from './db/schema'
import { countEnrolmentCodes, insertEnrolmentCode } from './devices.repository'
import { HqError } from './hq-error'
import { ENROLMENT_CODE_TTL_MS, ENROLMENT_MAX_ATTEMPTS } from './hq.contract'

/**
 * One-time enrolment codes and device tokens. A code is 12 Crockford base32 characters shown as
 * XXXX-XXXX-XXXX: the first 4 name the code (so a wrong guess can be counted against it), the whole
 * code carries 60 bits of which 40 are secret. A code dies when used, after 10 minutes, or after 5 wrong
 * guesses, so guessing it is hopeless.
 */

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const ID_LENGTH = 4
const CODE_LENGTH = 12

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

/** Upper-cases, drops separators and maps the look-alikes (O→0, I/L→1) the way Crockford base32 does. */
export function normalizeCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1')
}

function randomCode(): string {
  let code = ''
  for (let i = 0; i < CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)]
  return code
}

function formatCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`
}

/** Mints a code valid for 10 minutes; only its hash is stored. */
export async function mintEnrolmentCode(
  db: Kysely<HqDB>,
  now: Date,
): Promise<{ code: string; expiresAt: string }> {
  for (;;) {
    const code = randomCode()
    const expiresAt = new Date(now.getTime() + ENROLMENT_CODE_TTL_MS).toISOString()
    try {
      await insertEnrolmentCode(db, {
        id: code.slice(0, ID_LENGTH),
        code_hash: sha256Hex(code),
        created_at: now.toISOString(),
        expires_at: expiresAt,
        attempts: 0,
        used_at: null,
        device_id: null,
      })
      return { code: formatCode(code), expiresAt }
    } catch (error) {
      // The 20-bit lookup part collided with an older code: draw again.
      if (!/unique|duplicate/i.test(String(error))) throw error
    }
  }
}

/** True before any code was ever minted: the first start of an empty HQ. */
export async function noCodeEverMinted(db: Kysely<HqDB>): Promise<boolean> {
  return (await countEnrolmentCodes(db)) === 0
}

function sameHash(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b))
}

const invalid = () =>
  new HqError('enrolment_invalid', 'errors.sync.enrolmentInvalid', 'unknown or wrong enrolment code', [
    { path: ['code'], messageKey: 'errors.sync.enrolmentInvalid' },
  ])

/**
 * Redeems a code for a new device in one transaction: checks expiry, use and attempts, counts a wrong
 * guess, refuses a node id a live device already holds, and returns the token (stored only hashed).
 */
export async function enrolDevice(
  db: Kysely<HqDB>,
  input: { code: string; deviceName: string; nodeId: string; localDeviceId?: string },
  now: Date,
): Promise<{ deviceId: string; token: string }> {
  const code = normalizeCode(input.code)
  if (code.length !== CODE_LENGTH || [...code].some((c) => !ALPHABET.includes(c))) throw invalid()
  const outcome = await db.transaction().execute(async (trx) => {
    const id = code.slice(0, ID_LENGTH)
    // A no-op update takes the row lock on PostgreSQL, so concurrent guesses are counted one by one.
    await trx
      .updateTable('enrolment_codes')
      .set({ attempts: sql`attempts` })
      .where('id', '=', id)
      .execute()
    const row = await trx.selectFrom('enrolment_codes').selectAll().where('id', '=', id).executeTakeFirst()
    if (!row) return invalid()
    if (row.used_at !== null) return invalid()
    if (row.attempts >= ENROLMENT_MAX_ATTEMPTS) {
      return new HqError(
        'enrolment_exhausted',
        'errors.sync.enrolmentExhausted',
        'too many wrong guesses: ask HQ for a new code',
        [{ path: ['code'], messageKey: 'errors.sync.enrolmentExhausted' }],
      )
    }
    if (Date.parse(row.expires_at) <= now.getTime()) {
      return new HqError('enrolment_expired', 'errors.sync.enrolmentExpired', 'enrolment code expired', [
        { path: ['code'], messageKey: 'errors.sync.enrolmentExpired' },
      ])
    }
    if (!sameHash(sha256Hex(code), row.code_hash)) {
      // The wrong guess is counted in this transaction, which commits: the error is returned, not thrown.
      await trx
        .updateTable('enrolment_codes')
        .set({ attempts: row.attempts + 1 })
        .where('id', '=', row.id)
        .execute()
      return invalid()
    }
    const taken = await trx
      .selectFrom('devices')
      .select('id')
      .where('node_id', '=', input.nodeId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst()
    if (taken) {
      return new HqError('node_taken', 'errors.sync.nodeTaken', 'a live device already uses this node id')
    }
    const deviceId = uuidv7()
    const token = randomBytes(32).toString('base64url')
    await trx
      .insertInto('devices')
      .values({
        id: deviceId,
        name: input.deviceName,
        node_id: input.nodeId,
        token_hash: sha256Hex(token),
        created_at: now.toISOString(),
        revoked_at: null,
        local_device: input.localDeviceId ?? null,
      })
      .execute()
    await trx
      .updateTable('enrolment_codes')
      .set({ used_at: now.toISOString(), device_id: deviceId })
      .where('id', '=', row.id)
      .execute()
    return { deviceId, token }
  })
  if (outcome instanceof HqError) throw outcome
  return outcome
}
