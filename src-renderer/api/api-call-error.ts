import type { ApiError } from '@core/api/errors'

/** Thrown by the client when a call answers {ok:false}; carries the structured error for the UI. */
export class ApiCallError extends Error {
  override readonly name = 'ApiCallError'
  constructor(
    /** The call that failed, e.g. 'factories.create'. */
    readonly call: string,
    /** The structured error (code, message key, field errors). */
    readonly apiError: ApiError,
  ) {
    super(`${call}: ${apiError.message}`)
  }
}
