import type { SearchResults } from '@core/search/search.contract'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useApiContext } from '../api/api-context'

/** The latest answer and the text it answers, so Enter never acts on results of older text. */
export interface SearchState {
  /** The text `results` belong to. */
  text: string
  /** The core's answer for `text`; null before the first answer. */
  results: SearchResults | null
  /** Set when the last call failed (shown instead of results). */
  error: string | null
}

const EMPTY: SearchResults = { results: [], exactCode: false }

/**
 * Runs search.query as the text changes (no debounce: a query takes a few ms; replies to older text are
 * dropped), and `resolve` answers a given text right away, for Enter typed before the reply arrived.
 */
export function useSearch(text: string): SearchState & { resolve(text: string): Promise<SearchResults> } {
  const { client } = useApiContext()
  const [state, setState] = useState<SearchState>({ text: '', results: null, error: null })
  const latest = useRef(0)
  const query = useCallback(
    (value: string) =>
      value.trim() === '' ? Promise.resolve(EMPTY) : client.call('search.query', { text: value }),
    [client],
  )
  useEffect(() => {
    const ticket = ++latest.current
    query(text).then(
      (results) => {
        if (ticket === latest.current) setState({ text, results, error: null })
      },
      (error: unknown) => {
        if (ticket === latest.current) setState({ text, results: null, error: String(error) })
      },
    )
  }, [text, query])
  const resolve = useCallback(
    (value: string) =>
      state.text === value && state.results ? Promise.resolve(state.results) : query(value),
    [state, query],
  )
  return { ...state, resolve }
}
