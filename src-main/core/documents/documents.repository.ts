import type { Kysely, Selectable, Transaction } from 'kysely'
import type { DB } from '../db/schema'
import type { DocumentsTable } from './documents.table'

export type DocumentRow = Selectable<DocumentsTable>

type Reader = Kysely<DB> | Transaction<DB>

/** A record's live documents, newest first (ties by id). */
export async function listLiveDocuments(
  db: Reader,
  owner: { ownerTable: string; ownerId: string },
): Promise<DocumentRow[]> {
  return db
    .selectFrom('documents')
    .selectAll()
    .where('owner_table', '=', owner.ownerTable)
    .where('owner_id', '=', owner.ownerId)
    .where('deleted_at', 'is', null)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute()
}

export async function findLiveDocument(db: Reader, id: string): Promise<DocumentRow | undefined> {
  return db
    .selectFrom('documents')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
}

/** Hash of every file a live document names, oldest first (the order sync moves them in). */
export async function listLiveDocumentFiles(db: Reader): Promise<string[]> {
  const rows = await db
    .selectFrom('documents')
    .select('sha256')
    .where('deleted_at', 'is', null)
    .groupBy('sha256')
    .orderBy((eb) => eb.fn.min('created_at'))
    .orderBy('sha256')
    .execute()
  return rows.map((row) => row.sha256)
}
