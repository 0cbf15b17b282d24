import type { ErrorCode } from './errors'

/**
 * Facts of the HTTP transport that both the browser host and docs/api.md state, kept in one place so
 * the documentation cannot drift from the server.
 */

/** Largest accepted API request body; anything bigger gets 413 before it is parsed. */
export const MAX_BODY_BYTES = 1024 * 1024
/** Header that carries the per-launch secret. */
export const SECRET_HEADER = 'x-workbench-secret'

/** The HTTP status the browser host answers each error code with. */
export const HTTP_STATUS_BY_CODE: Record<ErrorCode, number> = {
  validation: 400,
  bad_request: 400,
  not_found: 404,
  conflict: 409,
  unknown_call: 404,
  unauthorized: 401,
  payload_too_large: 413,
  internal: 500,
}
