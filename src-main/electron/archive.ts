import { createReadStream } from 'node:fs'
import { basename } from 'node:path'
import { dialog, ipcMain, type BrowserWindow, type WebFrameMain } from 'electron'
import type { ArchiveRoutes } from '../core/archive/archive.api'
import type { ApiResult } from '../core/api/dispatcher'

/**
 * Export everything / open an archive in the Electron shell: the file dialogs run here, and the
 * archive streams between the file and the core without passing through the renderer.
 *   archive:export → a save dialog, then the archive written there (envelope: ArchiveSummary)
 *   archive:open   → an open dialog, then the archive checked and swapped in; the app restarts on it
 * A dialog the buyer cancels answers { ok: true, value: null }.
 */

function untrusted(): ApiResult {
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

export function handleArchive(
  routes: () => ArchiveRoutes,
  trusted: (frame: WebFrameMain | null) => boolean,
  parent: () => BrowserWindow | null,
  defaultName: () => string,
): { busy: () => boolean } {
  // Archives being written or opened: an update's restart waits for them (updater.ts).
  let running = 0
  const counted = async (work: () => Promise<ApiResult>): Promise<ApiResult> => {
    running++
    try {
      return await work()
    } finally {
      running--
    }
  }
  ipcMain.handle('archive:export', async (event): Promise<ApiResult> => {
    if (!trusted(event.senderFrame)) return untrusted()
    const window = parent()
    const options = {
      defaultPath: defaultName(),
      filters: [{ name: 'Workbench archive', extensions: ['tar'] }],
    }
    const chosen = window
      ? await dialog.showSaveDialog(window, options)
      : await dialog.showSaveDialog(options)
    const file = chosen.filePath
    if (chosen.canceled || !file) return { ok: true, value: null }
    return counted(() => routes().export(file))
  })
  ipcMain.handle('archive:open', async (event): Promise<ApiResult> => {
    if (!trusted(event.senderFrame)) return untrusted()
    const window = parent()
    const options = {
      properties: ['openFile' as const],
      filters: [{ name: 'Workbench archive', extensions: ['tar'] }],
    }
    const chosen = window
      ? await dialog.showOpenDialog(window, options)
      : await dialog.showOpenDialog(options)
    const file = chosen.filePaths[0]
    if (chosen.canceled || !file) return { ok: true, value: null }
    return counted(() => routes().open(createReadStream(file), basename(file)))
  })
  return { busy: () => running > 0 }
}
