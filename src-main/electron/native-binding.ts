import { existsSync } from 'node:fs'
import { join } from 'node:path'

/**
 * better-sqlite3 compiled for Electron's ABI lives apart from the Node build in node_modules, so tests
 * (plain Node) and the desktop app (Electron) each load their own. The postinstall step puts it here.
 */
export function electronNativeBinding(appRoot: string, abi: string): string | undefined {
  const file = join(
    appRoot,
    'node_modules',
    '.cache',
    'sourcing-workbench',
    `electron-abi-${abi}`,
    'better_sqlite3.node',
  )
  return existsSync(file) ? file : undefined
}
