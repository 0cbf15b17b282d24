import type { FactorySortKey, FactoryStatus, FactorySummary } from '@core/factories/factories.contract'
import type { CallInput } from '@core/api/contract'
import type { ApiClient } from '../api/client'

/** Rows per request: a screenful many times over, small enough to arrive in a few milliseconds. */
export const PAGE_SIZE = 200

/** What the list shows: a search, a status filter and an order. */
export interface FactoryQuery {
  /** Substring to find (already trimmed and debounced). */
  search: string
  /** Statuses to keep; empty keeps all. */
  statuses: FactoryStatus[]
  /** Column the list is sorted by. */
  sort: FactorySortKey
  /** Sort direction. */
  direction: 'asc' | 'desc'
}

/** What the list shows when it opens: everything, last changed first. */
export const OPENING_QUERY: FactoryQuery = { search: '', statuses: [], sort: 'updatedAt', direction: 'desc' }

/** The `factories.list` input for one page of `query` (also what the page's first call is planned as). */
export function pageInput(query: FactoryQuery, page: number): CallInput<'factories.list'> {
  const { search, statuses, sort, direction } = query
  return { search, statuses, sort, direction, offset: page * PAGE_SIZE, limit: PAGE_SIZE }
}

/** The rows on show: pages of one query over one version of the data, never mixed with another's. */
export interface PagerSnapshot {
  /** The query and data version these rows answer (see FactoryPager.show). */
  key: string
  /** Count of every match, known from the first page. */
  total: number
  /** Loaded pages by page number. */
  pages: ReadonlyMap<number, readonly FactorySummary[]>
}

/** A request that failed, for the key it was made for. */
export interface PagerFailure {
  /** The key the failed request belonged to. */
  key: string
  /** What the client threw. */
  error: unknown
}

/**
 * Loads the factory list a page at a time: the first page (which carries the total) as soon as a query
 * is shown, the others as rows near them come into view. Replies to anything but the latest query and
 * data version are dropped, so a slow answer to an older search never replaces a newer one.
 */
export interface FactoryPager {
  /** Starts showing `query`; `key` names it together with the data version, and a new key reloads. */
  show(query: FactoryQuery, key: string): void
  /** Asks for the pages holding rows start..end (inclusive), plus half a page of lead either side. */
  ensureRows(start: number, end: number): void
  /** Rows on show, or null before the first page of the first query arrives (stable between changes). */
  getSnapshot(): PagerSnapshot | null
  /** The latest failure, if any (stable between changes). */
  getFailure(): PagerFailure | null
  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void
}

/** The query being loaded now. */
interface Live {
  key: string
  query: FactoryQuery
  requested: Set<number>
  total: number | undefined
}

export function createFactoryPager(client: ApiClient): FactoryPager {
  let live: Live | null = null
  let snapshot: PagerSnapshot | null = null
  let failure: PagerFailure | null = null
  const listeners = new Set<() => void>()
  const changed = () => listeners.forEach((listener) => listener())

  function request(page: number): void {
    const target = live
    if (!target || target.requested.has(page)) return
    if (target.total !== undefined && page * PAGE_SIZE >= target.total) return
    target.requested.add(page)
    client.call('factories.list', pageInput(target.query, page)).then(
      (result) => {
        if (live !== target) return
        // The count moved under the same query: the data changed, so start over from this page.
        const moved = target.total !== undefined && target.total !== result.total
        if (moved) target.requested = new Set([page])
        target.total = result.total
        const keep = !moved && snapshot?.key === target.key
        const pages = new Map(keep ? snapshot?.pages : [])
        pages.set(page, result.items)
        snapshot = { key: target.key, total: result.total, pages }
        changed()
      },
      (error: unknown) => {
        if (live !== target) return
        // Not retried for this key (that could loop); a new query or new data asks again.
        failure = { key: target.key, error }
        changed()
      },
    )
  }

  return {
    show(query, key) {
      if (live?.key === key) return
      live = { key, query, requested: new Set(), total: undefined }
      request(0)
    },
    ensureRows(start, end) {
      // While an older query's rows are on show, their positions say nothing about the new one.
      if (!live || snapshot?.key !== live.key) return
      const first = Math.max(0, Math.floor((start - PAGE_SIZE / 2) / PAGE_SIZE))
      const last = Math.floor((end + PAGE_SIZE / 2) / PAGE_SIZE)
      for (let page = first; page <= last; page++) request(page)
    },
    getSnapshot: () => snapshot,
    getFailure: () => failure,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
