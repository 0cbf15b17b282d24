import { once } from 'node:events'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { PassThrough, type Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { constants, createBrotliCompress, createGzip } from 'node:zlib'
import { replyEncoding } from '../compression'
import { HqError } from '../hq-error'
import type { HqContext } from '../hq.handlers'
import { readSnapshot } from './snapshot.repository'

// As compression.ts's replies: most of brotli's ratio at a small part of its time.
const BROTLI_QUALITY = 5

function compressorFor(encoding: ReturnType<typeof replyEncoding>): Transform {
  if (encoding === 'br')
    return createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } })
  if (encoding === 'gzip') return createGzip()
  return new PassThrough()
}

/**
 * GET SNAPSHOT_ROUTE (the server has checked the device token): HQ's current values, streamed as
 * compressed NDJSON while the snapshot's one transaction reads them (snapshot.repository.ts). On
 * PostgreSQL the read waits for the network, so memory stays one page; embedded SQLite has one
 * connection that every request shares, so there the read runs to its end at once and the compressed
 * bytes wait in memory instead of holding every other request behind a slow download. A failure
 * mid-stream destroys the reply: the laptop sees no end line and keeps nothing of it.
 */
export async function serveSnapshot(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: Pick<HqContext, 'db' | 'databaseKind' | 'hqId'>,
): Promise<void> {
  if (req.method !== 'GET') throw new HqError('bad_request', 'errors.badRequest', 'the snapshot takes GET')
  const encoding = replyEncoding(req)
  const compressor = compressorFor(encoding)
  let sent: Promise<void> | null = null
  const waitForRoom = ctx.databaseKind === 'postgres'
  try {
    await readSnapshot(ctx.db, ctx.hqId, async (text) => {
      if (!sent) {
        res.writeHead(200, {
          'content-type': 'application/x-ndjson; charset=utf-8',
          'cache-control': 'no-store',
          vary: 'accept-encoding',
          ...(encoding === 'identity' ? {} : { 'content-encoding': encoding }),
        })
        sent = pipeline(compressor, res)
        // Seen when the stream is awaited below; not an unhandled rejection meanwhile.
        sent.catch(() => undefined)
      }
      if (!compressor.write(text) && waitForRoom) {
        // The listener that loses the race is removed, or every wait would leave one on the reply.
        const waited = new AbortController()
        try {
          await Promise.race([
            once(compressor, 'drain', { signal: waited.signal }),
            once(res, 'close', { signal: waited.signal }),
          ])
        } finally {
          waited.abort()
        }
        if (res.destroyed) throw new Error('the laptop went away mid-snapshot')
      }
    })
  } catch (error) {
    if (!sent) throw error
    res.destroy(error as Error)
    return
  }
  compressor.end()
  await sent
}
