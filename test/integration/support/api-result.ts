import type { ApiResult } from '../../../src-main/core/api/dispatcher'
import type { ApiError } from '../../../src-main/core/api/errors'

/** The value of a call that must succeed (the error is shown when it did not). */
export function ok<T>(result: ApiResult): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`)
  return result.value as T
}

/** The error of a call that must fail. */
export function failed(result: ApiResult): ApiError {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.value)}`)
  return result.error
}
