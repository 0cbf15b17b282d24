import type { Kysely, Selectable, Transaction } from 'kysely'
import type { DB } from '../db/schema'
import type { FactoryContactsTable } from './factory-contacts.table'

export type FactoryContactRow = Selectable<FactoryContactsTable>

type Db = Kysely<DB> | Transaction<DB>

// Keeps the IN lists under SQLite's bound-parameter limit.
const CHUNK = 500

/** The live contacts of the given factories, each factory's in display order. */
export async function listLiveContactsOf(
  db: Db,
  factoryIds: readonly string[],
): Promise<FactoryContactRow[]> {
  const rows: FactoryContactRow[] = []
  for (let i = 0; i < factoryIds.length; i += CHUNK) {
    rows.push(
      ...(await db
        .selectFrom('factory_contacts')
        .selectAll()
        .where('factory_id', 'in', factoryIds.slice(i, i + CHUNK))
        .where('deleted_at', 'is', null)
        .orderBy('factory_id')
        .orderBy('sort_order')
        .orderBy('created_at')
        .orderBy('id')
        .execute()),
    )
  }
  return rows
}

/**
 * The contact rows of one factory that have these ids, removed ones included (an edit may name a contact
 * removed since). Looked up by id: factory_id alone has no index that covers removed rows.
 */
export async function findContactsOfFactory(
  trx: Transaction<DB>,
  factoryId: string,
  ids: readonly string[],
): Promise<FactoryContactRow[]> {
  if (ids.length === 0) return []
  return trx
    .selectFrom('factory_contacts')
    .selectAll()
    .where('id', 'in', ids)
    .where('factory_id', '=', factoryId)
    .execute()
}

/** How many live contacts one factory has. */
export async function countLiveContacts(trx: Transaction<DB>, factoryId: string): Promise<number> {
  const row = await trx
    .selectFrom('factory_contacts')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('factory_id', '=', factoryId)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(row.count)
}
