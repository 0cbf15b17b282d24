import { SegmentedControl } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { LANGUAGES, saveLanguage, type Language } from '../i18n/language'

export function LanguageSwitch({ testId }: { testId?: string }) {
  const { t, i18n } = useTranslation()
  const change = (value: string) => {
    const language = value as Language
    saveLanguage(window.localStorage, language)
    document.documentElement.lang = language
    void i18n.changeLanguage(language)
  }
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('header.language')}
      data-testid={testId}
      value={i18n.language}
      onChange={change}
      data={LANGUAGES.map((lng) => ({ value: lng, label: t(`language.${lng}`) }))}
    />
  )
}
