import { z } from 'zod'

/**
 * The archive "Export everything" writes and "Open an archive" reads: a plain .tar (any tool can list
 * it) holding, in this order,
 *   database/workbench.sqlite          a consistent snapshot taken with SQLite's online backup
 *   photos/<2 hex>/<sha256>.<suffix>   every photo file: originals and their generated variants
 *   documents/<2 hex>/<sha256>         every document file (PDFs, spreadsheets, scans)
 *   manifest.json                      what the archive must hold, with the sha256 of every file
 * The manifest comes last so each file is hashed once, as it streams by, on both sides. Photos are
 * stored, not compressed: JPEGs do not shrink, and a tar streams without holding anything in memory.
 */

/** Format version of the archive itself (not the database schema); a newer one is refused. */
export const ARCHIVE_FORMAT = 1

export const ARCHIVE_DATABASE_ENTRY = 'database/workbench.sqlite'
export const ARCHIVE_MANIFEST_ENTRY = 'manifest.json'
/** A photo file's place in the archive mirrors <dataDir>/photos (see photos/photo-files.ts). */
export const ARCHIVE_PHOTO_ENTRY = /^photos\/([0-9a-f]{2})\/\1[0-9a-f]{62}\.[a-z0-9.]{2,20}$/
/** A document file's place mirrors <dataDir>/documents (see documents/document-files.ts): no suffix. */
export const ARCHIVE_DOCUMENT_ENTRY = /^documents\/([0-9a-f]{2})\/(\1[0-9a-f]{62})$/

/** The data folders an archive carries beside the database, each with the entries it may hold. */
export const ARCHIVE_FILE_FOLDERS = [
  { folder: 'photos', entry: ARCHIVE_PHOTO_ENTRY },
  { folder: 'documents', entry: ARCHIVE_DOCUMENT_ENTRY },
] as const

/** The largest manifest read (1,000 photos with four files each is about 0.5 MB). */
export const MAX_MANIFEST_BYTES = 64 * 1024 * 1024

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/)

export const ArchiveCounts = z.object({
  factories: z.number().int().nonnegative(),
  samples: z.number().int().nonnegative(),
  quotes: z.number().int().nonnegative(),
  visits: z.number().int().nonnegative(),
  photos: z.number().int().nonnegative(),
})
export type ArchiveCounts = z.infer<typeof ArchiveCounts>

export const ArchiveFile = z
  .object({
    /** Path inside the archive. */
    name: z.string().min(1).max(300),
    size: z.number().int().nonnegative(),
    sha256: Sha256,
  })
  .strict()
export type ArchiveFile = z.infer<typeof ArchiveFile>

export const ArchiveManifest = z
  .object({
    format: z.literal(ARCHIVE_FORMAT),
    app: z.literal('sourcing-workbench'),
    /** Version of the app that wrote the archive. */
    appVersion: z.string().min(1).max(50),
    /** The database's last migration: the schema version. */
    schema: z.string().min(1).max(100),
    createdAt: z.iso.datetime(),
    /** Live (not deleted) records in the snapshot, checked again when the archive is opened. */
    counts: ArchiveCounts,
    files: z.array(ArchiveFile).max(1_000_000),
  })
  .strict()
export type ArchiveManifest = z.infer<typeof ArchiveManifest>

/** Whether a path inside the archive is one this format can hold. */
export function isArchiveEntryName(name: string): boolean {
  return name === ARCHIVE_DATABASE_ENTRY || ARCHIVE_FILE_FOLDERS.some(({ entry }) => entry.test(name))
}
