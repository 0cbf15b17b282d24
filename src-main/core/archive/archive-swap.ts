import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, rename, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { ARCHIVE_DATABASE_ENTRY, ARCHIVE_FILE_FOLDERS } from './archive-format'

/**
 * "Open an archive", second half: puts a checked archive (<dataDir>/archive-ready, see
 * archive-import.ts) in place of the data folder's database, photos and documents. It runs while the database is
 * closed: at every start, before the database opens, which also finishes a swap a crash interrupted.
 *
 * Every step is a rename inside the data folder, and each is redone or skipped on the next start, so
 * after a kill at any moment the next start opens either the old data whole or the archive whole:
 *   1. the old database's WAL is checkpointed into it and removed (an old WAL beside the new file
 *      would be replayed into it);
 *   2. the archive's database is renamed over the old one (atomic);
 *   3. the old photos folder moves aside and the archive's takes its place, then the same for
 *      documents;
 *   4. archive-ready is removed: the swap is done.
 */

/** The folder of a checked archive waiting to be swapped in; its existence is the decision to swap. */
export const ARCHIVE_READY = 'archive-ready'

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false
    throw error
  }
}

/** Folds a closed database's WAL into it and removes the WAL files. */
function foldWal(file: string, nativeBinding?: string): void {
  if (existsSync(`${file}-wal`)) {
    const sqlite = new Database(file, nativeBinding ? { nativeBinding } : {})
    try {
      sqlite.pragma('wal_checkpoint(TRUNCATE)')
    } finally {
      sqlite.close()
    }
  }
}

/**
 * Finishes a pending archive swap, if there is one, and clears the archive work folder. Returns
 * whether an archive was swapped in. Call only while no connection to the database is open.
 */
export async function applyPendingArchive(
  dataDir: string,
  databaseFile: string,
  nativeBinding?: string,
): Promise<boolean> {
  const ready = join(dataDir, ARCHIVE_READY)
  const work = join(dataDir, 'archive-work')
  const swapped = await exists(ready)
  if (swapped) {
    const incomingDb = join(ready, ARCHIVE_DATABASE_ENTRY)
    if (await exists(incomingDb)) {
      if (await exists(databaseFile)) foldWal(databaseFile, nativeBinding)
      await rm(`${databaseFile}-wal`, { force: true })
      await rm(`${databaseFile}-shm`, { force: true })
      await rename(incomingDb, databaseFile)
    }
    for (const { folder } of ARCHIVE_FILE_FOLDERS) {
      const incoming = join(ready, folder)
      if (await exists(incoming)) {
        const current = join(dataDir, folder)
        await mkdir(work, { recursive: true })
        if (await exists(current))
          await rename(current, join(work, `replaced-${folder}-${randomBytes(4).toString('hex')}`))
        await rename(incoming, current)
      }
    }
    await mkdir(work, { recursive: true })
    await rename(ready, join(work, `done-${randomBytes(4).toString('hex')}`))
  }
  // Leftovers of an export or import a crash interrupted, and the data an archive replaced. Only
  // tidying: a folder the app may not write (refused later with a clear message) keeps them.
  await rm(work, { recursive: true, force: true }).catch(() => {})
  return swapped
}
