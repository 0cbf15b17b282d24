import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { photoFolder, photosRoot } from '../photos/photo-files'
import { BackupManifest, type BackupReason, type BackupSummary } from './backup.contract'

/**
 * Where backups live and how they are named: <dataDir>/backups/<UTC time>-<reason>.sqlite beside its
 * <name>.json manifest. A backup counts only once its manifest is in place (written last, renamed in),
 * so a crash mid-backup leaves at most a `.partial` file, which the next backup removes.
 */

export const BACKUP_FOLDER = 'backups'
const PARTIAL = '.partial'

export function backupsRoot(dataDir: string): string {
  return join(dataDir, BACKUP_FOLDER)
}

export function backupDbFile(dataDir: string, name: string): string {
  return join(backupsRoot(dataDir), `${name}.sqlite`)
}

export function manifestFile(dataDir: string, name: string): string {
  return join(backupsRoot(dataDir), `${name}.json`)
}

/** The in-progress file a backup is written to before it is renamed into place. */
export function partialFile(finalFile: string): string {
  return `${finalFile}${PARTIAL}`
}

/** A name that sorts by time; a backup made in the same millisecond as another gets the next one. */
export function newBackupName(dataDir: string, at: Date, reason: BackupReason): string {
  for (let millis = at.getTime(); ; millis++) {
    const name = `${new Date(millis).toISOString().replace(/[:.]/g, '-')}-${reason}`
    if (!existsSync(manifestFile(dataDir, name)) && !existsSync(backupDbFile(dataDir, name))) return name
  }
}

/** Reads a manifest; null when it is missing or not one of ours. */
export function readManifest(file: string): BackupManifest | null {
  try {
    const parsed = BackupManifest.safeParse(JSON.parse(readFileSync(file, 'utf8')))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/** Photos a backup names whose files are gone from the data folder. */
function missingPhotos(dataDir: string, hashes: readonly string[]): number {
  const root = photosRoot(dataDir)
  const present = new Map<string, Set<string>>()
  let missing = 0
  for (const hash of hashes) {
    const folder = photoFolder(root, hash)
    let names = present.get(folder)
    if (!names) {
      names = new Set(existsSync(folder) ? readdirSync(folder) : [])
      present.set(folder, names)
    }
    // The original is stored as <hash>.<ext>; the variants have longer suffixes.
    if (![...names].some((n) => n.startsWith(`${hash}.`) && n.split('.').length === 2)) missing++
  }
  return missing
}

export function summaryOf(dataDir: string, name: string, manifest: BackupManifest): BackupSummary {
  return {
    name,
    createdAt: manifest.createdAt,
    reason: manifest.reason,
    appVersion: manifest.appVersion,
    schemaVersion: manifest.schemaVersion,
    counts: manifest.counts,
    bytes: manifest.bytes,
    photos: manifest.photos.length,
    missingPhotos: missingPhotos(dataDir, manifest.photos),
  }
}

/** A complete backup on disk: its name and manifest. */
export interface StoredBackup {
  name: string
  manifest: BackupManifest
}

/** Every complete backup (manifest readable, database file present), newest first. */
export function storedBackups(dataDir: string): StoredBackup[] {
  const root = backupsRoot(dataDir)
  if (!existsSync(root)) return []
  const found: StoredBackup[] = []
  for (const file of readdirSync(root)) {
    if (!file.endsWith('.json')) continue
    const name = file.slice(0, -'.json'.length)
    const manifest = readManifest(join(root, file))
    if (manifest && existsSync(backupDbFile(dataDir, name))) found.push({ name, manifest })
  }
  return found.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0))
}

/** Every photo hash some backup names: a photo file in this set must never be deleted. */
export function photosNeededByBackups(dataDir: string): Set<string> {
  const needed = new Set<string>()
  for (const backup of storedBackups(dataDir)) for (const hash of backup.manifest.photos) needed.add(hash)
  return needed
}

/** Renames a finished file into place (same folder, so the rename is atomic). */
export function moveIntoPlace(from: string, to: string): void {
  renameSync(from, to)
}

/**
 * Removes what interrupted backups and restores left (`.partial` files and their -wal/-shm, restore
 * staging copies, a database file whose manifest never came), except anything younger than `graceMs`
 * (in flight).
 */
export function removeLeftovers(dataDir: string, now: Date, graceMs = 60_000): void {
  const root = backupsRoot(dataDir)
  if (!existsSync(root)) return
  for (const file of readdirSync(root)) {
    const path = join(root, file)
    const orphan = file.endsWith('.sqlite') && !existsSync(manifestFile(dataDir, file.slice(0, -7)))
    const leftover = file.includes(PARTIAL) || file.startsWith('.restore-') || orphan
    if (!leftover) continue
    try {
      if (now.getTime() - statSync(path).mtimeMs > graceMs) rmSync(path, { force: true })
    } catch {
      // Gone already.
    }
  }
}

/** Deletes one backup: the manifest first, so a crash in between leaves an orphan, never a lie. */
export function deleteBackup(dataDir: string, name: string): void {
  rmSync(manifestFile(dataDir, name), { force: true })
  rmSync(backupDbFile(dataDir, name), { force: true })
}
