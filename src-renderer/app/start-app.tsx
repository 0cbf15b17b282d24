import './zod-jitless'
import { createRoot } from 'react-dom/client'
import type { ApiClient } from '../api/client'
import { createI18n } from '../i18n/create-i18n'
import { savedLanguage } from '../i18n/language'
import { App } from './App'

/** Renders the app shell into `root`; loaded by main.tsx once the page's first call is under way. */
export function startApp(root: HTMLElement, client: ApiClient): void {
  const language = savedLanguage(window.localStorage)
  document.documentElement.lang = language
  createRoot(root).render(<App i18n={createI18n(language)} client={client} />)
}
