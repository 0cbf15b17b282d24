/** Where the app is; kept in the URL hash because Electron blocks real navigation. */
export type Route =
  | { area: 'dashboard' }
  | { area: 'factories' }
  | { area: 'factory'; id: string }
  | { area: 'skus' }
  | { area: 'sku'; id: string }
  | { area: 'targets' }
  | { area: 'visits' }
  | { area: 'tour'; id: string }
  | { area: 'visit'; id: string }
  | { area: 'samples' }
  | { area: 'sample'; id: string }
  /** The sample requests; `focus`: one request to show highlighted (a link from Today or search). */
  | { area: 'sampleRequests'; focus?: string }
  | { area: 'labels'; ids: string[] }
  | { area: 'settings' }
  | { area: 'sync' }
  | { area: 'trash' }
  | { area: 'reports' }

/** Parses '#/factories/<id>' and friends; anything unknown lands on the dashboard. */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent)
  const [first, second] = parts
  if (first === 'factories') return second ? { area: 'factory', id: second } : { area: 'factories' }
  if (first === 'skus') return second ? { area: 'sku', id: second } : { area: 'skus' }
  if (first === 'targets') return { area: 'targets' }
  // Tours and visits share one nav area; the search opens #/tours/<id> and #/visits/<id>.
  if (first === 'tours') return second ? { area: 'tour', id: second } : { area: 'visits' }
  if (first === 'visits') return second ? { area: 'visit', id: second } : { area: 'visits' }
  if (first === 'samples') return second ? { area: 'sample', id: second } : { area: 'samples' }
  if (first === 'sampleRequests')
    return second ? { area: 'sampleRequests', focus: second } : { area: 'sampleRequests' }
  if (first === 'labels') return { area: 'labels', ids: (second ?? '').split(',').filter(Boolean) }
  if (first === 'settings') return { area: 'settings' }
  if (first === 'sync') return { area: 'sync' }
  if (first === 'trash') return { area: 'trash' }
  if (first === 'reports') return { area: 'reports' }
  return { area: 'dashboard' }
}

export function routeHash(route: Route): string {
  switch (route.area) {
    case 'dashboard':
      return '#/'
    case 'factory':
      return `#/factories/${encodeURIComponent(route.id)}`
    case 'sku':
      return `#/skus/${encodeURIComponent(route.id)}`
    case 'tour':
      return `#/tours/${encodeURIComponent(route.id)}`
    case 'visit':
      return `#/visits/${encodeURIComponent(route.id)}`
    case 'sample':
      return `#/samples/${encodeURIComponent(route.id)}`
    case 'sampleRequests':
      return route.focus ? `#/sampleRequests/${encodeURIComponent(route.focus)}` : '#/sampleRequests'
    case 'labels':
      return `#/labels/${route.ids.map(encodeURIComponent).join(',')}`
    default:
      return `#/${route.area}`
  }
}

/** An in-page hash change: no page load, so Electron's navigation block does not apply. */
export function navigate(route: Route): void {
  window.location.hash = routeHash(route)
}
