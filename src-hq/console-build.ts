import { spawnSync } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { newestMtime } from '../src-main/launcher/build-freshness.mjs'
import { DEFAULT_CONSOLE_DIR } from './hq'

/**
 * `npm run hq` runs this first: it builds the console page when it is missing or older than its
 * sources, as `npm start` does for the app, so a fresh checkout serves a working console instead of
 * "not built yet". Only that human entry point builds; tests start src-hq/main.ts directly.
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

/** Builds `consoleDir` (out/hq-console) unless it is newer than every source; says what it did. */
function ensureConsoleBuilt(consoleDir: string): string | null {
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

const built = ensureConsoleBuilt(DEFAULT_CONSOLE_DIR)
if (built) console.log(built)
