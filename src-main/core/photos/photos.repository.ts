import type { Kysely, Selectable, Transaction } from 'kysely'
import type { DB } from '../db/schema'
import type { PhotoLinksTable, PhotosTable } from './photos.table'

export type PhotoRow = Selectable<PhotosTable>

/** A live link with its photo's facts, as a gallery shows it. */
export type PhotoLinkRow = Selectable<PhotoLinksTable> &
  Pick<PhotoRow, 'mime' | 'width' | 'height' | 'bytes' | 'taken_at'>

/** A record that photos are attached to. */
export interface PhotoOwner {
  /** Table of the record. */
  ownerTable: string
  /** Id of the record. */
  ownerId: string
}

type Reader = Kysely<DB> | Transaction<DB>

/** The photo with this content hash, live or not. */
export async function findPhoto(db: Reader, sha256: string): Promise<PhotoRow | undefined> {
  return db.selectFrom('photos').selectAll().where('id', '=', sha256).executeTakeFirst()
}

/** Hash and type of every live photo, oldest first (the order sync sends and fetches them in). */
export async function listLivePhotos(db: Reader): Promise<Pick<PhotoRow, 'id' | 'mime'>[]> {
  return db
    .selectFrom('photos')
    .select(['id', 'mime'])
    .where('deleted_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
}

function liveLinks(db: Reader) {
  return db
    .selectFrom('photo_links as l')
    .innerJoin('photos as p', 'p.id', 'l.photo_id')
    .selectAll('l')
    .select(['p.mime', 'p.width', 'p.height', 'p.bytes', 'p.taken_at'])
    .where('l.deleted_at', 'is', null)
}

/** A record's live photo links in gallery order (ties by id, the order they were added). */
export async function listLiveLinks(db: Reader, owner: PhotoOwner): Promise<PhotoLinkRow[]> {
  return liveLinks(db)
    .where('l.owner_table', '=', owner.ownerTable)
    .where('l.owner_id', '=', owner.ownerId)
    .orderBy('l.sort_order')
    .orderBy('l.id')
    .execute()
}

/**
 * The live photo links of a factory's live visits and live samples: visits first (newest visit first),
 * then samples (newest first), each record's photos in gallery order.
 */
export async function listLiveLinksOfFactoryRecords(db: Reader, factoryId: string): Promise<PhotoLinkRow[]> {
  return (
    liveLinks(db)
      .leftJoin('visits as v', (join) =>
        join
          .onRef('v.id', '=', 'l.owner_id')
          .on('l.owner_table', '=', 'visits')
          .on('v.deleted_at', 'is', null),
      )
      .leftJoin('samples as s', (join) =>
        join
          .onRef('s.id', '=', 'l.owner_id')
          .on('l.owner_table', '=', 'samples')
          .on('s.deleted_at', 'is', null),
      )
      .leftJoin('quotes as q', (join) =>
        join
          .onRef('q.id', '=', 'l.owner_id')
          .on('l.owner_table', '=', 'quotes')
          .on('q.deleted_at', 'is', null),
      )
      .where((eb) =>
        eb.or([
          eb('v.factory_id', '=', factoryId),
          eb('s.factory_id', '=', factoryId),
          eb('q.factory_id', '=', factoryId),
        ]),
      )
      // Visits, then samples, then quotes ('visits' > 'samples' > 'quotes'), each newest first.
      .orderBy('l.owner_table', 'desc')
      .orderBy((eb) => eb.fn.coalesce('v.visit_date', 's.created_at', 'q.quote_date'), 'desc')
      .orderBy('l.owner_id', 'desc')
      .orderBy('l.sort_order')
      .orderBy('l.id')
      .execute()
  )
}

export async function findLiveLink(db: Reader, linkId: string): Promise<PhotoLinkRow | undefined> {
  return liveLinks(db).where('l.id', '=', linkId).executeTakeFirst()
}

/** The live link of this photo on this record, if it is already attached. */
export async function findLiveLinkOf(
  db: Reader,
  photoId: string,
  owner: PhotoOwner,
): Promise<PhotoLinkRow | undefined> {
  return liveLinks(db)
    .where('l.photo_id', '=', photoId)
    .where('l.owner_table', '=', owner.ownerTable)
    .where('l.owner_id', '=', owner.ownerId)
    .executeTakeFirst()
}

/** The next free position at the end of a record's gallery. */
export async function nextSortOrder(trx: Transaction<DB>, owner: PhotoOwner): Promise<number> {
  const row = await trx
    .selectFrom('photo_links')
    .select((eb) => eb.fn.max('sort_order').as('last'))
    .where('owner_table', '=', owner.ownerTable)
    .where('owner_id', '=', owner.ownerId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  return row?.last == null ? 0 : Number(row.last) + 1
}
