import type { IncomingMessage, ServerResponse } from 'node:http'
import { pipeline } from 'node:stream/promises'
import { HqError } from '../hq-error'
import { MAX_BLOB_BYTES, type BlobStored } from '../hq.contract'
import { BLOB_NAME, BlobRefused, type BlobStore } from './blob-store'
import type { z } from 'zod'

/**
 * PUT and GET /blobs/<sha256> (the server has already checked the device token). PUT answers the
 * value of a JSON reply for the server to send; GET streams the file itself and answers undefined.
 */
export async function serveBlob(
  req: IncomingMessage,
  res: ServerResponse,
  store: BlobStore,
  name: string,
): Promise<z.infer<typeof BlobStored> | undefined> {
  if (!BLOB_NAME.test(name)) {
    throw new HqError('bad_request', 'errors.photo.hash', 'a blob is named by its lower-case hex SHA-256')
  }
  if (req.method === 'PUT') return receive(req, res, store, name)
  if (req.method === 'GET') return send(res, store, name)
  throw new HqError('bad_request', 'errors.badRequest', 'blobs take PUT or GET')
}

async function receive(
  req: IncomingMessage,
  res: ServerResponse,
  store: BlobStore,
  name: string,
): Promise<z.infer<typeof BlobStored>> {
  try {
    if (Number(req.headers['content-length'] ?? 0) > MAX_BLOB_BYTES) {
      throw new BlobRefused('too_large', `upload exceeds ${MAX_BLOB_BYTES} bytes`)
    }
    const stored = await store.receive(req, name, MAX_BLOB_BYTES)
    // The whole body was read: the connection may carry the next upload.
    res.removeHeader('connection')
    return stored
  } catch (error) {
    if (!(error instanceof BlobRefused)) {
      // A sender that went away mid-body is no fault of HQ's (the store has removed the part).
      if (!req.complete) throw new HqError('bad_request', 'errors.badRequest', 'the upload was cut off')
      throw error
    }
    switch (error.reason) {
      case 'too_large':
        throw new HqError('payload_too_large', 'errors.photo.tooLarge', error.message)
      case 'hash_mismatch':
        throw new HqError('hash_mismatch', 'errors.sync.hashMismatch', error.message)
      case 'not_image':
        throw new HqError('not_image', 'errors.photo.notImage', error.message)
      default: {
        const never: never = error.reason
        throw new Error(`unknown refusal ${String(never)}`)
      }
    }
  }
}

async function send(res: ServerResponse, store: BlobStore, name: string): Promise<undefined> {
  const found = await store.find(name)
  if (!found) throw new HqError('not_found', 'errors.notFound', `HQ has no photo ${name}`)
  res.writeHead(200, {
    'content-type': 'application/octet-stream',
    'content-length': found.bytes,
    // Content-addressed: the bytes under a name never change.
    'cache-control': 'private, max-age=31536000, immutable',
  })
  await pipeline(found.open(), res)
  return undefined
}
