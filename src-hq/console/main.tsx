import '@mantine/core/styles.css'
import '@mantine/notifications/styles.css'
import '@mantine/dates/styles.css'
import '../../src-renderer/theme/numbers.css'
import { createRoot } from 'react-dom/client'
import { config as zodConfig } from 'zod'
import { createI18n } from '../../src-renderer/i18n/create-i18n'
import { savedLanguage } from '../../src-renderer/i18n/language'
import { ConsoleApp } from './ConsoleApp'

// The CSP forbids eval; without this zod would probe it (and log a violation) on first parse.
zodConfig({ jitless: true })

const language = savedLanguage(window.localStorage)
document.documentElement.lang = language
const i18n = createI18n(language)

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root')
createRoot(root).render(<ConsoleApp i18n={i18n} />)
requestAnimationFrame(() => void import('../../src-renderer/theme/fonts'))
