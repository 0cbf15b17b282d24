import type { Kysely, Selectable, Transaction } from 'kysely'
import type { DB } from '../db/schema'
import type { CertificatesTable } from './certificates.table'

export type CertificateRow = Selectable<CertificatesTable>

type Reader = Kysely<DB> | Transaction<DB>

/** A factory's live certificates: soonest end first, those without an end last. */
export async function listLiveCertificates(db: Reader, factoryId: string): Promise<CertificateRow[]> {
  return db
    .selectFrom('certificates')
    .selectAll()
    .where('factory_id', '=', factoryId)
    .where('deleted_at', 'is', null)
    .orderBy((eb) => eb.parens(eb('valid_to', 'is', null)))
    .orderBy('valid_to')
    .orderBy('id')
    .execute()
}

export async function findLiveCertificate(db: Reader, id: string): Promise<CertificateRow | undefined> {
  return db
    .selectFrom('certificates')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
}

/**
 * Live certificates of live factories ending on or before `lastDay` (and, unless `fromDay` is null,
 * not before it), soonest first, with the factory's name.
 */
export async function listEndingBy(
  db: Reader,
  range: { fromDay: string | null; lastDay: string; limit: number },
): Promise<(CertificateRow & { factory_name: string })[]> {
  let query = db
    .selectFrom('certificates as c')
    .innerJoin('factories as f', 'f.id', 'c.factory_id')
    .selectAll('c')
    .select('f.name as factory_name')
    .where('c.deleted_at', 'is', null)
    .where('f.deleted_at', 'is', null)
    .where('c.valid_to', 'is not', null)
    .where('c.valid_to', '<=', range.lastDay)
  if (range.fromDay !== null) query = query.where('c.valid_to', '>=', range.fromDay)
  return query.orderBy('c.valid_to').orderBy('c.id').limit(range.limit).execute() as Promise<
    (CertificateRow & { factory_name: string })[]
  >
}
