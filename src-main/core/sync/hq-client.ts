import { promisify } from 'node:util'
import { gzip } from 'node:zlib'
import type { z } from 'zod'
import {
  BLOB_ROUTE,
  BlobStored,
  HqErrorBody,
  LoggedMessage,
  wireCalls,
  MAX_BLOB_BYTES,
  MAX_REPLY_BYTES,
  MAX_SNAPSHOT_LINE_BYTES,
  SNAPSHOT_ROUTE,
  SnapshotEnd,
  SnapshotHeader,
  type WireCallName,
  type WireCalls,
} from './wire/sync-wire.contract'

const gzipAsync = promisify(gzip)
/** Request bodies smaller than this go as they are (an empty pull gains nothing from gzip). */
const MIN_GZIP_BYTES = 1024
/** An error reply is a small envelope; anything longer is not HQ's. */
const MAX_ERROR_BYTES = 64 * 1024

/**
 * The laptop's side of the HQ wire: one method per HQ route, every reply validated with the HQ
 * contract before sync trusts it. Tests wrap it to drop, duplicate and reorder requests.
 */
export interface HqClient {
  enrol(input: z.input<WireCalls['enrol']['input']>): Promise<z.output<WireCalls['enrol']['output']>>
  push(input: z.input<WireCalls['push']['input']>): Promise<z.output<WireCalls['push']['output']>>
  pull(input: z.input<WireCalls['pull']['input']>): Promise<z.output<WireCalls['pull']['output']>>
  /** Who HQ is and whether it holds what this laptop's cursor and sent marks say. */
  hello(input: z.input<WireCalls['hello']['input']>): Promise<z.output<WireCalls['hello']['output']>>
  /** The saves HQ holds from this laptop's node, by stamp. */
  held(input: z.input<WireCalls['held']['input']>): Promise<z.output<WireCalls['held']['output']>>
  /** Of these photo hashes, the ones HQ has no original for. */
  missingPhotos(
    input: z.input<WireCalls['photos.missing']['input']>,
  ): Promise<z.output<WireCalls['photos.missing']['output']>>
  /** Uploads one photo original; HQ stores it only if the bytes hash to `sha256`. */
  uploadPhoto(sha256: string, bytes: Uint8Array): Promise<z.output<typeof BlobStored>>
  /** Downloads one photo original, as HQ sent it: the caller checks it against the hash. */
  downloadPhoto(sha256: string): Promise<Uint8Array>
  /** Names of the enrolled devices, to say whose edit replaced whose. */
  directory(): Promise<z.output<WireCalls['directory']['output']>>
  /** HQ's current values at one log position (SNAPSHOT_ROUTE), read as they stream in. */
  snapshot(): Promise<SnapshotStream>
}

/** Messages per chunk a snapshot is handed out in (more when a row's fields run past it). */
export const SNAPSHOT_CHUNK = 2000

/** A snapshot as it downloads: its header at once, then its fields in chunks that end between rows. */
export interface SnapshotStream {
  header: SnapshotHeader
  /**
   * The fields, each chunk checked against the wire contract and ending only between rows (a row's
   * fields are adjacent in a snapshot); throws 'offline' when the stream ends before its end line.
   */
  chunks: AsyncIterable<LoggedMessage[]>
}

/** Why a request to HQ failed: HQ's own error code, or 'offline' / 'bad_reply' when none came. */
export class HqRequestError extends Error {
  override readonly name = 'HqRequestError'
  constructor(
    readonly code: string,
    message: string,
    readonly status?: number,
    /** With 'unauthorized': when HQ revoked this device, as HQ said. */
    readonly revokedAt?: string,
    /** HQ's message key, e.g. 'errors.notJson'. */
    readonly messageKey?: string,
  ) {
    super(message)
  }
}

export interface HttpHqClientOptions {
  /** HQ's address, e.g. http://10.0.0.5:8787. */
  baseUrl: string
  /** The device token; enrol needs none. */
  token?: string
  /** Give up on a request after this long (a dead Wi-Fi must not hang sync). */
  timeoutMs?: number
  /** The same for one photo's upload or download (up to 30 MB on hotel Wi-Fi). */
  photoTimeoutMs?: number
  /** The same for a whole snapshot download (a first sync). */
  snapshotTimeoutMs?: number
}

export function createHttpHqClient(options: HttpHqClientOptions): HqClient {
  const base = options.baseUrl.replace(/\/+$/, '')
  const auth: Record<string, string> = options.token ? { authorization: `Bearer ${options.token}` } : {}

  /** One request; HQ's refusals become HqRequestError with HQ's code, a dead network 'offline'. */
  async function send(path: string, init: RequestInit, timeoutMs: number): Promise<Response> {
    let response: Response
    try {
      response = await fetch(`${base}${path}`, { ...init, signal: AbortSignal.timeout(timeoutMs) })
    } catch (error) {
      // A kept-alive connection HQ closed (it restarted) fails at once: every HQ route takes a repeat.
      const retry = staleConnection(error)
        ? await fetch(`${base}${path}`, { ...init, signal: AbortSignal.timeout(timeoutMs) }).catch(() => null)
        : null
      if (!retry) throw new HqRequestError('offline', `HQ not reachable at ${base}: ${String(error)}`)
      response = retry
    }
    if (response.ok) return response
    const refused = HqErrorBody.safeParse(await jsonOf(response, MAX_ERROR_BYTES))
    if (refused.success) {
      const { code, message, revokedAt, messageKey } = refused.data.error
      throw new HqRequestError(code, message, response.status, revokedAt, messageKey)
    }
    throw new HqRequestError(
      'bad_reply',
      `HQ answered ${response.status} without an error body`,
      response.status,
    )
  }

  /**
   * A reply's JSON, read up to `limit` bytes once decompressed (fetch decodes gzip and brotli as the
   * bytes stream in, so a reply past the limit is refused without being held whole); a reply that is
   * cut off or not JSON (a proxy's error page) counts as offline.
   */
  async function jsonOf(response: Response, limit: number): Promise<unknown> {
    const bytes = await readLimited(response, limit, 'a reply')
    try {
      return JSON.parse(Buffer.from(bytes).toString('utf8'))
    } catch (error) {
      throw new HqRequestError('offline', `no readable reply from HQ at ${base}: ${String(error)}`)
    }
  }

  /** The `value` of a JSON reply, checked against its schema. */
  async function valueOf<T>(response: Response, schema: z.ZodType<T>, what: string): Promise<T> {
    const body = await jsonOf(response, MAX_REPLY_BYTES)
    const parsed = schema.safeParse((body as { value?: unknown } | null)?.value)
    if (!parsed.success) throw new HqRequestError('bad_reply', `HQ's ${what} reply breaks the contract`)
    return parsed.data
  }

  async function call<K extends WireCallName>(
    name: K,
    input: unknown,
  ): Promise<z.output<WireCalls[K]['output']>> {
    const text = Buffer.from(JSON.stringify(input))
    const post = (body: Buffer, encoding: Record<string, string>) =>
      send(
        `/api/${name}`,
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'accept-encoding': 'br, gzip',
            ...encoding,
            ...auth,
          },
          body: new Uint8Array(body),
        },
        options.timeoutMs ?? 30_000,
      )
    let response: Response
    if (text.length < MIN_GZIP_BYTES) response = await post(text, {})
    else {
      try {
        response = await post(await gzipAsync(text), { 'content-encoding': 'gzip' })
      } catch (error) {
        // An HQ older than request compression reads the gzip bytes as broken JSON: send them plain.
        if (!(error instanceof HqRequestError && error.messageKey === 'errors.notJson')) throw error
        response = await post(text, {})
      }
    }
    const output: z.ZodType = wireCalls[name].output
    return (await valueOf(response, output, name)) as z.output<WireCalls[K]['output']>
  }

  const photoTimeout = options.photoTimeoutMs ?? 10 * 60_000
  return {
    enrol: (input) => call('enrol', input),
    push: (input) => call('push', input),
    pull: (input) => call('pull', input),
    hello: (input) => call('hello', input),
    held: (input) => call('held', input),
    missingPhotos: (input) => call('photos.missing', input),
    uploadPhoto: async (sha256, bytes) => {
      const response = await send(
        `${BLOB_ROUTE}${sha256}`,
        {
          method: 'PUT',
          headers: { 'content-type': 'application/octet-stream', ...auth },
          body: new Uint8Array(bytes),
        },
        photoTimeout,
      )
      return valueOf(response, BlobStored, 'upload')
    },
    downloadPhoto: async (sha256) => {
      const response = await send(`${BLOB_ROUTE}${sha256}`, { headers: auth }, photoTimeout)
      return readLimited(response, MAX_BLOB_BYTES, 'a photo')
    },
    directory: () => call('directory', {}),
    snapshot: async () => {
      const response = await send(
        SNAPSHOT_ROUTE,
        { headers: { 'accept-encoding': 'br, gzip', ...auth } },
        options.snapshotTimeoutMs ?? 30 * 60_000,
      )
      return snapshotOf(response, base)
    },
  }
}

/** NDJSON lines of a reply as they are decoded, each at most MAX_SNAPSHOT_LINE_BYTES. */
async function* linesOf(response: Response): AsyncGenerator<string> {
  const decoder = new TextDecoder()
  let pending = ''
  for await (const chunk of response.body ?? []) {
    pending += decoder.decode(chunk, { stream: true })
    let end: number
    while ((end = pending.indexOf('\n')) >= 0) {
      yield pending.slice(0, end)
      pending = pending.slice(end + 1)
    }
    if (pending.length > MAX_SNAPSHOT_LINE_BYTES) {
      throw new HqRequestError(
        'payload_too_large',
        `HQ sent a snapshot line over ${MAX_SNAPSHOT_LINE_BYTES} bytes`,
      )
    }
  }
  pending += decoder.decode()
  if (pending.length > 0) yield pending
}

/** Reads a snapshot reply: the header now, the chunks as the caller asks for them. */
async function snapshotOf(response: Response, base: string): Promise<SnapshotStream> {
  const lines = linesOf(response)[Symbol.asyncIterator]()
  const cutOff = (error?: unknown) =>
    new HqRequestError(
      'offline',
      `the snapshot from HQ at ${base} was cut off${error ? `: ${String(error)}` : ''}`,
    )
  const next = async (): Promise<IteratorResult<string>> => {
    try {
      return await lines.next()
    } catch (error) {
      if (error instanceof HqRequestError) throw error
      throw cutOff(error)
    }
  }
  const json = (line: string): unknown => {
    try {
      return JSON.parse(line)
    } catch {
      throw new HqRequestError('bad_reply', `HQ's snapshot holds a line that is not JSON`)
    }
  }
  const parse = <T>(line: unknown, schema: z.ZodType<T>, what: string): T => {
    const parsed = schema.safeParse(line)
    if (!parsed.success) throw new HqRequestError('bad_reply', `HQ's snapshot ${what} breaks the contract`)
    return parsed.data
  }
  const first = await next()
  if (first.done) {
    await response.body?.cancel().catch(() => undefined)
    throw cutOff()
  }
  const header = parse(json(first.value), SnapshotHeader, 'header')
  async function* chunks(): AsyncGenerator<LoggedMessage[]> {
    let chunk: LoggedMessage[] = []
    let fields = 0
    try {
      for (let line = await next(); !line.done; line = await next()) {
        const value = json(line.value)
        if ((value as { kind?: unknown } | null)?.kind === 'end') {
          const end = parse(value, SnapshotEnd, 'end line')
          if (end.fields !== fields) {
            throw new HqRequestError(
              'bad_reply',
              `HQ's snapshot ends at ${end.fields} fields, ${fields} came`,
            )
          }
          if (chunk.length > 0) yield chunk
          return
        }
        const message = parse(value, LoggedMessage, `field ${fields + 1}`)
        fields++
        const last = chunk.at(-1)
        if (chunk.length >= SNAPSHOT_CHUNK && (last!.table !== message.table || last!.row !== message.row)) {
          yield chunk
          chunk = []
        }
        chunk.push(message)
      }
      throw cutOff()
    } finally {
      await response.body?.cancel().catch(() => undefined)
    }
  }
  return { header, chunks: chunks() }
}

/** A request that failed on a pooled connection the other side had closed, before any reply. */
function staleConnection(error: unknown): boolean {
  const code = (error as { cause?: { code?: string } } | null)?.cause?.code
  return code === 'UND_ERR_SOCKET' || code === 'ECONNRESET'
}

/** Whether HQ answers its health route within the timeout (the scheduler's cheap probe). */
export async function hqReachable(baseUrl: string, timeoutMs = 5000): Promise<boolean> {
  try {
    const response = await fetch(`${baseUrl.replace(/\/+$/, '')}/api/health`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
      signal: AbortSignal.timeout(timeoutMs),
    })
    await response.body?.cancel()
    return response.ok
  } catch {
    return false
  }
}

/** A reply's bytes (decompressed), refused past `limit` without holding more than that in memory. */
async function readLimited(response: Response, limit: number, what: string): Promise<Uint8Array> {
  const tooLarge = () => new HqRequestError('payload_too_large', `HQ sent ${what} over ${limit} bytes`)
  // Content-Length counts the bytes as sent: compressed, a lower bound of what they decode to.
  if (Number(response.headers.get('content-length') ?? 0) > limit) {
    await response.body?.cancel()
    throw tooLarge()
  }
  const chunks: Uint8Array[] = []
  let size = 0
  try {
    for await (const chunk of response.body ?? []) {
      size += chunk.byteLength
      if (size > limit) throw tooLarge()
      chunks.push(chunk)
    }
  } catch (error) {
    if (error instanceof HqRequestError) {
      await response.body?.cancel().catch(() => undefined)
      throw error
    }
    throw new HqRequestError('offline', `the download from HQ was cut off: ${String(error)}`)
  }
  return Buffer.concat(chunks)
}
