import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import { asarUnpacked } from '../system/asar-unpacked'

/** How often the worker copies committed WAL frames into the database file. */
const EVERY_MS = 250
/** How long after opening the worker starts. */
const START_AFTER_MS = 1_000

/**
 * SQLite's own checkpoint, the safety net for when the worker is slow or gone: 4,000 pages (16 MB)
 * rather than the default 1,000, so with the worker running it rarely falls on a write.
 */
export const INLINE_CHECKPOINT_PAGES = 4_000
const DEFAULT_CHECKPOINT_PAGES = 1_000

// The worker's whole program: its own connection to the file, a PASSIVE checkpoint on a timer (it never
// waits for or blocks the writer), then a last one when told to stop. Kept inline so the same code runs
// from the built app, Electron and the TypeScript sources in tests.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.module)
const db = new Database(workerData.file, workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {})
const checkpoint = () => db.pragma('wal_checkpoint(PASSIVE)')
const timer = setInterval(checkpoint, workerData.everyMs)
parentPort.on('message', () => {
  clearInterval(timer)
  checkpoint()
  db.close()
  parentPort.close()
})
`

/** The database file the worker opens, and how the connection's own threshold is set. */
interface WorkerOptions {
  file: string
  nativeBinding?: string
  setInlinePages: (pages: number) => void
}

export interface WalCheckpointer {
  /** Stops the worker after a last checkpoint. */
  close(): Promise<void>
}

/**
 * Checkpoints the WAL of `file` on a worker thread. By default SQLite checkpoints inline: the commit
 * that takes the WAL past 1,000 pages also copies them into the database and fsyncs it, which made
 * one save in a few hundred take tens of milliseconds. Durability is unchanged (synchronous stays as
 * set, a checkpoint still fsyncs), only where the work happens. `setInlinePages` is how the connection's
 * own threshold is raised while the worker runs and restored if it dies. The worker starts after
 * `startAfterMs` (a thread costs ~30 ms to start; a database opened and closed sooner, as in tests,
 * never pays it, and until then SQLite's own checkpoint is in place).
 */
export function startWalCheckpointer(options: WorkerOptions & { startAfterMs?: number }): WalCheckpointer {
  let stopping: (() => Promise<void>) | null = null
  let closed = false
  const start = () => {
    if (!closed) stopping = spawnCheckpointer(options)
  }
  const delay = setTimeout(start, options.startAfterMs ?? START_AFTER_MS)
  delay.unref()
  return {
    async close() {
      closed = true
      clearTimeout(delay)
      await stopping?.()
    },
  }
}

/** The worker itself; answers how to stop it. */
function spawnCheckpointer(options: WorkerOptions): () => Promise<void> {
  const require = createRequire(import.meta.url)
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      // Packaged, the worker requires better-sqlite3 from app.asar.unpacked (electron-builder.yml).
      module: asarUnpacked(require.resolve('better-sqlite3')),
      file: options.file,
      nativeBinding: options.nativeBinding,
      everyMs: EVERY_MS,
    },
  })
  // The checkpoints are housekeeping: they must not keep a test or a closing host alive.
  worker.unref()
  options.setInlinePages(INLINE_CHECKPOINT_PAGES)
  let running = true
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()))
  void exited.then(() => {
    if (running) options.setInlinePages(DEFAULT_CHECKPOINT_PAGES)
    running = false
  })
  // An error ends the worker; the exit handler above puts the inline checkpoint back.
  worker.on('error', () => {})
  return async () => {
    if (!running) return
    running = false
    // Held again while it stops: otherwise a process with nothing else to do would exit right here,
    // before the main connection is closed.
    worker.ref()
    worker.postMessage('stop')
    await exited
  }
}
