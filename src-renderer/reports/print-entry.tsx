import '../app/zod-jitless'
import { MantineProvider } from '@mantine/core'
import { createRoot } from 'react-dom/client'
import { I18nextProvider } from 'react-i18next'
import { ApiProvider } from '../api/ApiProvider'
import type { ApiClient } from '../api/client'
import { createI18n } from '../i18n/create-i18n'
import { LANGUAGES, type Language } from '../i18n/language'
import { theme } from '../theme/theme'
import { PrintView } from './PrintView'
import { parsePrintHash } from './print-route'
import './print.css'

/**
 * Renders a print page instead of the app shell: always the light scheme, the language the exporter
 * asked for, and the bundled CJK font loaded before anything is marked ready (the printers wait for
 * data-print-ready on <html>).
 */
export async function renderPrintPage(root: HTMLElement, client: ApiClient): Promise<void> {
  const route = parsePrintHash(window.location.hash)
  const language: Language = LANGUAGES.includes(route?.language as Language)
    ? (route?.language as Language)
    : 'zh-CN'
  document.documentElement.lang = language
  // The font stylesheet first: its faces must be declared before the report's text asks for them.
  await import('../theme/fonts')
  const i18n = createI18n(language)
  createRoot(root).render(
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} forceColorScheme="light">
        <ApiProvider client={client}>
          <PrintView route={route} />
        </ApiProvider>
      </MantineProvider>
    </I18nextProvider>,
  )
}
