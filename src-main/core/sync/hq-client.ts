import type { z } from 'zod'
import {
  BLOB_ROUTE,
  BlobStored,
  HqErrorBody,
  wireCalls,
  MAX_BLOB_BYTES,
  type WireCallName,
  type WireCalls,
} from './wire/sync-wire.contract'

/**
 * The laptop's side of the HQ wire: one method per HQ route, every reply validated with the HQ
 * contract before sync trusts it. Tests wrap it to drop, duplicate and reorder requests.
 */
export interface HqClient {
  enrol(input: z.input<WireCalls['enrol']['input']>): Promise<z.output<WireCalls['enrol']['output']>>
  push(input: z.input<WireCalls['push']['input']>): Promise<z.output<WireCalls['push']['output']>>
  pull(input: z.input<WireCalls['pull']['input']>): Promise<z.output<WireCalls['pull']['output']>>
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
}

/** Why a request to HQ failed: HQ's own error code, or 'offline' / 'bad_reply' when none came. */
export class HqRequestError extends Error {
  override readonly name = 'HqRequestError'
  constructor(
    readonly code: string,
    message: string,
    readonly status?: number,
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
      throw new HqRequestError('offline', `HQ not reachable at ${base}: ${String(error)}`)
    }
    if (response.ok) return response
    const refused = HqErrorBody.safeParse(await jsonOf(response))
    if (refused.success) {
      throw new HqRequestError(refused.data.error.code, refused.data.error.message, response.status)
    }
    throw new HqRequestError(
      'bad_reply',
      `HQ answered ${response.status} without an error body`,
      response.status,
    )
  }

  /** A reply's JSON; a reply that is cut off or not JSON (a proxy's error page) counts as offline. */
  async function jsonOf(response: Response): Promise<unknown> {
    try {
      return await response.json()
    } catch (error) {
      throw new HqRequestError('offline', `no readable reply from HQ at ${base}: ${String(error)}`)
    }
  }

  /** The `value` of a JSON reply, checked against its schema. */
  async function valueOf<T>(response: Response, schema: z.ZodType<T>, what: string): Promise<T> {
    const body = await jsonOf(response)
    const parsed = schema.safeParse((body as { value?: unknown } | null)?.value)
    if (!parsed.success) throw new HqRequestError('bad_reply', `HQ's ${what} reply breaks the contract`)
    return parsed.data
  }

  async function call<K extends WireCallName>(
    name: K,
    input: unknown,
  ): Promise<z.output<WireCalls[K]['output']>> {
    const response = await send(
      `/api/${name}`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth },
        body: JSON.stringify(input),
      },
      options.timeoutMs ?? 30_000,
    )
    const output: z.ZodType = wireCalls[name].output
    return (await valueOf(response, output, name)) as z.output<WireCalls[K]['output']>
  }

  const photoTimeout = options.photoTimeoutMs ?? 10 * 60_000
  return {
    enrol: (input) => call('enrol', input),
    push: (input) => call('push', input),
    pull: (input) => call('pull', input),
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
      return readLimited(response, MAX_BLOB_BYTES)
    },
    directory: () => call('directory', {}),
  }
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

/** A binary reply's bytes, refused past `limit` without holding more than that in memory. */
async function readLimited(response: Response, limit: number): Promise<Uint8Array> {
  if (Number(response.headers.get('content-length') ?? 0) > limit) {
    await response.body?.cancel()
    throw new HqRequestError('payload_too_large', `HQ sent a photo over ${limit} bytes`)
  }
  const chunks: Uint8Array[] = []
  let size = 0
  try {
    for await (const chunk of response.body ?? []) {
      size += chunk.byteLength
      if (size > limit) throw new HqRequestError('payload_too_large', `HQ sent a photo over ${limit} bytes`)
      chunks.push(chunk)
    }
  } catch (error) {
    if (error instanceof HqRequestError) throw error
    throw new HqRequestError('offline', `the download from HQ was cut off: ${String(error)}`)
  }
  return Buffer.concat(chunks)
}
