// `npm run dist`: installers of the desktop app for this machine's OS (or the targets given after `--`,
// e.g. `npm run dist -- --win nsis`), into dist/. Needs the internet the first time: Electron's binary
// and better-sqlite3 for Electron's ABI (`npm run setup:electron`), and electron-builder's own tools.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { electronAbi, electronNativeBindingPath } from './electron-binary.mjs'
import { setUpElectron } from './electron-setup.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

if (!existsSync(join(root, 'out', 'main', 'electron.js'))) {
  console.error('[dist] out/ is not built: run `npm run build` first (npm run dist does).')
  process.exit(1)
}
const setup = setUpElectron(root)
const abi = electronAbi(root)
if (!setup.ok || !abi || !existsSync(electronNativeBindingPath(root, abi))) {
  console.error(`[dist] cannot package the desktop app: ${setup.message}`)
  process.exit(1)
}
console.log(`[dist] ${setup.message}`)
const cli = join(root, 'node_modules', 'electron-builder', 'cli.js')
const result = spawnSync(
  process.execPath,
  [cli, '--config', 'electron-builder.yml', '--publish', 'never', ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit' },
)
process.exit(result.status ?? 1)
