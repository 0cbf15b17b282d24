import { z } from 'zod'
import { defineCalls } from '../api/define'

/**
 * Photos attached to factories, visits and samples. The bytes themselves do not travel as JSON: the
 * hosts take them on a binary route (HTTP POST /upload/photo, IPC uploadPhoto) and hand them to
 * `uploadPhoto` in the core; these calls then attach the stored photo (by its hash) to records.
 */

export { MAX_PHOTO_BYTES, MAX_PHOTO_PIXELS, MAX_PHOTO_UPLOAD_BYTES } from '../api/upload-limits'

/** The files kept per photo: the original, a gallery thumbnail and a print-size preview. */
export const PHOTO_VARIANTS = ['thumb', 'preview', 'original'] as const
export type PhotoVariant = (typeof PHOTO_VARIANTS)[number]

/** Long side of the generated variants, in pixels. */
export const THUMB_SIZE = 320
export const PREVIEW_SIZE = 1600
/** Long side of the print copy: a report shows a photo about 6 cm wide, 800 px is about 330 dpi. */
export const PRINT_SIZE = 800

/** Records a photo can be attached to. */
export const PHOTO_OWNER_TABLES = ['factories', 'visits', 'samples', 'quotes'] as const
export const PhotoOwnerTable = z.enum(PHOTO_OWNER_TABLES)
export type PhotoOwnerTable = z.infer<typeof PhotoOwnerTable>

/** A photo's content hash: SHA-256, 64 lower-case hex characters. */
export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'errors.photo.hash')

const caption = z.string().trim().max(500, 'errors.tooLong')
const id = z.uuid('errors.id.invalid')

/** A stored photo, as `uploadPhoto` returns it. */
export const Photo = z.object({
  sha256: z.string(),
  mime: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  bytes: z.number().int(),
  takenAt: z.string().nullable(),
})
export type Photo = z.infer<typeof Photo>

/** A photo as one record shows it: the link's caption and order beside the photo's facts. */
export const PhotoLink = Photo.extend({
  linkId: z.string(),
  ownerTable: PhotoOwnerTable,
  ownerId: z.string(),
  caption: z.string(),
  sortOrder: z.number().int(),
})
export type PhotoLink = z.infer<typeof PhotoLink>

const owner = { ownerTable: PhotoOwnerTable, ownerId: id }

export const photoCalls = defineCalls({
  'photos.list': {
    summary: "Lists a record's photos in gallery order, with captions.",
    input: z.object(owner).strict(),
    output: z.object({ items: z.array(PhotoLink) }),
  },
  'photos.ofFactory': {
    summary:
      "Lists the photos of a factory's live visits, samples and quotes (in that order, newest first), for the " +
      'factory page beside its own photos.',
    input: z.object({ factoryId: id }).strict(),
    output: z.object({ items: z.array(PhotoLink) }),
  },
  'photos.attach': {
    summary:
      'Attaches an uploaded photo (by its SHA-256) to a factory, visit, sample or quote, at the end of its ' +
      'gallery; attaching the same photo to the same record again returns the existing link.',
    input: z.object({ sha256: Sha256, ...owner, caption: caption.default('') }).strict(),
    output: PhotoLink,
  },
  'photos.updateCaption': {
    summary: "Changes the caption of one record's photo.",
    input: z.object({ linkId: id, caption }).strict(),
    output: PhotoLink,
  },
  'photos.unlink': {
    summary:
      'Removes a photo from one record (a tombstone); the file stays, so other records keep showing it.',
    input: z.object({ linkId: id }).strict(),
    output: z.object({ linkId: z.string() }),
  },
  'photos.reorder': {
    summary: "Puts a record's photos in the given order; the list must name each of its photos once.",
    input: z.object({ ...owner, linkIds: z.array(id).max(10_000, 'errors.tooMany') }).strict(),
    output: z.object({ items: z.array(PhotoLink) }),
  },
})
