import { app, BrowserWindow, dialog, ipcMain, type WebContents, type WebFrameMain } from 'electron'
import { join } from 'node:path'
import type { ApiResult, Dispatch } from '../core/api/dispatcher'
import { createExportJobs } from '../host/pdf-jobs'
import { planExport } from '../host/pdf-plan'
import {
  CARD_SCALE,
  CARD_VIEWPORT,
  footerTemplate,
  POLL_MS,
  PRINT_READY_TIMEOUT_MS,
  PRINT_VIEWPORT,
  PrintCancelledError,
  printHash,
  READY_SCRIPT,
  reportPageProgress,
  type PdfPrinter,
  type ReadyState,
} from '../host/pdf-printer'
import { ExportRequestSchema } from '../host/pdf-routes'
import { RENDERER_URL } from './app-protocol'

/**
 * PDF export in the Electron shell: each report page loads in a hidden window (the same renderer, the
 * same preload and sandbox) and is printed by webContents.printToPDF; the user picks where it goes in
 * a save dialog (a folder dialog for one PDF per sample) before the job starts. The page loads from
 * app://workbench/ like the main window; its photos ask for '?print' copies (photos.ts answers them).
 */

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Hidden windows printing right now; the API trusts their main frames as it trusts the main window's. */
export const printWindows = new Set<WebContents>()

function createElectronPrinter(preload: string): PdfPrinter {
  return {
    async print(target, { signal, onProgress } = {}) {
      const card = target.output === 'png'
      // A card is laid out 390 CSS px wide at twice the density: the window is that many device pixels.
      const scale = card ? CARD_SCALE : 1
      const viewport = card ? CARD_VIEWPORT : PRINT_VIEWPORT
      const window = new BrowserWindow({
        show: false,
        width: viewport.width * scale,
        height: viewport.height * scale,
        useContentSize: true,
        webPreferences: {
          preload,
          contextIsolation: true,
          nodeIntegration: false,
          sandbox: true,
          webSecurity: true,
          zoomFactor: scale,
        },
      })
      printWindows.add(window.webContents)
      try {
        await window.loadURL(`${RENDERER_URL}${printHash(target)}`)
        const deadline = Date.now() + PRINT_READY_TIMEOUT_MS
        let state = (await window.webContents.executeJavaScript(READY_SCRIPT)) as ReadyState
        while ('progress' in state) {
          if (signal?.aborted) throw new PrintCancelledError()
          if (Date.now() > deadline) throw new Error('the report page was not ready in time')
          reportPageProgress(state.progress, onProgress)
          await sleep(POLL_MS)
          state = (await window.webContents.executeJavaScript(READY_SCRIPT)) as ReadyState
        }
        if ('error' in state) throw new Error(`the report could not be built: ${state.error}`)
        if (card) {
          // capturePage takes what the window shows: grow it to the card's full height first.
          const height = (await window.webContents.executeJavaScript(
            'document.documentElement.scrollHeight',
          )) as number
          window.setContentSize(viewport.width * scale, Math.ceil(height * scale))
          await sleep(POLL_MS)
          return new Uint8Array((await window.webContents.capturePage()).toPNG())
        }
        const pdf = await window.webContents.printToPDF({
          pageSize: 'A4',
          printBackground: true,
          preferCSSPageSize: true,
          displayHeaderFooter: true,
          headerTemplate: '<span></span>',
          footerTemplate: footerTemplate(state.footer),
        })
        return new Uint8Array(pdf)
      } finally {
        printWindows.delete(window.webContents)
        window.destroy()
      }
    },
    // Windows are per page; nothing stays open between prints.
    close: async () => undefined,
  }
}

function refusal(message: string): ApiResult {
  return {
    ok: false,
    error: { code: 'bad_request', messageKey: 'errors.badRequest', message, fields: [] },
  }
}

const UNTRUSTED: ApiResult = {
  ok: false,
  error: { code: 'unauthorized', messageKey: 'errors.unauthorized', message: 'untrusted sender', fields: [] },
}

/** 'pdf:export', 'pdf:job' and 'pdf:cancel', with the same sender check as 'api:call'. */
export function handlePdfExport(options: {
  dispatch: Dispatch
  preload: string
  trusted: (frame: WebFrameMain | null) => boolean
  parent: () => BrowserWindow | null
}): { busy: () => boolean } {
  const jobs = createExportJobs(() => createElectronPrinter(options.preload))
  // Jobs started and maybe still running: an update's restart waits for them (updater.ts).
  const started = new Set<string>()
  const busy = () => {
    for (const id of started) {
      if (jobs.status(id)?.state === 'running') return true
      started.delete(id)
    }
    return false
  }
  const guard =
    (handler: (...args: unknown[]) => Promise<ApiResult>) =>
    async (event: Electron.IpcMainInvokeEvent, ...args: unknown[]): Promise<ApiResult> =>
      options.trusted(event.senderFrame) ? handler(...args) : UNTRUSTED

  ipcMain.handle(
    'pdf:export',
    guard(async (input) => {
      const parsed = ExportRequestSchema.safeParse(input)
      if (!parsed.success) return refusal(parsed.error.message)
      const plan = await planExport(options.dispatch, parsed.data)
      const parent = options.parent()
      const documents = app.getPath('documents')
      let dest: string | undefined
      if (plan.folder) {
        const picked = parent
          ? await dialog.showOpenDialog(parent, { properties: ['openDirectory', 'createDirectory'] })
          : await dialog.showOpenDialog({ properties: ['openDirectory', 'createDirectory'] })
        dest = picked.canceled || !picked.filePaths[0] ? undefined : join(picked.filePaths[0], plan.name)
      } else {
        const png = plan.name.endsWith('.png')
        const saveOptions = {
          defaultPath: join(documents, plan.name),
          filters: [png ? { name: 'PNG', extensions: ['png'] } : { name: 'PDF', extensions: ['pdf'] }],
        }
        const picked = parent
          ? await dialog.showSaveDialog(parent, saveOptions)
          : await dialog.showSaveDialog(saveOptions)
        dest = picked.canceled ? undefined : picked.filePath
      }
      if (!dest) return { ok: true, value: null }
      // The save dialog asked before replacing a file; a folder always gets a free name.
      const status = jobs.start(plan, dest, { overwrite: !plan.folder })
      started.add(status.id)
      return { ok: true, value: status }
    }),
  )
  ipcMain.handle(
    'pdf:job',
    guard(async (id) => {
      const status = jobs.status(String(id))
      return status ? { ok: true, value: status } : refusal('no such export')
    }),
  )
  ipcMain.handle(
    'pdf:cancel',
    guard(async (id) => {
      const status = jobs.cancel(String(id))
      return status ? { ok: true, value: status } : refusal('no such export')
    }),
  )
  return { busy }
}
