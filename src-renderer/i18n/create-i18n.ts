import i18next, { type i18n } from 'i18next'
import { initReactI18next } from 'react-i18next'
import { en } from './en'
import type { Language } from './language'
import { zhCN } from './zh-CN'

export const resources = {
  'zh-CN': { translation: zhCN },
  en: { translation: en },
} as const

/** A fresh i18next instance (one per app start; tests make their own). */
export function createI18n(language: Language): i18n {
  const instance = i18next.createInstance()
  void instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'zh-CN',
    // React escapes; double escaping would show &quot; in factory names.
    interpolation: { escapeValue: false },
    initAsync: false,
  })
  return instance
}
