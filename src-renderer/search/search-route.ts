import type { SearchKind } from '@core/search/search.contract'

/** Where a search result opens: each kind's detail page. */
const AREA: Record<SearchKind, string> = {
  factory: 'factories',
  sku: 'skus',
  sample: 'samples',
  visit: 'visits',
  tour: 'tours',
}

/** The hash route of one record's page, e.g. #/factories/<id>. */
export function resultHash(kind: SearchKind, id: string): string {
  return `#/${AREA[kind]}/${encodeURIComponent(id)}`
}

/** The page of a record named by its table (sync's lists name tables), or null for a table without one. */
export function tableRecordHash(table: string, id: string): string | null {
  // Sample requests have no page of their own: their list opens with the request highlighted.
  if (table === 'sample_requests') return `#/sampleRequests/${encodeURIComponent(id)}`
  return Object.values(AREA).includes(table) ? `#/${table}/${encodeURIComponent(id)}` : null
}
