import { useCallback, useMemo, useState, type ReactNode } from 'react'
import { ApiContext } from './api-context'
import type { ApiClient } from './client'

/** Provides the API client to the app; no global state library, one counter for staleness. */
export function ApiProvider({ client, children }: { client: ApiClient; children: ReactNode }) {
  const [version, setVersion] = useState(0)
  const invalidate = useCallback(() => setVersion((v) => v + 1), [])
  const value = useMemo(() => ({ client, version, invalidate }), [client, version, invalidate])
  return <ApiContext.Provider value={value}>{children}</ApiContext.Provider>
}
