import type { FactorySummary } from '@core/factories/factories.contract'
import { useCallback, useLayoutEffect, useMemo, useSyncExternalStore } from 'react'
import { useApiContext } from '../api/api-context'
import { createFactoryPager, PAGE_SIZE, type FactoryQuery } from './factory-pager'

/** The list as loaded so far: the total from the first page, rows page by page. */
export interface FactoryPages {
  /** Count of every match, or undefined until the first page of the first query has arrived. */
  total: number | undefined
  /** The row at an index, or undefined while its page is still loading. */
  rowAt(index: number): FactorySummary | undefined
  /** Asks for the pages holding rows start..end (inclusive). */
  ensureRows(start: number, end: number): void
  /** The error of the latest query's last failed request, if any. */
  error: unknown
}

/**
 * The factory list for a query, a page at a time (see createFactoryPager). Until the new query's first
 * page arrives the previous rows stay on show, so a new search does not flash an empty list.
 */
export function useFactoryPages(query: FactoryQuery): FactoryPages {
  const { client, version } = useApiContext()
  const pager = useMemo(() => createFactoryPager(client), [client])
  const snapshot = useSyncExternalStore(pager.subscribe, pager.getSnapshot)
  const failure = useSyncExternalStore(pager.subscribe, pager.getFailure)
  const queryKey = JSON.stringify(query)
  const key = `${queryKey}\n${version}`

  // Before the browser paints: the request goes out as early as the page knows its query.
  useLayoutEffect(() => {
    pager.show(JSON.parse(queryKey) as FactoryQuery, key)
  }, [pager, key, queryKey])

  const pages = snapshot?.pages
  const rowAt = useCallback(
    (index: number) => pages?.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    [pages],
  )
  // A new identity once new rows are on show, so the list asks again for the rows in its view.
  const shownKey = snapshot?.key
  const ensureRows = useCallback(
    (start: number, end: number) => {
      if (shownKey !== undefined) pager.ensureRows(start, end)
    },
    [pager, shownKey],
  )

  return {
    total: snapshot?.total,
    rowAt,
    ensureRows,
    error: failure?.key === key ? failure.error : undefined,
  }
}
