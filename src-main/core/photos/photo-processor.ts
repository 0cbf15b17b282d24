import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { PhotoJob, PhotoJobReply, StoredPhoto } from './photo-worker-protocol'

/**
 * The main thread's handle on the photo worker: one long-lived worker thread, started on first use,
 * restarted if it dies, ended by `close`. Jobs queue in the worker's event loop.
 */
export interface PhotoProcessor {
  /** Hashes, checks and stores one upload under `root`; rejects with PhotoRejected for non-images. */
  store(bytes: Uint8Array, root: string): Promise<StoredPhoto>
  /** Ends the worker (pending jobs fail). */
  close(): Promise<void>
}

/** The upload is not an image the workbench can read (whatever its name said). */
export class PhotoRejected extends Error {
  override readonly name = 'PhotoRejected'
}

/** The upload is an image, but of more than MAX_PHOTO_PIXELS. */
export class PhotoTooManyPixels extends Error {
  override readonly name = 'PhotoTooManyPixels'
}

/**
 * `workerFile` is the built worker script (out/main/photo-worker.js) that the hosts pass. Without it —
 * tests and the bench run the TypeScript sources — the worker loads photo-worker.ts through tsx's
 * require hook, which a worker thread does not inherit from its parent.
 */
export function createPhotoProcessor(workerFile?: string): PhotoProcessor {
  let worker: Worker | null = null
  let nextId = 1
  const pending = new Map<number, { resolve: (photo: StoredPhoto) => void; reject: (e: Error) => void }>()

  const failAll = (error: Error) => {
    for (const job of pending.values()) job.reject(error)
    pending.clear()
  }

  const start = (): Worker => {
    const started = workerFile ? new Worker(workerFile) : sourceWorker()
    started.on('message', (reply: PhotoJobReply) => {
      const job = pending.get(reply.id)
      if (!job) return
      pending.delete(reply.id)
      if (reply.ok) job.resolve(reply.photo)
      else if (reply.reason === 'notImage') job.reject(new PhotoRejected(reply.message))
      else if (reply.reason === 'tooLarge') job.reject(new PhotoTooManyPixels(reply.message))
      else job.reject(new Error(`photo worker: ${reply.message}`))
    })
    started.on('error', (error) => failAll(error))
    started.on('exit', (code) => {
      if (worker === started) worker = null
      failAll(new Error(`photo worker exited with code ${code}`))
    })
    // An idle worker must not keep a test or a closing host alive.
    started.unref()
    return started
  }

  return {
    store(bytes, root) {
      worker ??= start()
      const id = nextId++
      const running = worker
      return new Promise<StoredPhoto>((resolve, reject) => {
        pending.set(id, { resolve, reject })
        running.ref()
        const job: PhotoJob = { id, bytes, root }
        running.postMessage(job)
      }).finally(() => {
        if (pending.size === 0) running.unref()
      })
    },
    async close() {
      const running = worker
      worker = null
      if (running) await running.terminate()
    },
  }
}

function sourceWorker(): Worker {
  const require = createRequire(import.meta.url)
  const source = fileURLToPath(new URL('./photo-worker.ts', import.meta.url))
  const boot = `require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(source)})`
  return new Worker(boot, { eval: true })
}
