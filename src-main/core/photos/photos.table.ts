/**
 * Row of `photos`: one per distinct picture. The id is the SHA-256 of the original's bytes (64 lower-case
 * hex characters), so the same picture added on two laptops is one row after sync.
 */
export interface PhotosTable {
  /** SHA-256 of the original file, lower-case hex. */
  id: string
  mime: string
  /** Pixels as shown (after EXIF orientation). */
  width: number
  height: number
  /** Size of the original file. */
  bytes: number
  /** EXIF DateTimeOriginal as local wall time 'YYYY-MM-DDTHH:mm:ss' (EXIF has no zone), or null. */
  taken_at: string | null
  created_at: string
  updated_at: string
  /** Tombstone (photos are not deleted today; the column keeps the synced-table shape). */
  deleted_at: string | null
}

/** Row of `photo_links`: a photo shown on one record, with that record's caption and order. */
export interface PhotoLinksTable {
  id: string
  /** photos.id (the content hash). */
  photo_id: string
  /** Table of the owning record: factories, visits or samples. */
  owner_table: string
  owner_id: string
  caption: string
  /** Position in the owner's gallery, ascending. */
  sort_order: number
  created_at: string
  updated_at: string
  /** Tombstone: set when the photo is removed from the record (the file stays). */
  deleted_at: string | null
}
