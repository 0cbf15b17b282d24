import { createContext, useCallback, useContext, useEffect, useState } from 'react'
import { useApiContext } from '../../src-renderer/api/api-context'
import type { HqCallName } from '../hq.contract'
import type { HqApi, HqInput, HqResult } from './hq-api'

export const HqApiContext = createContext<HqApi | null>(null)

export function useHqApi(): HqApi {
  const api = useContext(HqApiContext)
  if (!api) throw new Error('useHqApi outside <HqApiContext>')
  return api
}

/** The state of one loading HQ call (the same shape as the renderer's useCall). */
export interface HqCallState<T> {
  data: T | undefined
  error: unknown
  loading: boolean
}

/**
 * Loads an HQ route's result; reloads when the input changes or after any change made through the
 * console (the renderer's data version, which its editors bump too).
 */
export function useHqCall<K extends HqCallName>(name: K, input: HqInput<K>): HqCallState<HqResult<K>> {
  const api = useHqApi()
  const { version } = useApiContext()
  const key = `${name}\n${JSON.stringify(input)}\n${version}`
  const [state, setState] = useState<{ key: string; data?: HqResult<K>; error?: unknown }>({ key: '' })
  useEffect(() => {
    let current = true
    const [, inputText] = key.split('\n')
    api.call(name, JSON.parse(inputText!) as HqInput<K>).then(
      (data) => current && setState({ key, data }),
      (error: unknown) => current && setState((s) => ({ key, data: s.data, error })),
    )
    return () => {
      current = false
    }
  }, [api, name, key])
  return { data: state.data, error: state.error, loading: state.key !== key }
}

/** A changing HQ call with its pending flag; on success every loaded result reloads. */
export function useHqMutation<K extends HqCallName>(name: K) {
  const api = useHqApi()
  const { invalidate } = useApiContext()
  const [pending, setPending] = useState(false)
  const run = useCallback(
    async (input: HqInput<K>) => {
      setPending(true)
      try {
        const result = await api.call(name, input)
        invalidate()
        return result
      } finally {
        setPending(false)
      }
    },
    [api, invalidate, name],
  )
  return { run, pending }
}
