import { z } from 'zod'
import { defineSyncedTable, stored } from '../write/stored-columns'
import { FORMAT_FILES } from './photo-files'
import { MAX_PHOTO_BYTES, PHOTO_OWNER_TABLES } from './photos.contract'

const MIMES = Object.values(FORMAT_FILES).map((f) => f.mime) as [string, ...string[]]
// Far above any camera, far below trouble for the thumbnailer.
const MAX_SIDE = 100_000

/** A photo as stored: its id is the SHA-256 of the original, which syncs as a blob. */
export const photosTable = defineSyncedTable({
  name: 'photos',
  entity: 'photo',
  rowId: 'sha256',
  columns: z.object({
    mime: stored.oneOf(MIMES),
    width: stored.int(1, MAX_SIDE),
    height: stored.int(1, MAX_SIDE),
    bytes: stored.int(1, MAX_PHOTO_BYTES),
    // EXIF local wall time, without a zone (exif-date.ts).
    taken_at: stored.nullable(stored.checked(z.iso.datetime({ local: true }), '1970-01-01T00:00:00')),
  }),
})

/** A photo shown on a factory, visit or sample. */
export const photoLinksTable = defineSyncedTable({
  name: 'photo_links',
  entity: 'photo link',
  rowId: 'uuid',
  columns: z.object({
    photo_id: stored.checked(z.string().regex(/^[0-9a-f]{64}$/), '0'.repeat(64)),
    owner_table: stored.oneOf(PHOTO_OWNER_TABLES),
    owner_id: stored.reference(),
    caption: stored.text(500),
    sort_order: stored.int(-1_000_000_000, 1_000_000_000, 0),
  }),
})
