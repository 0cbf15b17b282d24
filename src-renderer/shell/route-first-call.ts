import type { PlannedCall } from '../api/first-call'
import { OPENING_QUERY, pageInput } from '../factories/factory-pager'
import type { Route } from './route'

/**
 * The call a route's page makes as soon as it shows, known from the URL alone, so it can start before
 * the app's code has run (see withFirstCall). Null where the first screen needs no single call.
 */
export function firstCallOf(route: Route): PlannedCall | null {
  switch (route.area) {
    case 'factories':
      return { name: 'factories.list', input: pageInput(OPENING_QUERY, 0) }
    case 'factory':
      return { name: 'factories.get', input: { id: route.id } }
    default:
      return null
  }
}
