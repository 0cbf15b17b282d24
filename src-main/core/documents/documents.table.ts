/**
 * Row of `documents`: one file attached to one factory, quote or sample. The file is stored by its
 * SHA-256 (document-files.ts) and syncs as a blob after the row; two rows may share one file.
 */
export interface DocumentsTable {
  id: string
  /** SHA-256 of the file, lower-case hex: its name in the data directory and HQ's blob store. */
  sha256: string
  /** Content type as sniffed from the bytes when it was attached. */
  mime: string
  /** Size of the file. */
  bytes: number
  /** The file's name as the buyer had it (shown, and offered when it is saved). */
  file_name: string
  /** price_sheet, business_licence, test_report, certificate, contract or other. */
  kind: string
  title: string
  /** Table of the owning record: factories, quotes or samples. */
  owner_table: string
  owner_id: string
  created_at: string
  updated_at: string
  /** Tombstone: set when removed (the file stays; other rows may share it). */
  deleted_at: string | null
}
