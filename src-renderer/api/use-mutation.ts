import { useCallback, useState } from 'react'
import type { CallInput, CallName, CallResult } from '@core/api/contract'
import { useApiContext } from './api-context'

/** A call that changes data, with its pending flag. */
export interface Mutation<K extends CallName> {
  /** Runs the call; on success every loaded result is marked stale. Throws ApiCallError on failure. */
  run(input: CallInput<K>): Promise<CallResult<K>>
  /** True while the call is in flight. */
  pending: boolean
}

export function useMutation<K extends CallName>(name: K): Mutation<K> {
  const { client, invalidate } = useApiContext()
  const [pending, setPending] = useState(false)
  const run = useCallback(
    async (input: CallInput<K>) => {
      setPending(true)
      try {
        const result = await client.call(name, input)
        invalidate()
        return result
      } finally {
        setPending(false)
      }
    },
    [client, invalidate, name],
  )
  return { run, pending }
}
