import { AppError, validationError, type ApiError } from './errors'
import { storageError } from '../guard/storage-errors'
import type { CoreContext } from './context'
import { contract } from './contract'
import { handlers } from './handlers'
import type { CallSpec } from './define'

export type ApiResult = { ok: true; value: unknown } | { ok: false; error: ApiError }

export interface DispatcherOptions {
  /** Validate handler output against the contract too (on in tests, where a drift is a bug to catch). */
  checkOutput?: boolean
  /** Where unexpected errors are reported (they reach the client only as 'internal'). */
  onInternalError?: (error: unknown, call: string) => void
}

export type Dispatch = (call: string, input: unknown) => Promise<ApiResult>

const calls = contract as Record<string, CallSpec>
const handlerMap = handlers as unknown as Record<
  string,
  (input: unknown, ctx: CoreContext) => Promise<unknown>
>

/**
 * The single entry point both hosts (IPC and HTTP) route through: finds the call, validates its input
 * with the contract, runs the handler and turns every failure into a structured ApiError. Handlers
 * receive parsed input and never validate again.
 */
export function createDispatcher(ctx: CoreContext, options: DispatcherOptions = {}): Dispatch {
  return async (call, input) => {
    try {
      const spec = Object.hasOwn(calls, call) ? calls[call] : undefined
      const handler = Object.hasOwn(handlerMap, call) ? handlerMap[call] : undefined
      if (!spec || !handler) {
        throw new AppError('unknown_call', 'errors.unknownCall', `unknown API call "${call}"`)
      }
      const parsed = spec.input.safeParse(input)
      if (!parsed.success) throw validationError(parsed.error)
      const output = await handler(parsed.data, ctx)
      if (!options.checkOutput) return { ok: true, value: output }
      const checked = spec.output.safeParse(output)
      if (!checked.success) throw new Error(`output of ${call} breaks its contract: ${checked.error.message}`)
      return { ok: true, value: checked.data }
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toApiError() }
      // A full disk or a read-only folder is told to the buyer as such (the write was rolled back).
      const storage = storageError(error)
      if (storage) return { ok: false, error: storage.toApiError() }
      options.onInternalError?.(error, call)
      return {
        ok: false,
        error: { code: 'internal', messageKey: 'errors.internal', message: 'internal error', fields: [] },
      }
    }
  }
}
