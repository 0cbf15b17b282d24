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
import { APP_FOLDER } from '../host/data-dir'
import { createCore, type Core } from '../core/app'
import { importRoutes } from '../core/imports/imports.api'
import { photoRoutes } from '../core/photos/photos.api'
import { documentRoutes } from '../core/documents/documents.api'
import { handleDocuments } from './documents'
import { parseLaunchOptions, pickLaunchArgs } from '../host/cli-options'
import { electronNativeBinding } from './native-binding'
import { buildAppMenu } from './menu'
import { handleImportUpload } from './imports'
import {
  handlePhotoProtocol,
  handlePhotoUpload,
  openOriginalPhoto,
  originalPhotoHash,
  PHOTO_SCHEME,
} from './photos'
import type { PhotoRoutes } from '../core/photos/photos.api'
import { APP_SCHEME_PRIVILEGES, handleAppProtocol, isAppUrl, RENDERER_URL } from './app-protocol'
import { closeBeforeQuit } from './quit'
import { startUpdater } from './updater'
import { readSetting, SETTING } from '../core/sync/sync.settings'
import { asarUnpacked } from '../core/system/asar-unpacked'
import { handlePdfExport, printWindows } from './pdf'
import { safeStorageTokenVault } from './token-vault'
import { archiveRoutes } from '../core/archive/archive.api'
import { archiveFileName } from '../core/archive/archive.service'
import { acquireDataLock, type DataLock } from '../host/data-lock'
import { handleArchive } from './archive'
import { showStartupFailure } from './startup-failure'
import { restoreOverDamaged } from '../core/backup/restore-damaged'
import { phoneUploadOptions } from '../host/phone-upload/phone-options'

/**
 * The thin Electron shell: one window over the core. Everything it does besides window management is
 * the same dispatcher the browser host uses.
 */

const rendererDir = join(__dirname, '..', 'renderer')
const preloadFile = join(__dirname, '..', 'preload', 'index.js')
let mainWindow: BrowserWindow | null = null
/** Set once the core is open: the viewer's "original photo" link opens the file through it. */
let photoFiles: PhotoRoutes | null = null

/**
 * WORKBENCH_NO_EXTERNAL=1 (the Electron e2e test) records links instead of handing them to the
 * system's browser or image viewer, so a test run never opens programs on the machine.
 */
const external: Pick<Electron.Shell, 'openExternal' | 'openPath'> =
  process.env.WORKBENCH_NO_EXTERNAL === '1'
    ? {
        openExternal: async (url) => console.log(`[external] would open ${url}`),
        openPath: async (path) => {
          console.log(`[external] would open ${path}`)
          return ''
        },
      }
    : shell

/**
 * Only our own page may call the API (the main window, or a hidden window printing a report; not an
 * iframe, not a page navigated to by accident).
 */
function isTrustedSender(frame: Electron.WebFrameMain | null): boolean {
  const ours =
    frame === mainWindow?.webContents.mainFrame ||
    [...printWindows].some((contents) => contents.mainFrame === frame)
  return frame !== null && isAppUrl(frame.url) && ours
}

/**
 * No window ever opens: web links go to the system's browser, a photo's original to the system's image
 * viewer; everything else is refused.
 */
function lockDown(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    const original = originalPhotoHash(url)
    if (original && photoFiles) {
      void openOriginalPhoto(photoFiles, external, original).catch((error: unknown) =>
        console.error('[photos] could not open the original:', error),
      )
    } else if (/^https?:\/\//.test(url)) void external.openExternal(url)
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
      preload: preloadFile,
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
      webSecurity: true,
      spellcheck: false,
    },
  })
  lockDown(window.webContents)
  window.once('ready-to-show', () => window.show())
  void window.loadURL(RENDERER_URL)
  return window
}

async function start(core: Core): Promise<void> {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  handleAppProtocol(protocol, rendererDir)
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
  photoFiles = photos
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
  const archives = handleArchive(
    () => archive,
    (frame) => isTrustedSender(frame),
    () => mainWindow,
    () => archiveFileName(new Date()),
  )
  const pdf = handlePdfExport({
    dispatch: core.dispatch,
    preload: preloadFile,
    trusted: (frame) => isTrustedSender(frame),
    parent: () => mainWindow,
  })
  startUpdater({
    packaged: app.isPackaged,
    hq: async () => {
      const [url, sealed] = await Promise.all([
        readSetting(core.context.db, SETTING.hqUrl),
        readSetting(core.context.db, SETTING.token),
      ])
      return url && sealed ? { url, token: core.context.sync.vault.open(sealed) } : null
    },
    lastSync: async () => (await core.context.sync.runner.progress()).last,
    busy: () => ({ syncing: core.context.sync.runner.running, exporting: pdf.busy() || archives.busy() }),
    trusted: (frame) => isTrustedSender(frame),
  })
  Menu.setApplicationMenu(buildAppMenu())
  mainWindow = createWindow()
}

/** better-sqlite3 for Electron's ABI: resources/native when installed, the set-up's cache otherwise. */
function nativeBinding(): string | undefined {
  return electronNativeBinding(app.getAppPath(), process.versions.modules, process.resourcesPath)
}

async function main(): Promise<void> {
  // The data folder is <appData>/Sourcing Workbench/ (README, "Where data lives") whatever the installer
  // calls the app, the same folder the browser host opens.
  app.setPath('userData', join(app.getPath('appData'), APP_FOLDER))
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return
  }
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore()
    mainWindow?.focus()
  })
  app.on('web-contents-created', (_event, contents) => lockDown(contents))
  // Custom schemes must be declared before 'ready': the app's own pages (app://workbench/) and photos,
  // served without file:// access.
  protocol.registerSchemesAsPrivileged([
    APP_SCHEME_PRIVILEGES,
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
    const core = await createCore({
      dataDir,
      host: 'electron',
      version: app.getVersion(),
      demo: options.demo,
      nativeBinding: nativeBinding(),
      // Worker threads get their script from outside app.asar (electron-builder.yml unpacks it).
      photoWorkerFile: asarUnpacked(join(__dirname, 'photo-worker.js')),
      tokenVault: safeStorageTokenVault(safeStorage),
      autoSyncEveryMs: options.syncEverySeconds * 1000,
      // Phones reach the laptop on a listener of its own, only while a session is open.
      phoneUpload: phoneUploadOptions(),
      dispatcher: { onInternalError: (error, call) => console.error(`[api] ${call} failed:`, error) },
    })
    // The sync is cancelled, the workers stop and the last checkpoint and backup are written before
    // the process ends (at most QUIT_CLOSE_LIMIT_MS); then the data folder is free for the next start.
    closeBeforeQuit(app, {
      close: () => core.close(),
      finally: () => held.release(),
      onProblem: (problem) => console.error('[quit] the core did not close cleanly:', problem),
    })
    await start(core)
  } catch (error) {
    lock?.release()
    // A damaged database: the dialog's button puts the newest good backup in its place, then relaunches.
    const restore = async () => {
      const restored = await restoreOverDamaged(dataDir, {
        appVersion: app.getVersion(),
        nativeBinding: nativeBinding(),
      })
      if (!restored) throw new Error('no good backup to restore')
    }
    if ((await showStartupFailure(error, restore)) === 'restored') app.relaunch()
    app.exit(1)
  }
  app.on('window-all-closed', () => app.quit())
}

void main()
