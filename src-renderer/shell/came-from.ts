/**
 * The pages of this window as a stack, so a detail page's "back" goes where the buyer came from (a tour,
 * the list, a search result's page) rather than to a fixed list. A hash that equals the entry below the
 * top is a step back and pops; any other new hash pushes.
 */

/** Enough for any walk through the app; the oldest pages drop off. */
const MAX_PAGES = 50
const pages: string[] = []

function record(hash: string): void {
  if (pages.at(-1) === hash) return
  if (pages.at(-2) === hash) {
    pages.pop()
    return
  }
  pages.push(hash)
  if (pages.length > MAX_PAGES) pages.shift()
}

/**
 * Starts following the hash. Called first thing at start-up, so this listener runs before the router's
 * and a page rendered for a new hash already sees where it came from.
 */
export function trackPages(target: Window): void {
  record(target.location.hash)
  target.addEventListener('hashchange', () => record(target.location.hash))
}

/** The hash of the page before the current one, or null on the first page of the window. */
export function cameFrom(): string | null {
  return pages.at(-2) ?? null
}
