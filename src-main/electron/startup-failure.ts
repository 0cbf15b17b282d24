import { dialog } from 'electron'
import { StartupRefusal, type GoodBackup } from '../core/guard/startup-check'

/**
 * The dialog for a start that was refused or failed. A StartupRefusal's message already says, in
 * Chinese and English, what is wrong and what to do (install the newer version, close the other app,
 * restore the offered backup); anything else is shown as the error it is.
 */
export async function showStartupFailure(
  error: unknown,
  /** Restores a backup over the damaged database (core/backup's restoreBackup); no button without it. */
  restore?: (backup: GoodBackup) => Promise<void>,
): Promise<'restored' | 'quit'> {
  const message = error instanceof Error ? error.message : String(error)
  if (!(error instanceof StartupRefusal)) {
    dialog.showErrorBox('源选采购工作台无法启动 Sourcing Workbench could not start', message)
    return 'quit'
  }
  const title =
    error.reason === 'newer_schema'
      ? '数据来自更新的版本 Data from a newer version'
      : error.reason === 'locked'
        ? '工作台已在运行 Already running'
        : '数据库已损坏 The database is damaged'
  const offer = error.reason === 'damaged' && restore ? error.backup : undefined
  const buttons = offer ? ['恢复这份备份 Restore this backup', '退出 Quit'] : ['退出 Quit']
  const { response } = await dialog.showMessageBox({
    type: 'error',
    title,
    message: title,
    detail: message,
    buttons,
  })
  if (!offer || !restore || response !== 0) return 'quit'
  await restore(offer)
  return 'restored'
}
