import { app, Menu, type MenuItemConstructorOptions } from 'electron'

/** The application menu: standard edit/view/window roles (copy-paste and zoom work as users expect). */
export function buildAppMenu(): Menu {
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    { label: '文件 File', submenu: [{ role: 'quit', label: '退出 Quit' }] },
    { role: 'editMenu', label: '编辑 Edit' },
    {
      label: '视图 View',
      submenu: [
        { role: 'reload' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
      ],
    },
    { role: 'windowMenu', label: '窗口 Window' },
  ]
  return Menu.buildFromTemplate(template)
}
