import { homedir } from 'node:os'
import { join } from 'node:path'

/** Folder name under the OS's per-user app-data folder; the same one Electron's userData uses. */
export const APP_FOLDER = 'Sourcing Workbench'

/**
 * The OS's per-user app-data folder for this app, matching Electron's `app.getPath('userData')`, so
 * both hosts open the same database by default.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  switch (platform) {
    case 'win32':
      return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_FOLDER)
    case 'darwin':
      return join(homedir(), 'Library', 'Application Support', APP_FOLDER)
    default:
      return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_FOLDER)
  }
}
