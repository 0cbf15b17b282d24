import { localError, type Envelope, type Transport } from './transport'

/** Header the browser host checks before any routing. */
const SECRET_HEADER = 'x-workbench-secret'

function isEnvelope(value: unknown): value is Envelope {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean'
}

/** The browser host's API: POST /api/<name> with the JSON input and the per-launch secret. */
export function httpTransport(secret: string | null, fetchFn: typeof fetch = fetch): Transport {
  return async (name, input) => {
    let response: Response
    try {
      response = await fetchFn(`/api/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [SECRET_HEADER]: secret ?? '' },
        body: JSON.stringify(input),
      })
    } catch {
      return localError('errors.network', 'the app host cannot be reached')
    }
    let body: unknown
    try {
      body = await response.json()
    } catch {
      return localError('errors.internal', `host answered ${response.status} without JSON`)
    }
    return isEnvelope(body) ? body : localError('errors.internal', 'host answered with an unknown shape')
  }
}
