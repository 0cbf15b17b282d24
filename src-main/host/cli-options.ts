import { parseArgs } from 'node:util'

/** Options shared by `npm start`, the browser host and the Electron host. */
export interface LaunchOptions {
  port: number
  dataDir: string | undefined
  demo: boolean
  open: boolean
  browser: boolean
  /** Seconds between automatic checks of HQ (sync when reachable); 0 turns automatic sync off. */
  syncEverySeconds: number
  /** Put the newest good backup in place of a damaged database before starting (the start-up offer). */
  restoreBackup: boolean
}

/** Parses launch flags; unknown flags are an error so a typo is not silently ignored. */
export function parseLaunchOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): LaunchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      'no-demo': { type: 'boolean', default: false },
      'no-open': { type: 'boolean', default: false },
      browser: { type: 'boolean', default: false },
      'sync-every': { type: 'string' },
      'restore-backup': { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  })
  const port = values.port === undefined ? 0 : Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0-65535, got ${values.port}`)
  const syncEverySeconds = values['sync-every'] === undefined ? 60 : Number(values['sync-every'])
  if (!Number.isFinite(syncEverySeconds) || syncEverySeconds < 0)
    throw new Error(`--sync-every must be a number of seconds (0 = off), got ${values['sync-every']}`)
  return {
    port,
    syncEverySeconds,
    dataDir: values['data-dir'],
    demo: !values['no-demo'],
    open: !values['no-open'] && !env.CI,
    browser: values.browser,
    restoreBackup: values['restore-backup'],
  }
}

const VALUE_FLAGS = new Set(['--port', '--data-dir', '--sync-every'])
const BOOLEAN_FLAGS = new Set(['--no-demo', '--no-open', '--browser', '--restore-backup'])

/**
 * Keeps only our own flags from an argv that also carries the runtime's (Electron and Chromium add
 * --inspect, --remote-debugging-port, --no-sandbox ...), so parseLaunchOptions can stay strict.
 */
export function pickLaunchArgs(argv: string[]): string[] {
  const picked: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    const [flag] = arg.split('=', 1) as [string]
    if (BOOLEAN_FLAGS.has(arg)) picked.push(arg)
    else if (VALUE_FLAGS.has(flag)) {
      if (arg.includes('=')) picked.push(arg)
      else if (i + 1 < argv.length) picked.push(arg, argv[++i] as string)
    }
  }
  return picked
}
