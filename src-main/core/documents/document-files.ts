import { createHash, randomBytes } from 'node:crypto'
import { access, mkdir, open, readFile, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'

/**
 * Where documents' files live: <dataDir>/documents/<first two hex digits>/<sha256>, named by the
 * SHA-256 of their bytes like photos (photo-files.ts), so the same file attached on two laptops is one
 * file and HQ's blob store holds it once. The name has no extension: the type is in the row.
 */

/** The folder of all documents under a data directory. */
export function documentsRoot(dataDir: string): string {
  return join(dataDir, 'documents')
}

/** The file holding the document with this content hash. */
export function documentFile(root: string, sha256: string): string {
  return join(root, sha256.slice(0, 2), sha256)
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** The bytes on disk hashed to something else than their name: nothing was stored. */
export class DocumentHashMismatch extends Error {
  override readonly name = 'DocumentHashMismatch'
  constructor(
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`the bytes hash to ${actual}, not ${expected}`)
  }
}

export async function hasDocumentFile(root: string, sha256: string): Promise<boolean> {
  return access(documentFile(root, sha256)).then(
    () => true,
    () => false,
  )
}

/**
 * Stores bytes under their hash: written to a temporary file, synced, read back and hashed again, and
 * renamed into place only when that hash is `sha256`. A reader never sees a partial or wrong file; a
 * file already stored is left as it is.
 */
export async function writeDocumentFile(root: string, sha256: string, bytes: Uint8Array): Promise<void> {
  const final = documentFile(root, sha256)
  if (await hasDocumentFile(root, sha256)) return
  const folder = join(root, sha256.slice(0, 2))
  await mkdir(folder, { recursive: true })
  const temp = join(folder, `${sha256}.${randomBytes(6).toString('hex')}.part`)
  try {
    const file = await open(temp, 'wx')
    try {
      await file.writeFile(bytes)
      await file.sync()
    } finally {
      await file.close()
    }
    const actual = sha256Of(await readFile(temp))
    if (actual !== sha256) throw new DocumentHashMismatch(sha256, actual)
    await rename(temp, final)
  } finally {
    await rm(temp, { force: true })
  }
}
