import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startBrowserHostProcess } from './browser-host-process'

/**
 * Starts the built browser host on a fresh data directory (with demo data) and hands its URL, with the
 * secret, to the tests through WORKBENCH_URL. Returns the teardown.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'workbench-e2e-'))
  const host = await startBrowserHostProcess(['--data-dir', dataDir])
  process.env.WORKBENCH_URL = host.url
  process.env.WORKBENCH_DATA_DIR = dataDir
  return async () => {
    host.stop()
  }
}
