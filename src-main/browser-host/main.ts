import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { defaultDataDir } from '../host/data-dir'
import { parseLaunchOptions } from '../host/cli-options'
import { acquireDataLock } from '../host/data-lock'
import { rememberedPort, rememberPort } from '../host/remembered-port'
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

/**
 * Entry point of the browser host: `node out/main/browser-host.js [--port N] [--data-dir DIR] ...`.
 *
 * It listens first and loads the core after: loading zod, kysely and the features and opening the
 * database is most of the start-up, and meanwhile the browser can already fetch the page and its
 * scripts. Calls that arrive before the database is open and migrated wait for it (server.ts).
 */
export async function runBrowserHost(argv: string[]): Promise<BrowserHost> {
  const options = parseLaunchOptions(argv)
  const dataDir = options.dataDir ?? defaultDataDir()
  // A second app on this folder is refused before anything else happens (a stale lock is taken over).
  const lock = acquireDataLock(dataDir, 'browser host')
  process.once('exit', () => lock.release())
  if (options.restoreBackup) await restoreDamaged(dataDir)
  let listening!: () => void
  const openOnce = async () => {
    const { openCore } = await import('./open-core')
    return openCore({
      dataDir,
      demo: options.demo,
      syncEverySeconds: options.syncEverySeconds,
      address: { origin: `http://127.0.0.1:${host.port}`, secret: host.secret },
      photoWorkerFile: join(__dirname, 'photo-worker.js'),
      replaceData,
    })
  }
  let opened = new Promise<void>((resolve) => (listening = resolve)).then(openOnce)
  // An opened archive is swapped in by closing this core and opening a new one, which finishes the
  // swap before its database opens (core/archive/archive-swap.ts); calls meanwhile wait for it.
  async function replaceData(): Promise<void> {
    const previous = opened
    opened = previous.then(async ({ core }) => {
      await core.close()
      return openOnce()
    })
    host.setRoutes(opened.then(({ routes }) => routes))
    await opened
  }
  let host: BrowserHost
  try {
    const start = (port: number) =>
      startBrowserHost({
        rendererDir: process.env.WORKBENCH_RENDERER_DIR ?? join(__dirname, '..', 'renderer'),
        port,
        routes: opened.then(({ routes }) => routes),
      })
    // Without --port, the port of the last launch on this folder (drafts live in the page's storage);
    // when something else holds it now, any free one.
    const remembered = options.port === 0 ? rememberedPort(dataDir) : 0
    host = await start(remembered || options.port).catch((error: NodeJS.ErrnoException) => {
      if (remembered && error.code === 'EADDRINUSE') return start(0)
      throw error
    })
  } catch (error) {
    lock.release()
    throw error
  }
  console.log(`Sourcing Workbench (browser host) — data in ${dataDir}`)
  console.log(`Open: ${host.url}`)
  const shutdown = async () => {
    await host.close()
    await opened.then(({ core }) => core.close()).catch(() => {})
    process.exit(0)
  }
  process.once('SIGINT', () => void shutdown())
  process.once('SIGTERM', () => void shutdown())
  listening()
  try {
    await opened
  } catch (error) {
    await host.close()
    lock.release()
    throw error
  }
  // Only once the core opened: a refused folder is left exactly as it was.
  if (options.port === 0) rememberPort(dataDir, host.port)
  // Only now: a core that failed to open must not leave the user a tab on a host that is going away.
  if (options.open) openInSystemBrowser(host.url)
  return host
}

/** `--restore-backup`: the newest good backup replaces a damaged database (the start-up check's offer). */
async function restoreDamaged(dataDir: string): Promise<void> {
  const [{ restoreOverDamaged }, { version }] = await Promise.all([
    import('../core/backup/restore-damaged'),
    import('../../package.json'),
  ])
  const restored = await restoreOverDamaged(dataDir, { appVersion: version })
  if (!restored) throw new Error('没有完好的备份可以恢复。No good backup to restore.')
  console.log(`已从备份 ${restored.backup} 恢复；损坏的数据库保留为 ${restored.damagedKeptAs}`)
  console.log(
    `Restored from backup ${restored.backup}; the damaged database is kept as ${restored.damagedKeptAs}`,
  )
}

if (require.main === module) {
  runBrowserHost(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  })
}
