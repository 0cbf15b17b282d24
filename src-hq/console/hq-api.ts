import type { ResultOf } from '@core/api/define'
import type { ApiError } from '@core/api/errors'
import type { z } from 'zod'
import { ApiCallError } from '../../src-renderer/api/api-call-error'
import type { HqCallName, HqCalls } from '../hq.contract'

/**
 * The console's calls to HQ: POST /api/<name> on the page's own origin, with the session cookie the
 * browser sends by itself (the page never sees it). A refusal throws the renderer's ApiCallError, so
 * its forms and alerts show HQ's errors like the core's.
 */

/** What the console sends: the route's input before defaults are applied. */
export type HqInput<K extends HqCallName> = z.input<HqCalls[K]['input']>
export type HqResult<K extends HqCallName> = ResultOf<HqCalls[K]>

export interface HqApi {
  /** Calls HQ; resolves the route's result or throws an ApiCallError. */
  call<K extends HqCallName>(name: K, input: HqInput<K>): Promise<HqResult<K>>
}

function failure(messageKey: string, message: string): ApiError {
  return { code: 'internal', messageKey, message, fields: [] }
}

/** `onLoggedOut` runs when HQ refuses the session (expired, ended, or HQ restarted). */
export function createHqApi(onLoggedOut: () => void, fetchFn: typeof fetch = fetch): HqApi {
  return {
    async call<K extends HqCallName>(name: K, input: HqInput<K>): Promise<HqResult<K>> {
      let response: Response
      try {
        response = await fetchFn(`/api/${encodeURIComponent(name)}`, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(input),
        })
      } catch {
        throw new ApiCallError(name, failure('errors.network', 'HQ cannot be reached'))
      }
      let body: { ok?: boolean; value?: unknown; error?: ApiError }
      try {
        body = (await response.json()) as typeof body
      } catch {
        throw new ApiCallError(
          name,
          failure('errors.internal', `HQ answered ${response.status} without JSON`),
        )
      }
      if (body.ok === true) return body.value as HqResult<K>
      if (response.status === 401 && name !== 'admin.login') onLoggedOut()
      throw new ApiCallError(name, body.error ?? failure('errors.internal', 'HQ answered an unknown shape'))
    },
  }
}
