import { execFileSync } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { newestMtime } from '../../src-main/launcher/build-freshness.mjs'

/** Where the bench expects the built app, relative to the repository root. */
export const BROWSER_HOST_ENTRY = join('out', 'main', 'browser-host.js')
const RENDERER_PAGE = join('out', 'renderer', 'index.html')
const SOURCES = ['src-main', 'src-renderer']

/**
 * Builds with electron-vite when out/ is missing or older than the sources, so the bench measures the
 * code in the checkout. Returns a line saying what it did.
 */
export function ensureBuilt(root: string): string {
  const outputs = [BROWSER_HOST_ENTRY, RENDERER_PAGE].map((p) => join(root, p))
  const missing = outputs.some((p) => !existsSync(p))
  const stale =
    !missing &&
    Math.min(...outputs.map((p) => statSync(p).mtimeMs)) <
      Math.max(...SOURCES.map((dir) => newestMtime(join(root, dir))))
  if (!missing && !stale) return 'build: out/ is up to date'
  const why = missing ? 'out/ is missing' : 'out/ is older than the sources'
  try {
    execFileSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'pipe' })
    return `build: ran electron-vite build (${why})`
  } catch (error) {
    // A stale build is still worth measuring; a missing one is not.
    if (missing) throw error
    return `build: electron-vite build failed, measuring the existing out/ (${why})`
  }
}
