import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ADMIN_TOKEN_FILE } from '../hq'
import type { HqStore } from './test-hq'

const ROOT = join(__dirname, '..', '..')

/** HQ as its own process (`npm run hq`), so a test can kill it the way a power cut or `kill -9` does. */
export interface HqProcess {
  child: ChildProcess
  url: string
  adminToken: string
  /** The code printed on the very first start of this store. */
  firstCode?: string
  /** What it wrote to stderr so far (internal errors land there). */
  stderr(): string
  /** Sends the signal and resolves once the process is gone. */
  stop(signal: 'SIGKILL' | 'SIGTERM'): Promise<void>
}

function exited(child: ChildProcess): Promise<void> {
  // A child killed by a signal keeps exitCode null: its signalCode says it is gone.
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((done) => child.once('exit', () => done()))
}

// An HQ left running when its test process ends would hold its port and data for good.
const running = new Set<ChildProcess>()
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL')
})

/** Starts `src-hq/main.ts` on the store, on a free port, and resolves once it listens. */
export function startHqProcess(store: HqStore): Promise<HqProcess> {
  const args = [
    '--import',
    'tsx',
    join(ROOT, 'src-hq', 'main.ts'),
    '--port',
    '0',
    '--data-dir',
    store.dataDir,
  ]
  if (store.databaseUrl) args.push('--database', store.databaseUrl)
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  running.add(child)
  child.once('exit', () => running.delete(child))
  return new Promise((resolveStart, reject) => {
    let out = ''
    let err = ''
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()))
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const url = /HQ listening on (http:\/\/\S+)/.exec(out)?.[1]
      // The last line of the start-up banner: everything before it is printed.
      if (!url || !out.includes('More codes')) return
      child.stdout!.removeAllListeners('data')
      child.stdout!.resume()
      resolveStart({
        child,
        url,
        adminToken: readFileSync(join(store.dataDir, ADMIN_TOKEN_FILE), 'utf8').trim(),
        firstCode: /First enrolment code: (\S+)/.exec(out)?.[1],
        stderr: () => err,
        stop: (signal) => {
          child.kill(signal)
          return exited(child)
        },
      })
    })
    child.once('exit', (code) => reject(new Error(`HQ exited with ${code} before listening: ${err}`)))
  })
}
