import { spawn, type ChildProcess } from 'node:child_process'
import { performance } from 'node:perf_hooks'

/** A started server process and when it said it was listening. */
export interface StartedServer {
  child: ChildProcess
  /** The URL from its `Open:` line. */
  url: string
  /** performance.now() just before spawn. */
  spawnedAt: number
  /** Milliseconds from spawn to the `Open:` line. */
  listeningMs: number
}

const running = new Set<ChildProcess>()

/** Kills whatever this bench started if it stops early (error or Ctrl-C). */
export function killAllOnExit(): void {
  const killAll = () => {
    for (const child of running) child.kill('SIGKILL')
  }
  process.once('exit', killAll)
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      killAll()
      process.exit(130)
    })
}

/** Spawns `node args…` and resolves when it prints `Open: URL`; rejects on exit or timeout. */
export function startServer(args: string[], timeoutMs = 30_000): Promise<StartedServer> {
  const spawnedAt = performance.now()
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CI: '1' },
  })
  running.add(child)
  child.once('exit', () => running.delete(child))
  return new Promise((resolve, reject) => {
    let output = ''
    let settled = false
    const settle = () => {
      settled = true
      clearTimeout(timer)
    }
    const fail = (why: string) => {
      if (settled) return
      settle()
      child.kill('SIGKILL')
      reject(new Error(`${why}: node ${args.join(' ')}\n${output}`))
    }
    const timer = setTimeout(() => fail('no Open: line in time'), timeoutMs)
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /^Open: (\S+)$/m.exec(output)
      if (match?.[1] && !settled) {
        settle()
        resolve({ child, url: match[1], spawnedAt, listeningMs: performance.now() - spawnedAt })
      }
    })
    child.once('exit', (code) => fail(`exited with ${code}`))
  })
}

/** Stops a server and waits until the process is gone. */
export async function stopServer(server: StartedServer): Promise<void> {
  const { child } = server
  if (child.exitCode !== null || child.signalCode !== null) return
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
  await gone
  clearTimeout(timer)
}
