/**
 * Stops in-app navigation (a hash change: a link, the nav bar, search, Back) while a form with unsaved
 * changes is open, so leaving the page never drops what the buyer typed. The route follows the hash
 * only through this guard: a blocked change puts the old hash back before any page re-renders, and the
 * form asks; "discard" then goes on to where the buyer was going.
 */

/** Asks the buyer about leaving; returns false when nothing needs asking (the form has no changes). */
export type LeaveBlocker = (proceed: () => void) => boolean

const blockers = new Set<LeaveBlocker>()
const routeListeners = new Set<() => void>()
/** A hash the buyer already agreed to go to: its change passes without asking again. */
let agreedHash: string | null = null

function hashOf(url: string): string {
  const at = url.indexOf('#')
  return at < 0 ? '' : url.slice(at)
}

function onHashChange(event: HashChangeEvent): void {
  const target = hashOf(event.newURL)
  const agreed = agreedHash === target
  agreedHash = null
  if (!agreed) {
    const proceed = () => {
      agreedHash = target
      window.location.hash = target
    }
    for (const blocker of blockers) {
      if (blocker(proceed)) {
        // Back to where the form is, without a new history entry and without a hashchange of its own.
        window.history.replaceState(window.history.state, '', event.oldURL)
        return
      }
    }
  }
  for (const listener of routeListeners) listener()
}

/** While registered, `blocker` is asked before every hash change; returns the unregister. */
export function blockLeaving(blocker: LeaveBlocker): () => void {
  blockers.add(blocker)
  return () => {
    blockers.delete(blocker)
  }
}

/** Subscribes to the hash changes the guard let through (useRoute's store subscription). */
export function subscribeToRoute(onChange: () => void): () => void {
  if (routeListeners.size === 0) window.addEventListener('hashchange', onHashChange)
  routeListeners.add(onChange)
  return () => {
    routeListeners.delete(onChange)
    if (routeListeners.size === 0) window.removeEventListener('hashchange', onHashChange)
  }
}
