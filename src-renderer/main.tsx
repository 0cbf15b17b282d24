import '@mantine/core/styles.css'
import '@mantine/notifications/styles.css'
import '@mantine/dates/styles.css'
import '@mantine/charts/styles.css'
import './theme/numbers.css'
import { createRoot } from 'react-dom/client'
import { config as zodConfig } from 'zod'
import { createApiClient, transportFor } from './api/client'
import { App } from './app/App'
import { createI18n } from './i18n/create-i18n'
import { savedLanguage } from './i18n/language'
import { isPrintHash } from './reports/print-route'

// The CSP forbids eval; without this zod would probe it (and log a violation) on first parse.
zodConfig({ jitless: true })

// The transport takes the launch secret out of the URL fragment before the router reads the hash.
const client = createApiClient(transportFor(window))
const language = savedLanguage(window.localStorage)
document.documentElement.lang = language
const i18n = createI18n(language)

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root')
if (isPrintHash(window.location.hash)) {
  // A report page for the printers: its own small tree, which loads the font before it renders.
  void import('./reports/print-entry').then((m) => m.renderPrintPage(root, client))
} else {
  createRoot(root).render(<App i18n={i18n} client={client} />)
  // The bundled font's stylesheet declares ~300 unicode-range faces; parsing it before the first paint
  // cost ~40 ms. Loaded right after, it swaps in over the system CJK font (next in the theme's stack).
  requestAnimationFrame(() => void import('./theme/fonts'))
}
