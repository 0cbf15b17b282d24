import { createHash, randomBytes } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { PassThrough, Transform, type Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import Database from 'better-sqlite3'
import * as tar from 'tar-stream'
import { readSchemaState } from '../guard/startup-check'
import { countRecords } from './archive-counts'
import {
  ARCHIVE_DATABASE_ENTRY,
  ARCHIVE_FILE_FOLDERS,
  ARCHIVE_FORMAT,
  ARCHIVE_MANIFEST_ENTRY,
  type ArchiveFile,
  type ArchiveManifest,
} from './archive-format'

/** Where archive work files live while an export or an import runs (inside the data folder, so a
 * rename into place never crosses file systems). */
export function archiveWorkDir(dataDir: string): string {
  return join(dataDir, 'archive-work')
}

export interface ExportArchiveOptions {
  /** The app's open connection: the snapshot is taken from it while the app keeps running. */
  sqlite: Database.Database
  dataDir: string
  appVersion: string
  now: () => Date
}

/** Files under <dataDir>/<folder> (photos, documents) as archive entry names, in a stable order. */
async function listFolderEntries(root: string, folder: string, entry: RegExp): Promise<string[]> {
  const names: string[] = []
  let folders: string[]
  try {
    folders = (await readdir(root)).sort()
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return names
    throw error
  }
  for (const sub of folders) {
    let files: string[]
    try {
      files = (await readdir(join(root, sub))).sort()
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') continue
      throw error
    }
    for (const file of files) {
      const name = `${folder}/${sub}/${file}`
      // Half-written temporary files and anything else that is not a stored file stay out.
      if (entry.test(name)) names.push(name)
    }
  }
  return names
}

/** Streams one file into the tar as an entry, hashing it on the way. */
async function addFile(pack: tar.Pack, name: string, file: string): Promise<ArchiveFile> {
  const { size } = await stat(file)
  const hash = createHash('sha256')
  let seen = 0
  const entry = pack.entry({ name, size, mode: 0o644 })
  await pipeline(
    createReadStream(file),
    new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        seen += chunk.length
        hash.update(chunk)
        callback(null, chunk)
      },
    }),
    entry,
  )
  // A photo's or document's file is written once under its hash and never changed, so a size change is a bug here.
  if (seen !== size) throw new Error(`${file} changed while it was archived`)
  return { name, size, sha256: hash.digest('hex') }
}

/**
 * Writes the archive to `out`: the database snapshot, every photo file, then the manifest. Nothing is
 * held in memory beyond a stream chunk; the snapshot is a temporary file in the data folder.
 */
export async function writeArchive(options: ExportArchiveOptions, out: Writable): Promise<ArchiveManifest> {
  const work = archiveWorkDir(options.dataDir)
  await mkdir(work, { recursive: true })
  const snapshot = join(work, `export-${randomBytes(6).toString('hex')}.sqlite`)
  try {
    // The online backup copies a consistent state while other connections keep writing.
    await options.sqlite.backup(snapshot)
    const copy = new Database(snapshot, { readonly: true, fileMustExist: true })
    let counts: ArchiveManifest['counts']
    let schema: string
    try {
      counts = countRecords(copy)
      schema = readSchemaState(copy).applied.at(-1) ?? ''
    } finally {
      copy.close()
    }
    const pack = tar.pack()
    const sink = new PassThrough()
    const written = pipeline(pack, sink, out)
    const files: ArchiveFile[] = []
    try {
      files.push(await addFile(pack, ARCHIVE_DATABASE_ENTRY, snapshot))
      // Photos and documents are listed after the snapshot: a file is written before any row names
      // it, so every file the snapshot refers to is on disk by now.
      for (const { folder, entry } of ARCHIVE_FILE_FOLDERS) {
        for (const name of await listFolderEntries(join(options.dataDir, folder), folder, entry)) {
          files.push(await addFile(pack, name, join(options.dataDir, name)))
        }
      }
      const manifest: ArchiveManifest = {
        format: ARCHIVE_FORMAT,
        app: 'sourcing-workbench',
        appVersion: options.appVersion,
        schema,
        createdAt: options.now().toISOString(),
        counts,
        files,
      }
      pack.entry({ name: ARCHIVE_MANIFEST_ENTRY, mode: 0o644 }, JSON.stringify(manifest, null, 1))
      pack.finalize()
      await written
      return manifest
    } catch (error) {
      pack.destroy(error as Error)
      await written.catch(() => {})
      throw error
    }
  } finally {
    await rm(snapshot, { force: true })
  }
}

/**
 * Writes the archive to a file: first under a temporary name beside it, renamed when complete, so a
 * crash or a full disk never leaves a half archive under the real name.
 */
export async function writeArchiveFile(
  options: ExportArchiveOptions,
  file: string,
): Promise<ArchiveManifest> {
  await mkdir(dirname(file), { recursive: true })
  const partial = `${file}.partial-${randomBytes(4).toString('hex')}`
  try {
    const manifest = await writeArchive(options, createWriteStream(partial))
    await rename(partial, file)
    return manifest
  } catch (error) {
    await rm(partial, { force: true })
    throw error
  }
}
