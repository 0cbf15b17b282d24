import { existsSync, renameSync } from 'node:fs'
import { basename, join } from 'node:path'
import Database from 'better-sqlite3'
import { manifestFile, readManifest } from './backup-files'
import { latestGoodBackup, restoreBackup } from './backup.service'

/** The database file of a data folder (core/app.ts DATABASE_FILE; not imported, to keep this light). */
const DATABASE_FILE = 'workbench.sqlite'

/**
 * Puts the newest good backup in place of a damaged database, before any core opens it (the start-up
 * guard's offer: the desktop app's dialog button, the browser host's `--restore-backup`). The damaged
 * file is kept beside, renamed, never deleted; the backup is checked first and written into a new,
 * empty database, which then opens like any other. Returns the backup used, or undefined when none is
 * good (nothing is touched then).
 */
export async function restoreOverDamaged(
  dataDir: string,
  options: { appVersion: string; nativeBinding?: string; now?: () => Date },
): Promise<{ backup: string; damagedKeptAs: string } | undefined> {
  const good = await latestGoodBackup(dataDir, options.nativeBinding)
  if (!good) return undefined
  const name = basename(good.file).replace(/\.sqlite$/, '')
  const manifest = readManifest(manifestFile(dataDir, name))
  if (!manifest) return undefined
  const file = join(dataDir, DATABASE_FILE)
  const stamp = (options.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-')
  const damagedKeptAs = join(dataDir, `workbench.damaged-${stamp}.sqlite`)
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(`${file}${suffix}`)) renameSync(`${file}${suffix}`, `${damagedKeptAs}${suffix}`)
  }
  const empty = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {})
  try {
    empty.pragma('journal_mode = WAL')
    // A new file has no clock yet: the backup's own stamps are the floor.
    await restoreBackup(
      {
        sqlite: empty,
        dataDir,
        deviceId: manifest.deviceId,
        clockFloor: '',
        appVersion: options.appVersion,
        nativeBinding: options.nativeBinding,
      },
      name,
    )
  } finally {
    empty.close()
  }
  return { backup: name, damagedKeptAs }
}
