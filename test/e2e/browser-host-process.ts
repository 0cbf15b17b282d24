import { spawn, type ChildProcess } from 'node:child_process'

/** A built browser host running as its own process, and its URL (with the secret in the fragment). */
export interface BrowserHostProcess {
  child: ChildProcess
  url: string
  stop(): void
}

/** Starts `out/main/browser-host.js` with these flags and waits for the address it prints. */
export async function startBrowserHostProcess(args: string[]): Promise<BrowserHostProcess> {
  const child = spawn(process.execPath, ['out/main/browser-host.js', '--no-open', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const url = await new Promise<string>((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => reject(new Error(`browser host did not start:\n${output}`)), 30_000)
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /^Open: (\S+)$/m.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    })
    child.once('exit', (code) => reject(new Error(`browser host exited with ${code}:\n${output}`)))
  })
  return { child, url, stop: () => child.kill('SIGTERM') }
}
