import type { z } from 'zod'
import { HqErrorBody, hqCalls, type HqCallName, type HqCalls } from '../../../src-hq/hq.contract'

/**
 * The laptop's side of the HQ wire: one method per HQ route, every reply validated with the HQ
 * contract before sync trusts it. Tests wrap it to drop, duplicate and reorder requests.
 */
export interface HqClient {
  enrol(input: z.input<HqCalls['enrol']['input']>): Promise<z.output<HqCalls['enrol']['output']>>
  push(input: z.input<HqCalls['push']['input']>): Promise<z.output<HqCalls['push']['output']>>
  pull(input: z.input<HqCalls['pull']['input']>): Promise<z.output<HqCalls['pull']['output']>>
  /** Names of the enrolled devices, to say whose edit replaced whose. */
  directory(): Promise<z.output<HqCalls['directory']['output']>>
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
}

export function createHttpHqClient(options: HttpHqClientOptions): HqClient {
  const base = options.baseUrl.replace(/\/+$/, '')
  async function call<K extends HqCallName>(
    name: K,
    input: unknown,
  ): Promise<z.output<HqCalls[K]['output']>> {
    const headers: Record<string, string> = { 'content-type': 'application/json' }
    if (options.token) headers.authorization = `Bearer ${options.token}`
    let response: Response
    let body: unknown
    try {
      response = await fetch(`${base}/api/${name}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(input),
        signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
      })
      body = await response.json()
    } catch (error) {
      throw new HqRequestError('offline', `HQ not reachable at ${base}: ${String(error)}`)
    }
    if (!response.ok) {
      const refused = HqErrorBody.safeParse(body)
      if (refused.success) {
        throw new HqRequestError(refused.data.error.code, refused.data.error.message, response.status)
      }
      throw new HqRequestError(
        'bad_reply',
        `HQ answered ${response.status} without an error body`,
        response.status,
      )
    }
    const value = (body as { value?: unknown } | null)?.value
    const parsed = hqCalls[name].output.safeParse(value)
    if (!parsed.success) throw new HqRequestError('bad_reply', `HQ's ${name} reply breaks the contract`)
    return parsed.data as z.output<HqCalls[K]['output']>
  }
  return {
    enrol: (input) => call('enrol', input),
    push: (input) => call('push', input),
    pull: (input) => call('pull', input),
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
