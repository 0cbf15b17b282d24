import { accessSync, constants, mkdirSync } from 'node:fs'
import { applyPendingArchive } from '../archive/archive-swap'
import { checkDatabaseBeforeOpen, type FindGoodBackup } from './startup-check'
import { storageError } from './storage-errors'

export interface GuardOptions {
  dataDir: string
  /** The database file inside it. */
  file: string
  appVersion: string
  nativeBinding?: string
  /** Offers the latest good backup for a damaged database (core/backup's; absent until merged). */
  findGoodBackup?: FindGoodBackup
}

/**
 * What runs before the core opens its database: the data folder exists, an archive swap a crash
 * interrupted is finished, and the database is one this app may open (see startup-check.ts). A
 * storage failure (read-only folder, full disk) becomes the buyer-facing AppError.
 */
export async function guardDataFolder(options: GuardOptions): Promise<void> {
  try {
    mkdirSync(options.dataDir, { recursive: true })
    // Said plainly up front: SQLite would only say it cannot open the file.
    accessSync(options.dataDir, constants.W_OK)
    await applyPendingArchive(options.dataDir, options.file, options.nativeBinding)
    await checkDatabaseBeforeOpen(options)
  } catch (error) {
    throw storageError(error) ?? error
  }
}
