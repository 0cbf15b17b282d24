import { DatesProvider } from '@mantine/dates'
import 'dayjs/locale/zh-cn'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

/** Date pickers speak the UI language (month and weekday names) and start weeks on Monday. */
export function LocalizedDates({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation()
  const locale = i18n.language === 'en' ? 'en' : 'zh-cn'
  return <DatesProvider settings={{ locale, firstDayOfWeek: 1 }}>{children}</DatesProvider>
}
