/** The languages the UI speaks; the first is the default. */
export const LANGUAGES = ['zh-CN', 'en'] as const
export type Language = (typeof LANGUAGES)[number]

const STORAGE_KEY = 'workbench.language'

function isLanguage(value: unknown): value is Language {
  return LANGUAGES.includes(value as Language)
}

/** The language chosen before (this device), else Chinese. */
export function savedLanguage(storage: Storage): Language {
  const value = storage.getItem(STORAGE_KEY)
  return isLanguage(value) ? value : 'zh-CN'
}

export function saveLanguage(storage: Storage, language: Language): void {
  storage.setItem(STORAGE_KEY, language)
}
