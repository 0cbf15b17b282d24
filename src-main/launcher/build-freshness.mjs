// Decides whether out/ must be rebuilt: only when a source file is newer than the last build, so the
// second and later `npm start` skip straight to launching.
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const SOURCES = [
  'src-main',
  'src-renderer',
  'resources',
  'electron.vite.config.ts',
  'package.json',
  'package-lock.json',
]
export const STAMP = join('out', '.build-stamp')

/** Newest modification time under `path` (0 when missing); test files do not count as sources. */
export function newestMtime(path) {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return path.endsWith('.test.ts') ? 0 : stat.mtimeMs
  let newest = stat.mtimeMs
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)))
  return newest
}

export function buildIsFresh(root) {
  const stamp = join(root, STAMP)
  if (!existsSync(stamp)) return false
  const built = statSync(stamp).mtimeMs
  return SOURCES.every((source) => newestMtime(join(root, source)) <= built)
}

export function markBuilt(root) {
  writeFileSync(join(root, STAMP), new Date().toISOString() + '\n')
}
