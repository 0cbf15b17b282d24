import { dialog } from 'electron'
import { StartupRefusal } from '../core/guard/startup-check'

/**
 * The dialog for a start that was refused or failed. A StartupRefusal's message already says, in
 * Chinese and English, what is wrong and what to do (install the newer version, close the other app,
 * restore the offered backup); anything else is shown as the error it is.
 */
export async function showStartupFailure(error: unknown): Promise<void> {
  const message = error instanceof Error ? error.message : String(error)
  if (!(error instanceof StartupRefusal)) {
    dialog.showErrorBox('源选采购工作台无法启动 Sourcing Workbench could not start', message)
    return
  }
  const title =
    error.reason === 'newer_schema'
      ? '数据来自更新的版本 Data from a newer version'
      : error.reason === 'locked'
        ? '工作台已在运行 Already running'
        : '数据库已损坏 The database is damaged'
  await dialog.showMessageBox({
    type: 'error',
    title,
    message: title,
    detail: message,
    buttons: ['退出 Quit'],
  })
}
