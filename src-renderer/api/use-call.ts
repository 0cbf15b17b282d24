import { useEffect, useState } from 'react'
import type { CallInput, CallName, CallResult } from '@core/api/contract'
import { useApiContext } from './api-context'

/** The state of one loading call. */
export interface CallState<T> {
  /** The latest result; kept while a newer request is in flight so lists do not flash empty. */
  data: T | undefined
  /** The error of the latest request, if it failed. */
  error: unknown
  /** True while a request is in flight. */
  loading: boolean
}

interface Settled<T> {
  request: string
  data: T | undefined
  error: unknown
}

/**
 * Loads a call's result and reloads it when the input (by value) or the data version changes. Answers
 * to superseded requests are dropped, so a slow search cannot overwrite a newer one.
 */
export function useCall<K extends CallName>(
  name: K,
  input: CallInput<K>,
  enabled = true,
): CallState<CallResult<K>> {
  const { client, version } = useApiContext()
  const inputKey = JSON.stringify(input)
  const request = `${name}\n${inputKey}\n${version}`
  const [settled, setSettled] = useState<Settled<CallResult<K>>>({
    request: '',
    data: undefined,
    error: undefined,
  })

  useEffect(() => {
    if (!enabled) return
    let current = true
    client.call(name, JSON.parse(inputKey) as CallInput<K>).then(
      (data) => {
        if (current) setSettled({ request, data, error: undefined })
      },
      (error: unknown) => {
        if (current) setSettled((s) => ({ request, data: s.data, error }))
      },
    )
    return () => {
      current = false
    }
  }, [client, name, inputKey, request, enabled])

  return { data: settled.data, error: settled.error, loading: enabled && settled.request !== request }
}
