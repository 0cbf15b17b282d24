import { MantineProvider } from '@mantine/core'
import { Notifications } from '@mantine/notifications'
import type { i18n as I18n } from 'i18next'
import { I18nextProvider } from 'react-i18next'
import { ApiProvider } from '../api/ApiProvider'
import type { ApiClient } from '../api/client'
import { AppLayout } from '../shell/AppLayout'
import { LocalizedDates } from './LocalizedDates'
import { colorSchemeManager, theme } from '../theme/theme'
import { useFontsAfterFirstPaint } from '../theme/use-fonts-after-first-paint'

export function App({ i18n, client }: { i18n: I18n; client: ApiClient }) {
  useFontsAfterFirstPaint()
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} colorSchemeManager={colorSchemeManager} defaultColorScheme="light">
        <Notifications position="top-right" />
        <LocalizedDates>
          <ApiProvider client={client}>
            <AppLayout />
          </ApiProvider>
        </LocalizedDates>
      </MantineProvider>
    </I18nextProvider>
  )
}
