import type { IncomingMessage, ServerResponse } from 'node:http'
import { promisify } from 'node:util'
import { brotliCompress, brotliDecompress, constants, gunzip, gzip, inflate } from 'node:zlib'
import { readBody } from '../src-main/host/read-body'
import { HqError } from './hq-error'

/**
 * Compressed bodies both ways. Replies are compressed as the request's Accept-Encoding allows (brotli
 * first, then gzip): a pull page of field messages shrinks about 25-fold. Request bodies may come
 * gzip-, brotli- or deflate-encoded; they are decompressed with their output bounded, so a small body
 * that inflates past the limit (a zip bomb) is refused with 413 and never held whole.
 */

const brotli = promisify(brotliCompress)
const gzipAsync = promisify(gzip)
const decoders = {
  gzip: promisify(gunzip),
  'x-gzip': promisify(gunzip),
  br: promisify(brotliDecompress),
  deflate: promisify(inflate),
} as const

/** Replies smaller than this go as they are: compressing them saves less than its headers cost. */
const MIN_COMPRESSED_BYTES = 1024
// Quality 5 of 11: three quarters of brotli's best ratio here at a small part of its time.
const BROTLI_QUALITY = 5

const tooLarge = (limit: number) =>
  new HqError('payload_too_large', 'errors.payloadTooLarge', `request body exceeds ${limit} bytes`)

/**
 * The request's body, decoded: at most `limit` bytes as sent and at most `limit` once decompressed.
 * A body over either limit is refused with 413 (payload_too_large); an unknown or corrupt encoding
 * with 400 (bad_request).
 */
export async function readRequestBody(
  req: IncomingMessage,
  res: ServerResponse,
  limit: number,
): Promise<Buffer> {
  const encoding = String(req.headers['content-encoding'] ?? 'identity')
    .trim()
    .toLowerCase()
  if (encoding !== 'identity' && !Object.hasOwn(decoders, encoding)) {
    res.setHeader('connection', 'close')
    throw new HqError('bad_request', 'errors.badRequest', `unsupported content-encoding: ${encoding}`)
  }
  const body = await readBody(req, limit)
  if (body === null) {
    res.setHeader('connection', 'close')
    throw tooLarge(limit)
  }
  if (encoding === 'identity') return body
  try {
    return await decoders[encoding as keyof typeof decoders](body, { maxOutputLength: limit })
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(limit)
    throw new HqError('bad_request', 'errors.badRequest', `request body is not valid ${encoding}`)
  }
}

/** The encodings a request accepts (q > 0), by Accept-Encoding. */
function accepted(header: string | undefined): Set<string> {
  const out = new Set<string>()
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';')
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined)
    if (name && (q === undefined || Number(q) > 0)) out.add(name.trim())
  }
  return out
}

/** Which encoding a reply to this request goes in. */
export function replyEncoding(req: IncomingMessage): 'br' | 'gzip' | 'identity' {
  const ok = accepted(req.headers['accept-encoding'])
  if (ok.has('br') || ok.has('*')) return 'br'
  if (ok.has('gzip')) return 'gzip'
  return 'identity'
}

/** Sends a JSON reply, compressed as the request allows. */
export async function sendJsonCompressed(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  body: unknown,
): Promise<void> {
  const text = Buffer.from(JSON.stringify(body))
  const encoding = text.length < MIN_COMPRESSED_BYTES ? 'identity' : replyEncoding(req)
  const payload =
    encoding === 'br'
      ? await brotli(text, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: text.length,
          },
        })
      : encoding === 'gzip'
        ? await gzipAsync(text)
        : text
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': payload.length,
    'cache-control': 'no-store',
    vary: 'accept-encoding',
    ...(encoding === 'identity' ? {} : { 'content-encoding': encoding }),
  })
  res.end(payload)
}
