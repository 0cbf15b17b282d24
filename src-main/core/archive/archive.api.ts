import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Readable } from 'node:stream'
import type Database from 'better-sqlite3'
import type { CoreContext } from '../api/context'
import type { ApiResult } from '../api/dispatcher'
import { AppError } from '../api/errors'
import type { HandlersFor } from '../api/handlers'
import { storageError } from '../guard/storage-errors'
import type { archiveCalls } from './archive.contract'
import {
  defaultArchivePath,
  discardStagedArchive,
  exportArchive,
  notEmpty,
  ownRecordCount,
  stageArchiveForOpen,
} from './archive.service'
import { exportWorkbook } from './archive-workbook'

export const archiveHandlers: HandlersFor<typeof archiveCalls> = {
  'archive.status': async (_input, ctx) => {
    const ownRecords = await ownRecordCount(ctx)
    return { ownRecords, canOpen: ownRecords === 0, exportDir: join(ctx.app.dataDir, 'exports') }
  },
  'archive.workbook': (input, ctx) => exportWorkbook(ctx, input.language),
}

/** What the hosts' binary archive routes call (browser host: /archive/…, /upload/archive; Electron: IPC). */
export interface ArchiveRoutes {
  /** "Export everything" into `file` (default: <dataDir>/exports/工作台存档_<date>_<time>.tar). */
  export(file?: string): Promise<ApiResult>
  /** The path of an export in <dataDir>/exports by its file name, or undefined for any other name. */
  exportedFile(name: string): string | undefined
  /**
   * "Open an archive": checks the laptop is empty and the archive whole, then has the host swap it in
   * (close the core, open it again); the envelope's value is an ArchiveSummary.
   */
  open(input: Readable, fileName: string): Promise<ApiResult>
}

export interface ArchiveRoutesOptions {
  /** The live connection the export's online backup reads. */
  sqlite: Database.Database
  /** Closes this core and opens a new one on the same folder (which swaps the staged archive in). */
  replaceData(): Promise<void>
  onInternalError?: (error: unknown, call: string) => void
}

const ARCHIVE_NAME = /^[^/\\]{1,200}\.tar$/

export function archiveRoutes(ctx: CoreContext, options: ArchiveRoutesOptions): ArchiveRoutes {
  const exportDir = join(ctx.app.dataDir, 'exports')
  const failure = (error: unknown, call: string): ApiResult => {
    const known = error instanceof AppError ? error : storageError(error)
    if (known) return { ok: false, error: known.toApiError() }
    options.onInternalError?.(error, call)
    return {
      ok: false,
      error: { code: 'internal', messageKey: 'errors.internal', message: 'internal error', fields: [] },
    }
  }
  return {
    async export(file) {
      try {
        return { ok: true, value: await exportArchive(ctx, options.sqlite, file ?? defaultArchivePath(ctx)) }
      } catch (error) {
        return failure(error, 'archive.export')
      }
    },
    exportedFile(name) {
      if (!ARCHIVE_NAME.test(name) || name.startsWith('.')) return undefined
      const file = join(exportDir, name)
      return existsSync(file) ? file : undefined
    },
    async open(input, fileName) {
      try {
        const summary = await stageArchiveForOpen(ctx, input, fileName.slice(0, 200))
        // A save in another window while the archive was checked would be lost by the swap: look again.
        const own = await ownRecordCount(ctx)
        if (own > 0) {
          await discardStagedArchive(ctx.app.dataDir)
          throw notEmpty(own)
        }
        await options.replaceData()
        return { ok: true, value: summary }
      } catch (error) {
        return failure(error, 'archive.open')
      }
    },
  }
}
