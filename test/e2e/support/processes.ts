import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { promisify } from 'node:util'

/**
 * The real programs end-to-end tests drive: the built browser host (a laptop) and `npm run hq` (HQ),
 * each a child process on its own data directory, started and read the way a person would.
 */

export interface Running {
  child: ChildProcess
  /** Everything the program printed so far. */
  output(): string
  /** Started under faketime, which runs the program as its child: stopped as a process group. */
  group?: boolean
}

/** Why a skewed clock cannot be run here (Debian's `faketime` missing), or null when it can. */
export function faketimeMissing(): string | null {
  try {
    execFileSync('faketime', ['-f', '+0', 'true'], { stdio: 'ignore' })
    return null
  } catch {
    return 'Debian’s faketime is not installed (apt-get install faketime; .ci/run does)'
  }
}

/** Spawns a program and waits for a line of its output to match `ready`. */
function spawnUntil(
  args: string[],
  ready: RegExp,
  what: string,
  faketime?: string,
): Promise<{ running: Running; match: RegExpExecArray }> {
  // Under faketime ('-1d', '+8h') only the wall clock is off, as on a laptop with a wrong system time;
  // monotonic time (timers) stays real.
  const child = faketime
    ? spawn('faketime', ['-f', faketime, process.execPath, ...args], {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, FAKETIME_DONT_FAKE_MONOTONIC: '1' },
        detached: true,
      })
    : spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  const running: Running = { child, output: () => output, group: Boolean(faketime) }
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start:\n${output}`)), 30_000)
    const read = (chunk: Buffer) => {
      output += chunk.toString()
      const match = ready.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve({ running, match })
      }
    }
    child.stdout!.on('data', read)
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`${what} exited with ${code}:\n${output}`))
    })
  })
}

export interface BrowserHost extends Running {
  /** The address to open, with the secret in the fragment. */
  url: string
}

/**
 * Starts the built browser host (`out/main/browser-host.js`) on `dataDir`; with `faketime` ('-1d',
 * '+8h') under Debian's faketime, as a laptop whose clock is that far off.
 */
export async function startBrowserHost(
  dataDir: string,
  extraArgs: string[] = [],
  faketime?: string,
): Promise<BrowserHost> {
  const { running, match } = await spawnUntil(
    ['out/main/browser-host.js', '--no-open', '--data-dir', dataDir, ...extraArgs],
    /^Open: (\S+)$/m,
    'browser host',
    faketime,
  )
  return { ...running, url: match[1]! }
}

export interface HqProcess extends Running {
  url: string
  /** The code printed on the first start of an empty HQ. */
  firstCode: string | null
}

// `node --import tsx` runs HQ in this one process, so a SIGKILL really stops it (tsx's CLI would
// leave its child running).
const HQ_MAIN = ['--import', 'tsx', 'src-hq/main.ts']

/** Starts HQ as `npm run hq` does, on `dataDir` and `port`. */
export async function startHqProcess(dataDir: string, port: number): Promise<HqProcess> {
  const { running } = await spawnUntil(
    [...HQ_MAIN, '--data-dir', dataDir, '--port', String(port)],
    /^More codes:/m,
    'HQ',
  )
  const url = /^HQ listening on (\S+)/m.exec(running.output())?.[1]
  if (!url) throw new Error(`HQ printed no address:\n${running.output()}`)
  const firstCode = /^First enrolment code: (\S+)/m.exec(running.output())?.[1] ?? null
  return { ...running, url, firstCode }
}

/** `npm run hq -- code`: mints another enrolment code on HQ's data directory. */
export async function mintHqCode(dataDir: string): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [...HQ_MAIN, 'code', '--data-dir', dataDir])
  const code = /^Enrolment code: (\S+)/m.exec(stdout)?.[1]
  if (!code) throw new Error(`no enrolment code printed:\n${stdout}`)
  return code
}

/** Stops a program abruptly (kill -9) and waits until it is gone. */
export async function killHard(running: Running): Promise<void> {
  const { child } = running
  if (child.exitCode !== null || child.signalCode !== null) return
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve())
    if (running.group && child.pid) process.kill(-child.pid, 'SIGKILL')
    else child.kill('SIGKILL')
  })
  // faketime's own exit comes first: the program under it (which holds the data folder's lock) is
  // gone only once the whole group is.
  if (running.group && child.pid) await groupGone(child.pid)
}

async function groupGone(group: number): Promise<void> {
  for (let tries = 0; tries < 100; tries++) {
    try {
      process.kill(-group, 0)
    } catch {
      return
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** Asks a program to stop (SIGTERM: a host closes its core, with its quit backup) and waits until it has. */
export async function stopGently(running: Running): Promise<void> {
  const { child } = running
  if (child.exitCode !== null || child.signalCode !== null) return
  await new Promise<void>((resolve) => {
    // One that has not stopped within 20 s is killed: a test's clean-up must never hang.
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000)
    child.once('exit', () => {
      clearTimeout(timer)
      resolve()
    })
    child.kill('SIGTERM')
  })
}

/** A TCP port free right now on 127.0.0.1 (HQ restarts on the same address the laptops stored). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}
