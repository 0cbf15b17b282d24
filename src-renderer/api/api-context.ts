import { createContext, useContext } from 'react'
import type { ApiClient } from './client'

/** The API client and a version number that goes up after every successful change. */
export interface ApiContextValue {
  /** The typed client. */
  client: ApiClient
  /** Bumped by invalidate(); loaded data that depends on it reloads. */
  version: number
  /** Marks every loaded result stale (after a create, edit or delete). */
  invalidate(): void
}

export const ApiContext = createContext<ApiContextValue | null>(null)

export function useApiContext(): ApiContextValue {
  const value = useContext(ApiContext)
  if (!value) throw new Error('useApiContext outside <ApiProvider>')
  return value
}
