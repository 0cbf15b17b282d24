import { existsSync } from 'node:fs'
import { join } from 'node:path'

/**
 * better-sqlite3 compiled for Electron's ABI lives apart from the Node build in node_modules, so tests
 * (plain Node) and the desktop app (Electron) each load their own. `npm run setup:electron` puts it in
 * node_modules/.cache/sourcing-workbench/electron-abi-<ABI>/; an installed app carries the same folder as
 * resources/native/ (electron-builder.yml extraResources), outside app.asar where the OS can load it.
 */
export function electronNativeBinding(
  appRoot: string,
  abi: string,
  resourcesPath?: string,
): string | undefined {
  const folder = `electron-abi-${abi}`
  const candidates = [
    ...(resourcesPath ? [join(resourcesPath, 'native', folder, 'better_sqlite3.node')] : []),
    join(appRoot, 'node_modules', '.cache', 'sourcing-workbench', folder, 'better_sqlite3.node'),
  ]
  return candidates.find((file) => existsSync(file))
}
