// Finds the Electron binary and the Electron build of better-sqlite3 by their files alone.
// Never `require('electron')` here: for electron >= 42 that starts a download, which fails offline.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** @param {string} root the app's folder (where node_modules is) */
export function electronPackageDir(root) {
  return join(root, 'node_modules', 'electron')
}

/** Path of the Electron executable, or null with the reason it is missing. */
export function findElectronBinary(root) {
  const dir = electronPackageDir(root)
  if (!existsSync(join(dir, 'package.json')))
    return { path: null, reason: 'the electron package is not installed' }
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH
  const pathFile = join(dir, 'path.txt')
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null
  if (override) {
    const candidate = join(override, relative ?? 'electron')
    return existsSync(candidate)
      ? { path: candidate, reason: null }
      : { path: null, reason: `${candidate} does not exist` }
  }
  if (!relative)
    return {
      path: null,
      reason: 'the Electron binary was never downloaded (node_modules/electron/path.txt is missing)',
    }
  const candidate = join(dir, 'dist', relative)
  return existsSync(candidate)
    ? { path: candidate, reason: null }
    : { path: null, reason: `${candidate} does not exist` }
}

/** Electron's Node ABI (NODE_MODULE_VERSION), shipped in the package without the binary. */
export function electronAbi(root) {
  const file = join(electronPackageDir(root), 'abi_version')
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : null
}

export function electronVersion(root) {
  return JSON.parse(readFileSync(join(electronPackageDir(root), 'package.json'), 'utf8')).version
}

/** Where the Electron build of better-sqlite3 lives (kept apart from the Node build in node_modules). */
export function electronNativeBindingPath(root, abi) {
  return join(
    root,
    'node_modules',
    '.cache',
    'sourcing-workbench',
    `electron-abi-${abi}`,
    'better_sqlite3.node',
  )
}
