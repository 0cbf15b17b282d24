import type { CallInput, CallName, CallResult } from '@core/api/contract'
import { ApiCallError } from './api-call-error'
import { httpTransport } from './http-transport'
import { ipcTransport } from './ipc-transport'
import { takeSecret } from './secret'
import type { Transport } from './transport'

/** The typed API: names, inputs and results all come from the core's contract. */
export interface ApiClient {
  /** Calls the core; resolves the call's result or throws an ApiCallError. */
  call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallResult<K>>
}

export function createApiClient(transport: Transport): ApiClient {
  return {
    async call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallResult<K>> {
      const envelope = await transport(name, input)
      if (!envelope.ok) throw new ApiCallError(name, envelope.error)
      // The core validated this value against the contract's output schema.
      return envelope.value as CallResult<K>
    },
  }
}

/** IPC inside Electron (the preload's bridge), HTTP with the launch secret in the browser host. */
export function transportFor(win: Window): Transport {
  if (win.workbench) return ipcTransport(win.workbench)
  return httpTransport(takeSecret(win))
}
