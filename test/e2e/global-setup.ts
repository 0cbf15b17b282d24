import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startBrowserHost } from './support/processes'

/**
 * Starts the built browser host on a fresh data directory (with demo data) and hands its URL, with the
 * secret, to the tests through WORKBENCH_URL. Returns the teardown.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'workbench-e2e-'))
  const host = await startBrowserHost(dataDir)
  // The host's own log goes where it did before: the test run's stderr.
  host.child.stderr!.pipe(process.stderr)
  process.env.WORKBENCH_URL = host.url
  process.env.WORKBENCH_DATA_DIR = dataDir
  return async () => {
    host.child.kill('SIGTERM')
  }
}
