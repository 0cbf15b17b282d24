import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import Module from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RENDERER_CSP } from '../../src-main/host/security'

/**
 * The desktop shell proved without its binary: the BUILT main and preload bundles (out/main/electron.js,
 * out/preload/index.js) run under a stand-in for the `electron` module, over a real core on a temp data
 * folder. It checks what would break on a buyer's first start. The stand-in is served to the bundles'
 * require('electron') by a Module._load hook; the real electron package is never required (that would
 * try to download the binary).
 */

const root = join(__dirname, '..', '..')
const MAIN = join(root, 'out', 'main', 'electron.js')
const PRELOAD = join(root, 'out', 'preload', 'index.js')
const built =
  existsSync(MAIN) && existsSync(PRELOAD) && existsSync(join(root, 'out', 'renderer', 'index.html'))
if (!built) console.log('[electron shell] skipped: run `npm run build` first')

type Listener = (...args: unknown[]) => unknown
type Handler = (event: { senderFrame: unknown }, ...args: unknown[]) => Promise<unknown>
type ProtocolHandler = (request: Request) => Promise<Response>

/** The parts of Electron the shell uses, recording what it does with them. */
function makeStandIn(appData: string) {
  const log: string[] = []
  const appListeners = new Map<string, Listener[]>()
  const handlers = new Map<string, Handler>()
  const protocols = new Map<string, ProtocolHandler>()
  const windows: FakeWindow[] = []
  const exposed = new Map<string, unknown>()
  const invoked: Array<{ channel: string; args: unknown[] }> = []
  let resolveReady!: () => void
  const ready = new Promise<void>((resolve) => (resolveReady = resolve))
  let isReady = false
  const exits: Array<{ code: number; at: number }> = []
  const userDataSet: string[] = []

  class FakeWindow {
    options: Record<string, unknown>
    destroyed = false
    webContents: {
      mainFrame: { url: string }
      windowOpen: ((details: { url: string }) => { action: string }) | null
      listeners: Map<string, Listener[]>
      setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void
      on(event: string, listener: Listener): void
      executeJavaScript(): Promise<unknown>
      printToPDF(): Promise<Buffer>
    }
    constructor(options: Record<string, unknown>) {
      this.options = options
      const listeners = new Map<string, Listener[]>()
      this.webContents = {
        mainFrame: { url: '' },
        windowOpen: null,
        listeners,
        setWindowOpenHandler(handler) {
          this.windowOpen = handler
        },
        on(event, listener) {
          listeners.set(event, [...(listeners.get(event) ?? []), listener])
        },
        executeJavaScript: async () => ({ footer: '' }),
        printToPDF: async () => Buffer.from('%PDF-1.4 stand-in'),
      }
      windows.push(this)
      log.push('new BrowserWindow')
    }
    once() {}
    on() {}
    show() {}
    focus() {}
    restore() {}
    isMinimized() {
      return false
    }
    destroy() {
      this.destroyed = true
    }
    async loadURL(url: string) {
      this.webContents.mainFrame.url = url
    }
  }

  const electron = {
    app: {
      isPackaged: false,
      setPath(name: string, path: string) {
        if (name === 'userData') userDataSet.push(path)
      },
      getPath: (name: string) => (name === 'appData' ? appData : join(appData, name)),
      getVersion: () => '0.1.0',
      getAppPath: () => root,
      requestSingleInstanceLock: () => true,
      on(event: string, listener: Listener) {
        appListeners.set(event, [...(appListeners.get(event) ?? []), listener])
        return electron.app
      },
      whenReady: () => {
        log.push('whenReady')
        return ready
      },
      quit() {
        log.push('quit')
      },
      relaunch() {},
      exit(code = 0) {
        exits.push({ code, at: Date.now() })
      },
    },
    protocol: {
      registerSchemesAsPrivileged(schemes: unknown) {
        log.push(`registerSchemesAsPrivileged ready=${isReady} ${JSON.stringify(schemes)}`)
      },
      handle(scheme: string, handler: ProtocolHandler) {
        protocols.set(scheme, handler)
      },
    },
    ipcMain: {
      handle(channel: string, handler: Handler) {
        handlers.set(channel, handler)
      },
    },
    BrowserWindow: FakeWindow,
    Menu: { setApplicationMenu() {}, buildFromTemplate: (template: unknown) => template },
    session: { defaultSession: { setPermissionRequestHandler() {} } },
    safeStorage: {
      isEncryptionAvailable: () => false,
      encryptString: () => Buffer.alloc(0),
      decryptString: () => '',
    },
    shell: {
      openExternal: async (url: string) => log.push(`openExternal ${url}`),
      openPath: async (path: string) => {
        log.push(`openPath ${path}`)
        return ''
      },
    },
    dialog: {
      showErrorBox: (title: string, message: string) => log.push(`error box ${title}: ${message}`),
      showMessageBox: async () => ({ response: 1 }),
      showSaveDialog: async () => ({ canceled: true }),
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
    },
    contextBridge: {
      exposeInMainWorld(key: string, api: unknown) {
        exposed.set(key, api)
      },
    },
    ipcRenderer: {
      invoke: async (channel: string, ...args: unknown[]) => {
        invoked.push({ channel, args })
        return { ok: true, value: null }
      },
    },
  }
  return {
    electron,
    log,
    appListeners,
    handlers,
    protocols,
    windows,
    exposed,
    invoked,
    exits,
    userDataSet,
    makeReady() {
      isReady = true
      log.push('ready')
      resolveReady()
    },
  }
}

async function until<T>(probe: () => T | undefined | false, what: string, ms = 30_000): Promise<T> {
  const started = Date.now()
  for (;;) {
    const value = probe()
    if (value) return value
    if (Date.now() - started > ms) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

const CHANNELS = [
  'api:call',
  'photo:upload',
  'import:upload',
  'document:upload',
  'document:read',
  'archive:export',
  'archive:open',
  'pdf:export',
  'pdf:job',
  'pdf:cancel',
  'update:status',
  'update:restart',
]

describe.skipIf(!built)('the Electron shell under a stand-in for electron (built bundles)', () => {
  const work = mkdtempSync(join(tmpdir(), 'electron-shell-'))
  const dataDir = join(work, '王敏 的 数据')
  const standIn = makeStandIn(join(work, 'appData'))
  const nodeModule = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown }
  const originalLoad = nodeModule._load
  const originalArgv = process.argv
  const window = () => standIn.windows[0]!
  const mainFrame = () => window().webContents.mainFrame

  beforeAll(async () => {
    nodeModule._load = function (request: string, ...rest: unknown[]) {
      if (request === 'electron') return standIn.electron
      return originalLoad.call(this, request, ...rest)
    }
    process.argv = ['electron', root, '--data-dir', dataDir, '--no-demo', '--sync-every', '0']
    const load = Module.createRequire(__filename)
    load(MAIN)
    // The bundle runs main() on load; it stops at whenReady until the stand-in says so.
    await until(() => standIn.log.includes('whenReady'), 'main() to wait for ready')
    standIn.makeReady()
    await until(() => standIn.windows.length > 0 && standIn.handlers.size >= CHANNELS.length, 'the window')
    load(PRELOAD)
  })
  afterAll(() => {
    nodeModule._load = originalLoad
    process.argv = originalArgv
    rmSync(work, { recursive: true, force: true })
  })

  it('registers app:// and workbench-photo:// as privileged before ready, and pins the data folder', () => {
    const registered = standIn.log.findIndex((line) => line.startsWith('registerSchemesAsPrivileged'))
    expect(registered).toBeGreaterThanOrEqual(0)
    expect(registered).toBeLessThan(standIn.log.indexOf('ready'))
    const line = standIn.log[registered]!
    expect(line).toContain('ready=false')
    expect(line).toContain('"scheme":"app"')
    expect(line).toContain('"scheme":"workbench-photo"')
    expect(standIn.userDataSet).toEqual([join(work, 'appData', 'Sourcing Workbench')])
  })

  it('opens one window from app://workbench/ with the hardened webPreferences', () => {
    expect(standIn.windows).toHaveLength(1)
    expect(mainFrame().url).toBe('app://workbench/index.html')
    const prefs = window().options.webPreferences as Record<string, unknown>
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    })
    expect(prefs.preload).toBe(PRELOAD)
    expect(window().webContents.listeners.has('will-navigate')).toBe(true)
    expect(window().webContents.listeners.has('will-attach-webview')).toBe(true)
  })

  it('answers our page, and refuses every IPC channel to a foreign frame', async () => {
    expect([...standIn.handlers.keys()].sort()).toEqual([...CHANNELS].sort())
    const info = (await standIn.handlers.get('api:call')!({ senderFrame: mainFrame() }, 'app.info', {})) as {
      ok: boolean
      value: { host: string }
    }
    expect(info.ok && info.value.host).toBe('electron')
    const strangers = [
      null,
      { url: 'https://evil.example/' },
      // Our address, but not our window's frame (an iframe, another window).
      { url: 'app://workbench/index.html' },
    ]
    for (const channel of CHANNELS) {
      for (const senderFrame of strangers) {
        const answer = (await standIn.handlers.get(channel)!({ senderFrame }, 'app.info', {})) as {
          ok: boolean
          error?: { code: string }
        }
        expect({ channel, ok: answer.ok, code: answer.error?.code }).toEqual({
          channel,
          ok: false,
          code: 'unauthorized',
        })
      }
    }
    // Our own frame, navigated to a file:// page by some accident, is no longer trusted.
    const url = mainFrame().url
    mainFrame().url = `file://${join(root, 'out', 'renderer', 'index.html')}`
    const refused = (await standIn.handlers.get('api:call')!(
      { senderFrame: mainFrame() },
      'app.info',
      {},
    )) as {
      ok: boolean
    }
    mainFrame().url = url
    expect(refused.ok).toBe(false)
  })

  it('serves the renderer over app:// with the CSP header, and nothing outside it', async () => {
    const serve = standIn.protocols.get('app')!
    const page = await serve(new Request('app://workbench/index.html'))
    expect(page.status).toBe(200)
    expect(page.headers.get('content-security-policy')).toBe(RENDERER_CSP)
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
    const html = await page.text()
    expect(html).toContain('<div id="root">')
    expect(html).not.toContain('http-equiv')
    const asset = /src="\.\/(assets\/[^"]+\.js)"/.exec(html)![1]!
    const script = await serve(new Request(`app://workbench/${asset}`))
    expect(script.status).toBe(200)
    expect(script.headers.get('content-type')).toContain('text/javascript')
    for (const escape of [
      'app://workbench/..%2f..%2fpackage.json',
      'app://workbench/%2e%2e/%2e%2e/package.json',
      'app://workbench/assets/..%5c..%5c..%5cpackage.json',
      'app://workbench/..%2f..%2fmain%2felectron.js',
      'app://workbench/../../package.json',
      'app://workbench/%00index.html',
      'app://elsewhere/index.html',
    ]) {
      const answer = await serve(new Request(escape))
      expect({ escape, status: answer.status }).toEqual({ escape, status: 404 })
    }
  })

  it('prints photos at print size and opens an original in the system viewer, not a window', async () => {
    const jpeg = await sharp({
      create: { width: 3000, height: 2000, channels: 3, background: { r: 200, g: 120, b: 40 } },
    })
      .jpeg({ quality: 95 })
      .toBuffer()
    const bytes = jpeg.buffer.slice(jpeg.byteOffset, jpeg.byteOffset + jpeg.byteLength)
    const stored = (await standIn.handlers.get('photo:upload')!({ senderFrame: mainFrame() }, bytes)) as {
      ok: boolean
      value: { sha256: string }
    }
    expect(stored.ok).toBe(true)
    const { sha256 } = stored.value
    const photos = standIn.protocols.get('workbench-photo')!
    const preview = await photos(new Request(`workbench-photo://${sha256}/preview`))
    const print = await photos(new Request(`workbench-photo://${sha256}/preview?print`))
    expect(print.status).toBe(200)
    const previewMeta = await sharp(Buffer.from(await preview.arrayBuffer())).metadata()
    const printMeta = await sharp(Buffer.from(await print.arrayBuffer())).metadata()
    expect(previewMeta.width).toBe(1600)
    expect(printMeta.width).toBe(800)

    const open = window().webContents.windowOpen!
    expect(open({ url: `workbench-photo://${sha256}/original` })).toEqual({ action: 'deny' })
    const opened = await until(() => standIn.log.find((line) => line.startsWith('openPath')), 'openPath')
    expect(opened).toMatch(new RegExp(`${sha256}\\.jpg$`))
    expect(open({ url: 'https://example.com/' })).toEqual({ action: 'deny' })
    expect(open({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' })
    expect(standIn.log.filter((line) => line.startsWith('openExternal'))).toEqual([
      'openExternal https://example.com/',
    ])
  })

  it('exposes only the typed API from the preload, over the channels main answers', async () => {
    expect([...standIn.exposed.keys()]).toEqual(['workbench'])
    const api = standIn.exposed.get('workbench') as Record<string, unknown>
    const shape = (value: unknown): unknown =>
      typeof value === 'function'
        ? 'function'
        : Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, shape(v)]))
    expect(shape(api)).toEqual({
      call: 'function',
      uploadPhoto: 'function',
      uploadImport: 'function',
      uploadDocument: 'function',
      readDocument: 'function',
      exportArchive: 'function',
      openArchive: 'function',
      pdf: { exportPdf: 'function', pdfJob: 'function', cancelPdfJob: 'function' },
      updates: { status: 'function', restart: 'function' },
    })
    const bridge = api as {
      call: (n: string, i: unknown) => Promise<unknown>
      uploadPhoto: (b: ArrayBuffer) => Promise<unknown>
      uploadImport: (b: ArrayBuffer, n: string) => Promise<unknown>
      uploadDocument: (b: ArrayBuffer, n: string, sha256: string) => Promise<unknown>
      readDocument: (id: string) => Promise<unknown>
      exportArchive: () => Promise<unknown>
      openArchive: () => Promise<unknown>
      pdf: Record<string, (x: unknown) => Promise<unknown>>
      updates: Record<string, () => Promise<unknown>>
    }
    await bridge.call('app.info', {})
    await bridge.uploadPhoto(new ArrayBuffer(1))
    await bridge.uploadImport(new ArrayBuffer(1), 'a.xlsx')
    await bridge.uploadDocument(new ArrayBuffer(1), 'a.pdf', 'a'.repeat(64))
    await bridge.readDocument('d1')
    await bridge.exportArchive()
    await bridge.openArchive()
    await bridge.pdf.exportPdf!({})
    await bridge.pdf.pdfJob!('x')
    await bridge.pdf.cancelPdfJob!('x')
    await bridge.updates.status!()
    await bridge.updates.restart!()
    expect(standIn.invoked.map((call) => call.channel).sort()).toEqual([...CHANNELS].sort())
  })

  it('holds the quit until the core has closed: the last backup written, the data folder released', async () => {
    // A save, so the database has a WAL to checkpoint at close.
    const saved = (await standIn.handlers.get('api:call')!({ senderFrame: mainFrame() }, 'factories.create', {
      name: '晋江恒安纸业',
    })) as { ok: boolean }
    expect(saved.ok).toBe(true)
    const [willQuit] = standIn.appListeners.get('will-quit')!
    let prevented = 0
    willQuit!({ preventDefault: () => prevented++ })
    expect(prevented).toBe(1)
    expect(standIn.exits).toHaveLength(0)
    expect(existsSync(join(dataDir, 'workbench.lock'))).toBe(true)
    // A second quit while closing is held too and does not close twice.
    willQuit!({ preventDefault: () => prevented++ })
    expect(prevented).toBe(2)
    await until(() => standIn.exits.length > 0, 'app.exit after the core closed')
    expect(standIn.exits).toEqual([{ code: 0, at: expect.any(Number) }])
    expect(existsSync(join(dataDir, 'workbench.lock'))).toBe(false)
    expect(existsSync(join(dataDir, 'workbench.sqlite-wal'))).toBe(false)
    expect(readdirSync(join(dataDir, 'backups')).some((name) => name.includes('quit'))).toBe(true)
  })
})
