import { open } from 'node:fs/promises'
import { Readable } from 'node:stream'
import type { Kysely } from 'kysely'
import type { HqDB } from '../db/schema'
import { BLOB_NAME, receiveVerified, stagingFolder, type BlobStore } from './blob-store'

/**
 * HQ's blobs in its PostgreSQL database, so every HQ process on it serves every laptop's photos and
 * documents: a blob is a row of `blobs` and its bytes `chunks` rows of `blob_chunks`, written in one
 * transaction (the `blobs` row first: a second process storing the same blob waits on it and then finds
 * it there). An upload is staged and verified in a local temp folder first, so a slow sender holds no
 * database connection; a download reads one chunk at a time, so neither holds a whole blob in memory.
 */

/** Bytes per chunk row. */
export const BLOB_CHUNK_BYTES = 1024 * 1024

export function createDatabaseBlobStore(db: Kysely<HqDB>, stagingRoot: string): BlobStore {
  const incoming = stagingFolder(stagingRoot)
  const checked = (sha256: string) => {
    if (!BLOB_NAME.test(sha256)) throw new Error(`not a blob name: ${sha256}`)
    return sha256
  }

  async function* chunksOf(sha256: string, chunks: number): AsyncGenerator<Buffer> {
    for (let chunk = 0; chunk < chunks; chunk++) {
      const row = await db
        .selectFrom('blob_chunks')
        .select('data')
        .where('sha256', '=', sha256)
        .where('chunk', '=', chunk)
        .executeTakeFirstOrThrow()
      yield row.data
    }
  }

  return {
    async missing(hashes) {
      if (hashes.length === 0) return []
      const rows = await db
        .selectFrom('blobs')
        .select('sha256')
        .where('sha256', 'in', hashes.map(checked))
        .execute()
      const present = new Set(rows.map((r) => r.sha256))
      return hashes.filter((hash) => !present.has(hash))
    },
    async find(sha256) {
      const row = await db
        .selectFrom('blobs')
        .select(['bytes', 'chunks'])
        .where('sha256', '=', checked(sha256))
        .executeTakeFirst()
      if (!row) return null
      return { bytes: Number(row.bytes), open: () => Readable.from(chunksOf(sha256, row.chunks)) }
    },
    receive: (source, sha256, maxBytes) =>
      receiveVerified(source, sha256, maxBytes, incoming, async (temp) => {
        const file = await open(temp, 'r')
        try {
          const { size } = await file.stat()
          const chunks = Math.ceil(size / BLOB_CHUNK_BYTES)
          const stored = await db.transaction().execute(async (trx) => {
            const inserted = await trx
              .insertInto('blobs')
              .values({ sha256, bytes: size, chunks, created_at: new Date().toISOString() })
              .onConflict((oc) => oc.column('sha256').doNothing())
              .returning('sha256')
              .executeTakeFirst()
            if (!inserted) return false
            for (let chunk = 0; chunk < chunks; chunk++) {
              const data = Buffer.alloc(Math.min(BLOB_CHUNK_BYTES, size - chunk * BLOB_CHUNK_BYTES))
              await file.read(data, 0, data.length, chunk * BLOB_CHUNK_BYTES)
              await trx.insertInto('blob_chunks').values({ sha256, chunk, data }).execute()
            }
            return true
          })
          return { existed: !stored, taken: false }
        } finally {
          await file.close()
        }
      }),
  }
}
