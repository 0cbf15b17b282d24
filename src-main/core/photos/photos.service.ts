import { access } from 'node:fs/promises'
import type { Transaction } from 'kysely'
import type { DB } from '../db/schema'
import { AppError, notFound } from '../api/errors'
import type { CoreContext } from '../api/context'
import {
  inTransaction,
  insertRow,
  requireLiveReference,
  tombstoneRow,
  updateRow,
  type SyncedTableName,
} from '../write/write-path'
import { sniffImageFormat } from './image-sniff'
import { FORMAT_FILES, photosRoot, printCopyFile, variantFile } from './photo-files'
import { PhotoRejected, PhotoTooManyPixels } from './photo-processor'
import {
  MAX_PHOTO_PIXELS,
  MAX_PHOTO_UPLOAD_BYTES,
  PHOTO_VARIANTS,
  type PhotoOwnerTable,
  Sha256,
  type Photo,
  type PhotoLink,
  type PhotoVariant,
} from './photos.contract'
import {
  findLiveLink,
  findLiveLinkOf,
  findPhoto,
  listLiveLinks,
  listLiveLinksOfFactoryRecords,
  nextSortOrder,
  type PhotoLinkRow,
  type PhotoOwner,
  type PhotoRow,
} from './photos.repository'
import { photoLinksTable, photosTable } from './photos.columns'

function toPhoto(
  row: Pick<PhotoRow, 'mime' | 'width' | 'height' | 'bytes' | 'taken_at'>,
  sha256: string,
): Photo {
  return {
    sha256,
    mime: row.mime,
    width: row.width,
    height: row.height,
    bytes: row.bytes,
    takenAt: row.taken_at,
  }
}

function toLink(row: PhotoLinkRow): PhotoLink {
  return {
    ...toPhoto(row, row.photo_id),
    linkId: row.id,
    ownerTable: row.owner_table as PhotoLink['ownerTable'],
    ownerId: row.owner_id,
    caption: row.caption,
    sortOrder: row.sort_order,
  }
}

export function notAnImage(detail: string): AppError {
  return new AppError('validation', 'errors.photo.notImage', `not an image: ${detail}`)
}

export function photoTooLarge(bytes: number): AppError {
  return new AppError(
    'payload_too_large',
    'errors.photo.tooLarge',
    `photo of ${bytes} bytes is over the limit`,
    [
      {
        path: [],
        messageKey: 'errors.photo.tooLarge',
        params: { maximumMb: MAX_PHOTO_UPLOAD_BYTES / (1024 * 1024) },
      },
    ],
  )
}

export function photoTooManyPixels(detail: string): AppError {
  const params = { maximumMp: MAX_PHOTO_PIXELS / 1e6 }
  return new AppError('payload_too_large', 'errors.photo.tooManyPixels', `photo too large: ${detail}`, [
    { path: [], messageKey: 'errors.photo.tooManyPixels', params },
  ])
}

/**
 * Stores uploaded bytes as a photo: checks they are an image within the size limits (scaling one over
 * MAX_PHOTO_BYTES), writes the
 * original and its variants (in the worker), and records the photo row once per content. Uploading
 * the same picture again writes nothing new and returns the same photo.
 */
export async function uploadPhoto(ctx: CoreContext, bytes: Uint8Array): Promise<Photo> {
  if (bytes.byteLength > MAX_PHOTO_UPLOAD_BYTES) throw photoTooLarge(bytes.byteLength)
  if (!sniffImageFormat(bytes)) throw notAnImage('unknown file signature')
  let stored
  try {
    stored = await ctx.photos.store(bytes, photosRoot(ctx.app.dataDir))
  } catch (error) {
    if (error instanceof PhotoRejected) throw notAnImage(error.message)
    if (error instanceof PhotoTooManyPixels) throw photoTooManyPixels(error.message)
    throw error
  }
  const { sha256 } = stored
  const row = await inTransaction(ctx.db, async (trx) => {
    const existing = await findPhoto(trx, sha256)
    if (existing) return existing
    const columns = {
      mime: FORMAT_FILES[stored.format].mime,
      width: stored.width,
      height: stored.height,
      bytes: stored.bytes,
      taken_at: stored.takenAt,
    }
    await insertRow(trx, ctx.write, photosTable, columns, sha256)
    return { id: sha256, ...columns }
  })
  return toPhoto(row, sha256)
}

/**
 * The file of one variant of a known photo, or null: a malformed hash, an unknown variant, a photo
 * this database has never seen or whose file is not (yet) on disk. The hosts serve it.
 */
export async function photoFile(
  ctx: CoreContext,
  sha256: string,
  variant: string,
): Promise<{ path: string; mime: string } | null> {
  if (!Sha256.safeParse(sha256).success || !(PHOTO_VARIANTS as readonly string[]).includes(variant))
    return null
  const row = await findPhoto(ctx.db, sha256)
  if (!row) return null
  const file = variantFile(photosRoot(ctx.app.dataDir), sha256, variant as PhotoVariant, row.mime)
  return access(file.path).then(
    () => file,
    () => null,
  )
}

/** The print copy of a known photo (see printCopyFile), or null when there is none on disk. */
export async function photoPrintCopy(ctx: CoreContext, sha256: string): Promise<string | null> {
  if (!Sha256.safeParse(sha256).success || !(await findPhoto(ctx.db, sha256))) return null
  const path = printCopyFile(photosRoot(ctx.app.dataDir), sha256)
  return access(path).then(
    () => path,
    () => null,
  )
}

export async function listPhotos(ctx: CoreContext, owner: PhotoOwner): Promise<PhotoLink[]> {
  return (await listLiveLinks(ctx.db, owner)).map(toLink)
}

/** The photos of a factory's visits and samples (its own are listPhotos of the factory). */
export async function listFactoryRecordPhotos(ctx: CoreContext, factoryId: string): Promise<PhotoLink[]> {
  return (await listLiveLinksOfFactoryRecords(ctx.db, factoryId)).map(toLink)
}

async function getLink(ctx: CoreContext, linkId: string): Promise<PhotoLink> {
  const row = await findLiveLink(ctx.db, linkId)
  if (!row) throw notFound('photo link', linkId)
  return toLink(row)
}

/** Attaches a stored photo to a live record; the same photo on the same record stays one link. */
export async function attachPhoto(
  ctx: CoreContext,
  input: { sha256: string; ownerTable: PhotoOwnerTable; ownerId: string; caption: string },
): Promise<PhotoLink> {
  const linkId = await inTransaction(ctx.db, async (trx) => {
    // Owner tables are a closed list in the contract; each is a synced table.
    await requireLiveReference(trx, input.ownerTable as SyncedTableName, input.ownerId, ['ownerId'])
    return linkPhoto(trx, ctx, input, ['sha256'])
  })
  return getLink(ctx, linkId)
}

/**
 * Links a stored photo to a record in the caller's transaction (a record saved with its photos links
 * them in its own), at the end of its gallery; returns the link's id. `path` names the photo's field
 * for the error when no such photo is stored.
 */
export async function linkPhoto(
  trx: Transaction<DB>,
  ctx: CoreContext,
  input: { sha256: string; ownerTable: PhotoOwnerTable; ownerId: string; caption: string },
  path: (string | number)[],
): Promise<string> {
  const owner = { ownerTable: input.ownerTable, ownerId: input.ownerId }
  await requireLiveReference(trx, 'photos', input.sha256, path)
  const existing = await findLiveLinkOf(trx, input.sha256, owner)
  if (existing) return existing.id
  return insertRow(trx, ctx.write, photoLinksTable, {
    photo_id: input.sha256,
    owner_table: input.ownerTable,
    owner_id: input.ownerId,
    caption: input.caption,
    sort_order: await nextSortOrder(trx, owner),
  })
}

export async function updatePhotoCaption(
  ctx: CoreContext,
  linkId: string,
  caption: string,
): Promise<PhotoLink> {
  await inTransaction(ctx.db, (trx) => updateRow(trx, ctx.write, photoLinksTable, linkId, { caption }))
  return getLink(ctx, linkId)
}

/** Removes a photo from one record. Files are never deleted here: other records may show the photo. */
export async function unlinkPhoto(ctx: CoreContext, linkId: string): Promise<void> {
  await inTransaction(ctx.db, (trx) => tombstoneRow(trx, ctx.write, photoLinksTable, linkId))
}

/** Renumbers a record's gallery in the given order; only links whose position moves are written. */
export async function reorderPhotos(
  ctx: CoreContext,
  owner: PhotoOwner,
  linkIds: string[],
): Promise<PhotoLink[]> {
  await inTransaction(ctx.db, async (trx) => {
    const current = (await listLiveLinks(trx, owner)).map((row) => row.id)
    const same = current.length === linkIds.length && new Set(linkIds).size === linkIds.length
    if (!same || !current.every((id) => linkIds.includes(id))) {
      throw new AppError(
        'validation',
        'errors.validation',
        'linkIds must name each photo of the record once',
        [{ path: ['linkIds'], messageKey: 'errors.photo.reorderMismatch' }],
      )
    }
    for (const [index, id] of linkIds.entries()) {
      await updateRow(trx, ctx.write, photoLinksTable, id, { sort_order: index })
    }
  })
  return listPhotos(ctx, owner)
}
