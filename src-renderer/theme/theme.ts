import { createTheme, localStorageColorSchemeManager } from '@mantine/core'
import './font-stack.css'

// Declared in font-stack.css, where it depends on the page's language.
const FONT_FAMILY = 'var(--workbench-font-stack)'

export const theme = createTheme({
  fontFamily: FONT_FAMILY,
  headings: { fontFamily: FONT_FAMILY, fontWeight: '700' },
  primaryColor: 'orange',
  primaryShade: { light: 7, dark: 6 },
  defaultRadius: 'sm',
})

/** Light/dark choice survives restarts on this device. */
export const colorSchemeManager = localStorageColorSchemeManager({ key: 'workbench.color-scheme' })
