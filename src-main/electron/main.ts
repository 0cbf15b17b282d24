import {
  app,
  BrowserWindow,
  ipcMain,
  Menu,
  protocol,
  safeStorage,
  session,
  shell,
  type WebContents,
} from 'electron'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { createCore, type Core } from '../core/app'
import { importRoutes } from '../core/imports/imports.api'
import { photoRoutes } from '../core/photos/photos.api'
import { documentRoutes } from '../core/documents/documents.api'
import { handleDocuments } from './documents'
import { parseLaunchOptions, pickLaunchArgs } from '../host/cli-options'
import { electronNativeBinding } from './native-binding'
import { buildAppMenu } from './menu'
import { handleImportUpload } from './imports'
import { handlePhotoProtocol, handlePhotoUpload, PHOTO_SCHEME } from './photos'
import { handlePdfExport, printWindows } from './pdf'
import { safeStorageTokenVault } from './token-vault'
import { archiveRoutes } from '../core/archive/archive.api'
import { archiveFileName } from '../core/archive/archive.service'
import { acquireDataLock, type DataLock } from '../host/data-lock'
import { handleArchive } from './archive'
import { showStartupFailure } from './startup-failure'
import { restoreOverDamaged } from '../core/backup/restore-damaged'

/**
 * The thin Electron shell: one window over the core. Everything it does besides window management is
 * the same dispatcher the browser host uses.
 */

const rendererIndex = join(__dirname, '..', 'renderer', 'index.html')
const rendererUrl = pathToFileURL(rendererIndex).href
let mainWindow: BrowserWindow | null = null

/**
 * Only our own page may call the API (the main window, or a hidden window printing a report; not an
 * iframe, not a page navigated to by accident).
 */
function isTrustedSender(frame: Electron.WebFrameMain | null): boolean {
  const ours =
    frame === mainWindow?.webContents.mainFrame ||
    [...printWindows].some((contents) => contents.mainFrame === frame)
  return frame !== null && frame.url.split('#')[0] === rendererUrl && ours
}

function lockDown(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//.test(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
  contents.on('will-navigate', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    title: '源选采购工作台 Sourcing Workbench',
    show: false,
    webPreferences: {
      preload: join(__dirname, '..', 'preload', 'index.js'),
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
      webSecurity: true,
      spellcheck: false,
    },
  })
  lockDown(window.webContents)
  window.once('ready-to-show', () => window.show())
  void window.loadFile(rendererIndex)
  return window
}

async function start(core: Core): Promise<void> {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  ipcMain.handle('api:call', async (event, name: unknown, input: unknown) => {
    if (!isTrustedSender(event.senderFrame)) {
      return {
        ok: false,
        error: {
          code: 'unauthorized',
          messageKey: 'errors.unauthorized',
          message: 'untrusted sender',
          fields: [],
        },
      }
    }
    return core.dispatch(String(name), input)
  })
  const photos = photoRoutes(core.context, (error, call) => console.error(`[api] ${call} failed:`, error))
  handlePhotoUpload(photos, (frame) => isTrustedSender(frame))
  handlePhotoProtocol(photos)
  const imports = importRoutes(core.context, (error, call) => console.error(`[api] ${call} failed:`, error))
  handleImportUpload(imports, (frame) => isTrustedSender(frame))
  handleDocuments(
    documentRoutes(core.context, (error, call) => console.error(`[api] ${call} failed:`, error)),
    (frame) => isTrustedSender(frame),
  )
  const archive = archiveRoutes(core.context, {
    sqlite: core.database.sqlite,
    onInternalError: (error, call) => console.error(`[api] ${call} failed:`, error),
    // The checked archive is swapped in by the next start, before its database opens.
    replaceData: async () => {
      await core.close()
      app.relaunch()
      app.exit(0)
    },
  })
  handleArchive(
    () => archive,
    (frame) => isTrustedSender(frame),
    () => mainWindow,
    () => archiveFileName(new Date()),
  )
  handlePdfExport({
    dispatch: core.dispatch,
    rendererIndex,
    preload: join(__dirname, '..', 'preload', 'index.js'),
    trusted: (frame) => isTrustedSender(frame),
    parent: () => mainWindow,
  })
  Menu.setApplicationMenu(buildAppMenu())
  mainWindow = createWindow()
}

async function main(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return
  }
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore()
    mainWindow?.focus()
  })
  app.on('web-contents-created', (_event, contents) => lockDown(contents))
  // Custom schemes must be declared before 'ready'; photos are then served without file:// access.
  protocol.registerSchemesAsPrivileged([
    { scheme: PHOTO_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: false } },
  ])
  const options = parseLaunchOptions(pickLaunchArgs(process.argv))
  await app.whenReady()
  const dataDir = options.dataDir ?? app.getPath('userData')
  let lock: DataLock | undefined
  try {
    // The single-instance lock covers one userData; this covers a --data-dir shared with a browser host.
    lock = acquireDataLock(dataDir, 'desktop app')
    const held = lock
    app.on('will-quit', () => held.release())
    const core = await createCore({
      dataDir,
      host: 'electron',
      version: app.getVersion(),
      demo: options.demo,
      nativeBinding: electronNativeBinding(app.getAppPath(), process.versions.modules),
      photoWorkerFile: join(__dirname, 'photo-worker.js'),
      tokenVault: safeStorageTokenVault(safeStorage),
      autoSyncEveryMs: options.syncEverySeconds * 1000,
      dispatcher: { onInternalError: (error, call) => console.error(`[api] ${call} failed:`, error) },
    })
    app.on('will-quit', () => void core.close())
    await start(core)
  } catch (error) {
    lock?.release()
    // A damaged database: the dialog's button puts the newest good backup in its place, then relaunches.
    const restore = async () => {
      const restored = await restoreOverDamaged(dataDir, {
        appVersion: app.getVersion(),
        nativeBinding: electronNativeBinding(app.getAppPath(), process.versions.modules),
      })
      if (!restored) throw new Error('no good backup to restore')
    }
    if ((await showStartupFailure(error, restore)) === 'restored') app.relaunch()
    app.exit(1)
  }
  app.on('window-all-closed', () => app.quit())
}

void main()
