import { useEffect, useState } from 'react'

/** The console's screens, in navigation order. */
export const CONSOLE_PAGES = [
  'codes',
  'devices',
  'skus',
  'benchmarks',
  'demand',
  'categories',
  'updates',
] as const
export type ConsolePage = (typeof CONSOLE_PAGES)[number]

/** Where the console is: a screen, and for benchmarks the SKU they are shown for. */
export interface ConsoleRoute {
  page: ConsolePage
  /** The SKU whose benchmarks are shown (#/benchmarks/<id>). */
  skuId: string | null
}

export function parseConsoleHash(hash: string): ConsoleRoute {
  const [page, skuId] = hash.replace(/^#\/?/, '').split('/')
  const known = CONSOLE_PAGES.find((p) => p === page)
  return { page: known ?? 'codes', skuId: known === 'benchmarks' && skuId ? skuId : null }
}

export function consoleHref(page: ConsolePage, skuId?: string): string {
  return skuId ? `#/${page}/${skuId}` : `#/${page}`
}

/** The route in the address bar; back and forward work, and a reload stays on the screen. */
export function useConsoleRoute(): ConsoleRoute {
  const [hash, setHash] = useState(window.location.hash)
  useEffect(() => {
    const changed = () => setHash(window.location.hash)
    window.addEventListener('hashchange', changed)
    return () => window.removeEventListener('hashchange', changed)
  }, [])
  return parseConsoleHash(hash)
}
