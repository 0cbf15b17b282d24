// Makes the desktop app runnable: downloads Electron's binary and builds better-sqlite3 for Electron's
// ABI next to (not over) the Node build that tests use. Needs the internet; offline it says so and the
// browser host is used instead.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, copyFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import {
  electronAbi,
  electronNativeBindingPath,
  electronPackageDir,
  electronVersion,
  findElectronBinary,
} from './electron-binary.mjs'

const TIMEOUT_MS = 10 * 60 * 1000

function run(command, args, cwd, quiet = false) {
  const result = spawnSync(command, args, {
    cwd,
    stdio: quiet ? 'pipe' : 'inherit',
    timeout: TIMEOUT_MS,
    env: process.env,
  })
  if (quiet && result.status !== 0) {
    const firstLine =
      String(result.stderr ?? '')
        .split('\n')
        .find((line) => line.trim()) ?? `exit ${result.status}`
    console.log(`[setup] ${firstLine.trim()}`)
  }
  return result.status === 0
}

function nodeGypScript() {
  const candidates = [
    process.env.npm_config_node_gyp,
    join(
      dirname(process.execPath),
      '..',
      'lib',
      'node_modules',
      'npm',
      'node_modules',
      'node-gyp',
      'bin',
      'node-gyp.js',
    ),
  ]
  return candidates.find((p) => p && existsSync(p)) ?? null
}

/** Builds better-sqlite3 for Electron in a scratch copy, then keeps only the .node file. */
function buildNativeBinding(root, version, abi) {
  const target = electronNativeBindingPath(root, abi)
  if (existsSync(target)) return true
  const scratch = mkdtempSync(join(tmpdir(), 'workbench-electron-sqlite-'))
  try {
    const pkg = join(scratch, 'better-sqlite3')
    cpSync(join(root, 'node_modules', 'better-sqlite3'), pkg, { recursive: true })
    rmSync(join(pkg, 'build'), { recursive: true, force: true })
    const prebuild = join(root, 'node_modules', 'prebuild-install', 'bin.js')
    const fetched =
      existsSync(prebuild) &&
      run(
        process.execPath,
        [
          prebuild,
          '--runtime=electron',
          `--target=${version}`,
          `--arch=${process.arch}`,
          `--platform=${process.platform}`,
        ],
        pkg,
      )
    if (!fetched) {
      const gyp = nodeGypScript()
      if (!gyp) return false
      const built = run(
        process.execPath,
        [
          gyp,
          'rebuild',
          '--release',
          `--target=${version}`,
          '--runtime=electron',
          '--dist-url=https://electronjs.org/headers',
        ],
        pkg,
      )
      if (!built) return false
    }
    const binary = join(pkg, 'build', 'Release', 'better_sqlite3.node')
    if (!existsSync(binary)) return false
    mkdirSync(dirname(target), { recursive: true })
    copyFileSync(binary, target)
    return true
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}

/** @returns {{ ok: boolean, message: string }} */
export function setUpElectron(root) {
  if (!existsSync(electronPackageDir(root))) return { ok: false, message: 'electron is not installed' }
  if (!findElectronBinary(root).path) {
    const installed = run(process.execPath, [join(electronPackageDir(root), 'install.js')], root, true)
    if (!installed || !findElectronBinary(root).path) {
      return { ok: false, message: 'could not download the Electron binary (offline?)' }
    }
  }
  const abi = electronAbi(root)
  if (!abi || !buildNativeBinding(root, electronVersion(root), abi)) {
    return {
      ok: false,
      message:
        "could not build better-sqlite3 for Electron's ABI (needs Electron's headers from the internet)",
    }
  }
  return {
    ok: true,
    message: `Electron ${electronVersion(root)} ready (better-sqlite3 built for ABI ${abi})`,
  }
}
