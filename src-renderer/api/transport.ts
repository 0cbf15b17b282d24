import type { ApiError } from '@core/api/errors'

/** The envelope every call returns, over IPC and HTTP alike. */
export type Envelope = { ok: true; value: unknown } | { ok: false; error: ApiError }

/** Sends one call to the core and resolves its envelope; an ApiError is a value here, not a throw. */
export type Transport = (name: string, input: unknown) => Promise<Envelope>

/** An ApiError made in the renderer, for failures that never reached the core. */
export function localError(messageKey: string, message: string): Envelope {
  return { ok: false, error: { code: 'internal', messageKey, message, fields: [] } }
}
