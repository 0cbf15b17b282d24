import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { version } from '../../package.json'
import { createCore } from '../core/app'
import { plainTokenVault } from '../core/sync/token-vault'
import { importRoutes } from '../core/imports/imports.api'
import { photoRoutes } from '../core/photos/photos.api'
import { defaultDataDir } from '../host/data-dir'
import { parseLaunchOptions } from '../host/cli-options'
import { createChromiumPrinter, findChromium } from '../host/pdf-chromium'
import { createExportJobs } from '../host/pdf-jobs'
import { printSizePhoto } from '../host/pdf-photos'
import { startBrowserHost, type BrowserHost } from './server'

/** Opens the URL in the system browser; failures only mean the user opens it by hand. */
function openInSystemBrowser(url: string): void {
  const command =
    process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open'
  try {
    spawn(command, [url], { detached: true, stdio: 'ignore' })
      .on('error', () => {})
      .unref()
  } catch {
    // The URL is printed; nothing else to do.
  }
}

/** Entry point of the browser host: `node out/main/browser-host.js [--port N] [--data-dir DIR] ...`. */
export async function runBrowserHost(argv: string[]): Promise<BrowserHost> {
  const options = parseLaunchOptions(argv)
  const dataDir = options.dataDir ?? defaultDataDir()
  const onInternalError = (error: unknown, call: string) => console.error(`[api] ${call} failed:`, error)
  const core = await createCore({
    dataDir,
    host: 'browser',
    version,
    demo: options.demo,
    dispatcher: { onInternalError },
    photoWorkerFile: join(__dirname, 'photo-worker.js'),
    // No keychain is reachable from plain Node: the device token stays as text in the data directory.
    tokenVault: plainTokenVault,
    autoSyncEveryMs: options.syncEverySeconds * 1000,
  })
  // The printer loads this host's own print pages, so it needs the address and secret once listening.
  let origin = ''
  let secret = ''
  const photos = photoRoutes(core.context, onInternalError)
  const jobs = createExportJobs(() =>
    createChromiumPrinter({ origin, secret, printPhoto: (sha256) => printSizePhoto(photos, sha256) }),
  )
  const host = await startBrowserHost({
    dispatch: core.dispatch,
    rendererDir: process.env.WORKBENCH_RENDERER_DIR ?? join(__dirname, '..', 'renderer'),
    port: options.port,
    photos,
    imports: importRoutes(core.context, onInternalError),
    pdf: {
      dispatch: core.dispatch,
      jobs,
      exportDir: join(dataDir, 'exports'),
      canPrint: () => findChromium() !== undefined,
    },
  })
  origin = `http://127.0.0.1:${host.port}`
  secret = host.secret
  console.log(`Sourcing Workbench (browser host) — data in ${dataDir}`)
  console.log(`Open: ${host.url}`)
  if (options.open) openInSystemBrowser(host.url)
  const shutdown = async () => {
    await host.close()
    await core.close()
    process.exit(0)
  }
  process.once('SIGINT', () => void shutdown())
  process.once('SIGTERM', () => void shutdown())
  return host
}

if (require.main === module) {
  runBrowserHost(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  })
}
