import { createHash, randomBytes } from 'node:crypto'
import { createReadStream, mkdirSync, readdirSync, rmSync } from 'node:fs'
import { access, mkdir, open, rename, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { Readable } from 'node:stream'
import { sniffDocument } from '../../src-main/core/documents/document-sniff'

/**
 * HQ's store of photo and document originals, named by the SHA-256 of their bytes. With the embedded
 * SQLite database (one HQ process) they are files: <root>/<2 hex>/<sha256>, the same fan-out as the
 * laptops' photo folders; a blob is immutable and content-addressed, so it needs no row. On PostgreSQL
 * they are rows of the database every HQ process shares (database-blob-store.ts). Either way an upload is
 * streamed to <root>/incoming/, hashed on the way, and kept only when its hash matches its name: a reader
 * never sees a partial or wrong blob.
 */
export interface BlobStore {
  /** Of these hashes, the ones not stored here, in the order given. */
  missing(hashes: readonly string[]): Promise<string[]>
  /** Size of a stored blob and how to read it, or null when absent. */
  find(sha256: string): Promise<{ bytes: number; open(): Readable } | null>
  /**
   * Streams `source` into the store under `sha256`. Resolves `existed` true when the blob was already
   * stored (the upload is still read and checked). Rejects with BlobRefused, or with the stream's own
   * error when the sender went away; either way nothing is stored and no temp file stays.
   */
  receive(source: Readable, sha256: string, maxBytes: number): Promise<{ existed: boolean }>
}

/** Why an upload was not stored. */
export class BlobRefused extends Error {
  override readonly name = 'BlobRefused'
  constructor(
    readonly reason: 'too_large' | 'hash_mismatch' | 'not_image',
    message: string,
  ) {
    super(message)
  }
}

/** Lower-case hex SHA-256: the only names the store accepts. */
export const BLOB_NAME = /^[0-9a-f]{64}$/

/** Enough leading bytes for every signature image-sniff and document-sniff know. */
const SNIFF_BYTES = 16

/** The staging folder of uploads, emptied of what a crash of HQ itself left (never part of any store). */
export function stagingFolder(root: string): string {
  const incoming = join(root, 'incoming')
  mkdirSync(incoming, { recursive: true })
  for (const name of readdirSync(incoming)) rmSync(join(incoming, name), { force: true })
  return incoming
}

/**
 * Streams an upload to a temp file in `incoming`, hashing and sniffing it on the way, and hands the
 * verified, synced file to `keep` (which stores it and says whether it was there already). The temp
 * file is gone afterwards unless `keep` took it (answered `taken`).
 */
export async function receiveVerified(
  source: Readable,
  sha256: string,
  maxBytes: number,
  incoming: string,
  keep: (temp: string) => Promise<{ existed: boolean; taken: boolean }>,
): Promise<{ existed: boolean }> {
  if (!BLOB_NAME.test(sha256)) throw new Error(`not a blob name: ${sha256}`)
  const temp = join(incoming, `${sha256}.${randomBytes(6).toString('hex')}.part`)
  const file = await open(temp, 'wx')
  let taken = false
  try {
    const hash = createHash('sha256')
    let size = 0
    let head = Buffer.alloc(0)
    // Not destroyed on refusal: the server still answers (413, 422) before it closes the connection.
    for await (const chunk of source.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
      size += chunk.length
      if (size > maxBytes) throw new BlobRefused('too_large', `upload exceeds ${maxBytes} bytes`)
      if (head.length < SNIFF_BYTES) head = Buffer.concat([head, chunk.subarray(0, SNIFF_BYTES)])
      hash.update(chunk)
      await file.write(chunk)
    }
    const actual = hash.digest('hex')
    if (actual !== sha256) {
      throw new BlobRefused('hash_mismatch', `the bytes hash to ${actual}, not ${sha256}`)
    }
    // Photos' and documents' files share the store: an image, a PDF, a spreadsheet or CSV text.
    if (!sniffDocument(head, { headOnly: true })) {
      throw new BlobRefused('not_image', 'the bytes are neither an image nor a document')
    }
    // On disk before it is kept: a power cut cannot leave a named, empty blob.
    await file.sync()
    await file.close()
    const kept = await keep(temp)
    taken = kept.taken
    return { existed: kept.existed }
  } finally {
    await file.close().catch(() => undefined)
    if (!taken) await rm(temp, { force: true })
  }
}

/** The store of files, for the embedded SQLite HQ. */
export function createBlobStore(root: string): BlobStore {
  const incoming = stagingFolder(root)
  const pathOf = (sha256: string) => {
    if (!BLOB_NAME.test(sha256)) throw new Error(`not a blob name: ${sha256}`)
    return join(root, sha256.slice(0, 2), sha256)
  }
  const exists = (path: string) =>
    access(path).then(
      () => true,
      () => false,
    )

  return {
    async missing(hashes) {
      const present = await Promise.all(hashes.map((hash) => exists(pathOf(hash))))
      return hashes.filter((_, index) => !present[index])
    },
    async find(sha256) {
      const path = pathOf(sha256)
      const info = await stat(path).catch(() => null)
      return info?.isFile() ? { bytes: info.size, open: () => createReadStream(path) } : null
    },
    receive: (source, sha256, maxBytes) =>
      receiveVerified(source, sha256, maxBytes, incoming, async (temp) => {
        const final = pathOf(sha256)
        if (await exists(final)) return { existed: true, taken: false }
        await mkdir(join(root, sha256.slice(0, 2)), { recursive: true })
        await rename(temp, final)
        return { existed: false, taken: true }
      }),
  }
}
