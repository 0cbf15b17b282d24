import { parseArgs } from 'node:util'

/** Options shared by `npm start`, the browser host and the Electron host. */
export interface LaunchOptions {
  port: number
  dataDir: string | undefined
  demo: boolean
  open: boolean
  browser: boolean
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
    },
    strict: true,
    allowPositionals: false,
  })
  const port = values.port === undefined ? 0 : Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0-65535, got ${values.port}`)
  return {
    port,
    dataDir: values['data-dir'],
    demo: !values['no-demo'],
    open: !values['no-open'] && !env.CI,
    browser: values.browser,
  }
}
