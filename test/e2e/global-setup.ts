import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startBrowserHost } from './browser-host'

/**
 * Starts the built browser host on a fresh data directory (with demo data) and hands its URL, with the
 * secret, to the tests through WORKBENCH_URL. Returns the teardown.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'workbench-e2e-'))
  const { url, child } = await startBrowserHost(dataDir)
  process.env.WORKBENCH_URL = url
  process.env.WORKBENCH_DATA_DIR = dataDir
  return async () => {
    child.kill('SIGTERM')
  }
}
