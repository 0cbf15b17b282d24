// `npm start`: the desktop app where Electron is installed, the browser host otherwise (or with --browser).
// Builds once when the sources changed, and says so.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildIsFresh, markBuilt } from './build-freshness.mjs'
import { electronAbi, electronNativeBindingPath, findElectronBinary } from './electron-binary.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const args = process.argv.slice(2)

function ensureBuilt() {
  if (buildIsFresh(root)) return
  console.log('Building the app (once, after install or a source change; a few seconds)…')
  const started = Date.now()
  const cli = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js')
  const result = spawnSync(process.execPath, [cli, 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  })
  if (result.status !== 0) {
    console.error('Build failed.')
    process.exit(result.status ?? 1)
  }
  markBuilt(root)
  console.log(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s.`)
}

/** Why the desktop app cannot start here, or null when it can. */
function desktopUnavailableReason() {
  const binary = findElectronBinary(root)
  if (!binary.path) return binary.reason
  const abi = electronAbi(root)
  if (!abi || !existsSync(electronNativeBindingPath(root, abi))) {
    return "better-sqlite3 has not been built for Electron's ABI (run `npm run setup:electron` online)"
  }
  return null
}

function startDesktop(electronPath) {
  const child = spawn(electronPath, [root, ...args], { stdio: 'inherit' })
  child.on('exit', (code) => process.exit(code ?? 0))
}

async function startBrowserHost() {
  const require = createRequire(import.meta.url)
  const { runBrowserHost } = require(join(root, 'out', 'main', 'browser-host.js'))
  await runBrowserHost(args.filter((a) => a !== '--browser'))
}

ensureBuilt()
const wantsBrowser = args.includes('--browser')
const reason = wantsBrowser ? null : desktopUnavailableReason()
if (!wantsBrowser && reason === null) {
  startDesktop(findElectronBinary(root).path)
} else {
  if (reason) console.log(`Desktop app unavailable: ${reason}. Starting the browser host.`)
  startBrowserHost().catch((error) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  })
}
