import { useSyncExternalStore } from 'react'
import { subscribeToRoute } from '../forms/leave-guard'
import { parseRoute, type Route } from './route'

const currentHash = () => window.location.hash

/** The current route, re-rendering on every hash change that no form with unsaved changes held back. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribeToRoute, currentHash)
  return parseRoute(hash)
}
