const STORAGE_KEY = 'workbench.secret'

/**
 * The browser host prints its URL with the per-launch secret in the fragment (#secret=…), which is never
 * sent to the server. Take it on first load, keep it for this tab (so reload works) and strip it from the
 * address bar so it is not left in history or on screen.
 */
export function takeSecret(win: Window): string | null {
  const params = new URLSearchParams(win.location.hash.replace(/^#/, ''))
  const fromUrl = params.get('secret')
  if (fromUrl) {
    win.sessionStorage.setItem(STORAGE_KEY, fromUrl)
    const { pathname, search } = win.location
    win.history.replaceState(win.history.state, '', `${pathname}${search}#/`)
    return fromUrl
  }
  return win.sessionStorage.getItem(STORAGE_KEY)
}
