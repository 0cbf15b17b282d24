import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

/**
 * `npm run hq` builds the console page when it is missing or older than its sources, as `npm start`
 * does for the app, so a fresh checkout serves a working console instead of "not built yet".
 */

const ROOT = join(__dirname, '..')
/** What the console is built from: its own folder and the renderer and core parts it reuses. */
const SOURCES = [
  'src-hq/console',
  'src-renderer',
  'src-main/core',
  'vite.hq-console.config.ts',
  'package-lock.json',
]

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return path.endsWith('.test.ts') ? 0 : stat.mtimeMs
  let newest = stat.mtimeMs
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)))
  return newest
}

/** Builds `consoleDir` (out/hq-console) unless it is newer than every source; says what it did. */
export function ensureConsoleBuilt(consoleDir: string): string | null {
  const page = join(consoleDir, 'index.html')
  const built = existsSync(page) ? statSync(page).mtimeMs : 0
  if (built > 0 && SOURCES.every((source) => newestMtime(join(ROOT, source)) <= built)) return null
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js')
  const result = spawnSync(
    process.execPath,
    [vite, 'build', '--config', 'vite.hq-console.config.ts', '--logLevel', 'warn'],
    { cwd: ROOT, stdio: 'inherit', env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' } },
  )
  if (result.status !== 0)
    return 'Building the HQ console failed: the API works, the page will say it is not built.'
  return built > 0 ? 'Rebuilt the HQ console (its sources changed).' : 'Built the HQ console page.'
}
