import { spawn, type ChildProcess } from 'node:child_process'

/** A running browser host (the built out/main/browser-host.js) on one data directory. */
export interface BrowserHost {
  /** The app's address with its secret, as the host prints it. */
  url: string
  child: ChildProcess
}

/** Starts the built browser host on `dataDir` (demo data on a fresh one) and waits for its address. */
export async function startBrowserHost(dataDir: string): Promise<BrowserHost> {
  const child = spawn(process.execPath, ['out/main/browser-host.js', '--no-open', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const url = await new Promise<string>((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => reject(new Error(`browser host did not start:\n${output}`)), 30_000)
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /^Open: (\S+)$/m.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    })
    child.once('exit', (code) => reject(new Error(`browser host exited with ${code}:\n${output}`)))
  })
  return { url, child }
}
