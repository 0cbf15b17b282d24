import { z } from 'zod'
import { defineCalls } from '../api/define'
import { ExportedFile, ExportLanguage } from '../exports/exports.contract'
import { ArchiveCounts } from './archive-format'

/**
 * Move to a new laptop / keep a copy. The archive itself travels over the hosts' binary routes
 * (browser host: POST /archive/export, GET /archive/file/<name>, POST /upload/archive; Electron: IPC
 * with file dialogs); these calls carry what fits in JSON.
 */

export const ArchiveStatus = z.object({
  /** Records the buyer changed on this laptop (demo data aside): opening an archive is refused while > 0. */
  ownRecords: z.number().int().nonnegative(),
  /** Whether "Open an archive" may replace this laptop's data. */
  canOpen: z.boolean(),
  /** Where "Export everything" writes in the browser host. */
  exportDir: z.string(),
})
export type ArchiveStatus = z.infer<typeof ArchiveStatus>

/** What an export wrote or an opened archive held. */
export const ArchiveSummary = z.object({
  fileName: z.string(),
  /** Where the file is on this computer (empty for an opened archive that was uploaded). */
  path: z.string(),
  bytes: z.number().int().nonnegative(),
  appVersion: z.string(),
  schema: z.string(),
  createdAt: z.string(),
  counts: ArchiveCounts,
  files: z.number().int().nonnegative(),
})
export type ArchiveSummary = z.infer<typeof ArchiveSummary>

export const archiveCalls = defineCalls({
  'archive.status': {
    summary: 'Whether this laptop may open an archive (no records of the buyer’s own) and where exports go.',
    input: z.object({}).strict(),
    output: ArchiveStatus,
  },
  'archive.workbook': {
    summary: 'Every table of the buyer’s data (live rows) as one .xlsx workbook, a sheet per table.',
    input: z.object({ language: ExportLanguage }).strict(),
    output: ExportedFile,
  },
})
