import type { ApiResult } from './dispatcher'
import { AppError } from './errors'

/**
 * Runs a binary route's work (an upload the hosts take outside the JSON API) and answers the same
 * envelope an API call does: the value, an AppError as its ApiError, anything else as 'internal'
 * (reported to `onInternalError`, never shown in detail).
 */
export async function routeEnvelope(
  call: string,
  work: () => Promise<unknown>,
  onInternalError?: (error: unknown, call: string) => void,
): Promise<ApiResult> {
  try {
    return { ok: true, value: await work() }
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toApiError() }
    onInternalError?.(error, call)
    return {
      ok: false,
      error: { code: 'internal', messageKey: 'errors.internal', message: 'internal error', fields: [] },
    }
  }
}
