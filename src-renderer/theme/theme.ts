import { createTheme, localStorageColorSchemeManager } from '@mantine/core'

const FONT_FAMILY =
  "'Noto Sans SC', system-ui, -apple-system, 'Segoe UI', 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif"

export const theme = createTheme({
  fontFamily: FONT_FAMILY,
  headings: { fontFamily: FONT_FAMILY, fontWeight: '700' },
  primaryColor: 'orange',
  primaryShade: { light: 7, dark: 6 },
  defaultRadius: 'sm',
})

/** Light/dark choice survives restarts on this device. */
export const colorSchemeManager = localStorageColorSchemeManager({ key: 'workbench.color-scheme' })
