import { createHash, randomBytes } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, rename, rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { Transform, type Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import Database from 'better-sqlite3'
import * as tar from 'tar-stream'
import { AppError } from '../api/errors'
import { APP_SCHEMA, readSchemaState } from '../guard/startup-check'
import { countRecords } from './archive-counts'
import { archiveWorkDir } from './archive-export'
import {
  ARCHIVE_DATABASE_ENTRY,
  ARCHIVE_DOCUMENT_ENTRY,
  ARCHIVE_FILE_FOLDERS,
  ARCHIVE_MANIFEST_ENTRY,
  ArchiveManifest,
  isArchiveEntryName,
  MAX_MANIFEST_BYTES,
} from './archive-format'
import { ARCHIVE_READY } from './archive-swap'

/**
 * "Open an archive", first half: the archive is extracted into a work folder inside the data folder
 * and checked against its manifest (every file's size and sha256, no file it does not list, a schema
 * this app knows, the database whole and holding the counts it claims). Only a fully checked archive
 * is renamed to archive-ready, which the swap (archive-swap.ts) then puts in place. Until that rename
 * nothing the app uses has been touched; any refusal removes the work folder.
 */

function refuse(messageKey: string, message: string, params: Record<string, string | number> = {}): AppError {
  return new AppError('bad_request', messageKey, message, [{ path: [], messageKey, params }])
}

/** Failures of this disk, reported as such; anything else while reading (a cut upload) is a bad file. */
const STORAGE_CODES = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM', 'EIO'])

interface SeenFile {
  size: number
  sha256: string
}

/** Extracts the tar into `dir`, hashing each file; returns what it saw and the manifest's text. */
async function extract(
  input: Readable,
  dir: string,
): Promise<{ seen: Map<string, SeenFile>; manifest?: string }> {
  const seen = new Map<string, SeenFile>()
  let manifest: string | undefined
  const extractor = tar.extract()
  extractor.on('entry', (header, stream, next) => {
    const fail = (error: AppError) => {
      stream.resume()
      next(error)
    }
    const name = header.name
    if (manifest !== undefined)
      return fail(refuse('errors.archive.foreignFile', `${name} follows the manifest`, { name }))
    if (header.type !== 'file')
      return fail(refuse('errors.archive.foreignFile', `${name} is not a file`, { name }))
    if (seen.has(name)) return fail(refuse('errors.archive.foreignFile', `${name} appears twice`, { name }))
    if (name === ARCHIVE_MANIFEST_ENTRY) {
      if ((header.size ?? 0) > MAX_MANIFEST_BYTES) {
        return fail(refuse('errors.archive.notAnArchive', 'the manifest is too large'))
      }
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.once('end', () => {
        manifest = Buffer.concat(chunks).toString('utf8')
        next()
      })
      stream.once('error', next)
      return
    }
    // The name is checked before it is joined to a path: no '..', no absolute path, no other folder.
    if (!isArchiveEntryName(name))
      return fail(refuse('errors.archive.foreignFile', `${name} does not belong in an archive`, { name }))
    const target = join(dir, name)
    const hash = createHash('sha256')
    let size = 0
    mkdir(dirname(target), { recursive: true })
      .then(() =>
        pipeline(
          stream,
          new Transform({
            transform(chunk: Buffer, _encoding, callback) {
              size += chunk.length
              hash.update(chunk)
              callback(null, chunk)
            },
          }),
          createWriteStream(target, { flags: 'wx' }),
        ),
      )
      .then(() => {
        seen.set(name, { size, sha256: hash.digest('hex') })
        next()
      })
      .catch((error: unknown) => next(error))
  })
  try {
    await pipeline(input, extractor)
  } catch (error) {
    if (error instanceof AppError) throw error
    const code = (error as { code?: unknown }).code
    // Storage failures (a full disk) are the caller's to report as such; the rest is a bad file.
    if (typeof code === 'string' && STORAGE_CODES.has(code)) throw error
    throw refuse('errors.archive.notAnArchive', `not a readable archive: ${(error as Error).message}`)
  }
  return { seen, manifest }
}

function parseManifest(text: string | undefined): ArchiveManifest {
  if (text === undefined)
    throw refuse('errors.archive.notAnArchive', 'the archive has no manifest (incomplete or not ours)')
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw refuse('errors.archive.notAnArchive', 'the manifest is not JSON')
  }
  if (
    (json as { format?: unknown })?.format !== undefined &&
    typeof (json as { format?: unknown }).format === 'number' &&
    (json as { format: number }).format > 1
  ) {
    throw refuse('errors.archive.newerFormat', 'the archive was written in a newer format')
  }
  const parsed = ArchiveManifest.safeParse(json)
  if (!parsed.success)
    throw refuse('errors.archive.notAnArchive', `the manifest is invalid: ${parsed.error.message}`)
  return parsed.data
}

/** Checks the extracted files and database against the manifest; throws the first mismatch. */
function verify(
  dir: string,
  manifest: ArchiveManifest,
  seen: Map<string, SeenFile>,
  appVersion: string,
): void {
  const listed = new Map(manifest.files.map((file) => [file.name, file]))
  if (listed.size !== manifest.files.length)
    throw refuse('errors.archive.mismatch', 'the manifest lists a file twice')
  for (const [name, file] of seen) {
    const expected = listed.get(name)
    if (!expected) throw refuse('errors.archive.foreignFile', `${name} is not in the manifest`, { name })
    if (expected.size !== file.size || expected.sha256 !== file.sha256) {
      throw refuse('errors.archive.mismatch', `${name} does not match its hash in the manifest`, { name })
    }
    // A document's file is named by its hash alone: bytes under another hash's name are refused too.
    const document = ARCHIVE_DOCUMENT_ENTRY.exec(name)
    if (document && document[2] !== file.sha256) {
      throw refuse('errors.archive.mismatch', `${name} does not match its hash in the manifest`, { name })
    }
  }
  for (const name of listed.keys()) {
    if (!seen.has(name))
      throw refuse('errors.archive.mismatch', `${name} is missing from the archive`, { name })
  }
  if (!seen.has(ARCHIVE_DATABASE_ENTRY))
    throw refuse('errors.archive.notAnArchive', 'the archive holds no database')
  let sqlite: Database.Database
  try {
    sqlite = new Database(join(dir, ARCHIVE_DATABASE_ENTRY), { readonly: true, fileMustExist: true })
  } catch {
    throw refuse('errors.archive.damaged', 'the archive’s database cannot be opened')
  }
  try {
    let state: ReturnType<typeof readSchemaState>
    let integrity: string
    try {
      state = readSchemaState(sqlite)
      integrity = String(sqlite.pragma('integrity_check', { simple: true }))
    } catch (error) {
      throw refuse('errors.archive.damaged', `the archive’s database is damaged: ${(error as Error).message}`)
    }
    if (state.unknown.length > 0) {
      const params = {
        appVersion,
        appSchema: APP_SCHEMA,
        dataSchema: state.unknown.at(-1) ?? '',
        dataVersion: manifest.appVersion,
      }
      throw refuse(
        'errors.archive.newerSchema',
        `the archive was written by ${manifest.appVersion} (schema ${params.dataSchema}); this app is ${appVersion} (schema ${APP_SCHEMA})`,
        params,
      )
    }
    if (integrity !== 'ok')
      throw refuse('errors.archive.damaged', `the archive’s database is damaged: ${integrity}`)
    if ((state.applied.at(-1) ?? '') !== manifest.schema) {
      throw refuse('errors.archive.mismatch', 'the database’s schema is not the one the manifest names')
    }
    const counts = countRecords(sqlite)
    for (const [kind, count] of Object.entries(counts)) {
      if (manifest.counts[kind as keyof typeof counts] !== count) {
        throw refuse(
          'errors.archive.mismatch',
          `the archive holds ${count} ${kind}, its manifest says ${manifest.counts[kind as keyof typeof counts]}`,
          { kind },
        )
      }
    }
  } finally {
    sqlite.close()
  }
}

export interface StagedArchive {
  manifest: ArchiveManifest
}

/**
 * Extracts and checks an archive, then marks it ready to swap in (<dataDir>/archive-ready). Throws an
 * AppError saying what is wrong, having removed everything it wrote.
 */
export async function stageArchive(
  dataDir: string,
  input: Readable,
  appVersion: string,
): Promise<StagedArchive> {
  const dir = join(archiveWorkDir(dataDir), `import-${randomBytes(6).toString('hex')}`)
  // Every folder is swapped in, empty or not, so the open laptop holds exactly the archive's files.
  for (const { folder } of ARCHIVE_FILE_FOLDERS) await mkdir(join(dir, folder), { recursive: true })
  try {
    const { seen, manifest: text } = await extract(input, dir)
    const manifest = parseManifest(text)
    verify(dir, manifest, seen, appVersion)
    await rm(join(dataDir, ARCHIVE_READY), { recursive: true, force: true })
    await rename(dir, join(dataDir, ARCHIVE_READY))
    return { manifest }
  } catch (error) {
    input.resume()
    await rm(dir, { recursive: true, force: true })
    throw error
  }
}
