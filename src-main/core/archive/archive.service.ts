import { rm, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { Readable } from 'node:stream'
import type Database from 'better-sqlite3'
import { sql } from 'kysely'
import type { CoreContext } from '../api/context'
import { AppError } from '../api/errors'
import { localDate } from '../targets/targets.service'
import { localOnlyUpTo } from '../sync/local-only'
import { writeArchiveFile } from './archive-export'
import { stageArchive } from './archive-import'
import { ARCHIVE_READY } from './archive-swap'
import type { ArchiveManifest } from './archive-format'
import type { ArchiveSummary } from './archive.contract'

/**
 * Records this laptop's buyer created or changed (demo data aside): what opening an archive over this
 * data would lose. Changes pulled from HQ are not counted (HQ keeps them).
 */
export async function ownRecordCount(ctx: CoreContext): Promise<number> {
  const demoUpTo = (await localOnlyUpTo(ctx.db)) ?? 0
  const result = await sql<{ n: number }>`
    SELECT COUNT(*) AS n FROM (
      SELECT DISTINCT table_name, row_id FROM change_log
       WHERE device_id = ${ctx.write.deviceId} AND seq > ${demoUpTo}
         AND NOT EXISTS (SELECT 1 FROM change_log demo
                          WHERE demo.seq <= ${demoUpTo} AND demo.table_name = change_log.table_name
                            AND demo.row_id = change_log.row_id))`.execute(ctx.db)
  return result.rows[0]?.n ?? 0
}

/** The refusal to open an archive over records of the buyer's own. */
export function notEmpty(records: number): AppError {
  return new AppError(
    'conflict',
    'errors.archive.notEmpty',
    `this laptop holds ${records} records of its own: an archive opens only on an empty laptop`,
    [{ path: [], messageKey: 'errors.archive.notEmpty', params: { records } }],
  )
}

/** Drops a checked archive that will not be swapped in after all. */
export async function discardStagedArchive(dataDir: string): Promise<void> {
  await rm(join(dataDir, ARCHIVE_READY), { recursive: true, force: true })
}

/** The file name of an export made now, e.g. 工作台存档_2026-12-01_2215.tar. */
export function archiveFileName(now: Date): string {
  const time = `${String(now.getHours()).padStart(2, '0')}${String(now.getMinutes()).padStart(2, '0')}`
  return `工作台存档_${localDate(now)}_${time}.tar`
}

function summary(manifest: ArchiveManifest, fileName: string, path: string, bytes: number): ArchiveSummary {
  return {
    fileName,
    path,
    bytes,
    appVersion: manifest.appVersion,
    schema: manifest.schema,
    createdAt: manifest.createdAt,
    counts: manifest.counts,
    files: manifest.files.length,
  }
}

/** "Export everything" into `file` while the app keeps running. */
export async function exportArchive(
  ctx: CoreContext,
  sqlite: Database.Database,
  file: string,
): Promise<ArchiveSummary> {
  const manifest = await writeArchiveFile(
    { sqlite, dataDir: ctx.app.dataDir, appVersion: ctx.app.version, now: ctx.write.now },
    file,
  )
  return summary(manifest, basename(file), file, (await stat(file)).size)
}

/** The default place of an export in the data folder (the browser host's downloads come from here). */
export function defaultArchivePath(ctx: CoreContext): string {
  return join(ctx.app.dataDir, 'exports', archiveFileName(ctx.write.now()))
}

/**
 * "Open an archive", up to the swap: refused unless this laptop holds nothing of the buyer's own, then
 * extracted and checked (archive-import.ts). The host then closes the core and opens it again, which
 * swaps the archive in (archive-swap.ts).
 */
export async function stageArchiveForOpen(
  ctx: CoreContext,
  input: Readable,
  fileName: string,
): Promise<ArchiveSummary> {
  const own = await ownRecordCount(ctx)
  if (own > 0) {
    input.resume()
    throw notEmpty(own)
  }
  const { manifest } = await stageArchive(ctx.app.dataDir, input, ctx.app.version)
  const bytes = manifest.files.reduce((sum, f) => sum + f.size, 0)
  return summary(manifest, fileName, '', bytes)
}
