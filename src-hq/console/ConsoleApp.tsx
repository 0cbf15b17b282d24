import { Center, Loader, MantineProvider } from '@mantine/core'
import { Notifications } from '@mantine/notifications'
import type { i18n as I18n } from 'i18next'
import { useEffect, useMemo, useState } from 'react'
import { I18nextProvider } from 'react-i18next'
import { ApiProvider } from '../../src-renderer/api/ApiProvider'
import { createApiClient } from '../../src-renderer/api/client'
import { LocalizedDates } from '../../src-renderer/app/LocalizedDates'
import { colorSchemeManager, theme } from '../../src-renderer/theme/theme'
import { appCallsOnHq } from './app-calls-on-hq'
import { createHqApi } from './hq-api'
import { HqApiContext } from './hq-api-context'
import { ConsoleShell } from './ConsoleShell'
import { LoginPage } from './pages/LoginPage'

type Session = 'checking' | 'out' | 'in'

/** The HQ console: the renderer's theme, texts and providers around a login and the admin screens. */
export function ConsoleApp({ i18n }: { i18n: I18n }) {
  const [session, setSession] = useState<Session>('checking')
  const hq = useMemo(() => createHqApi(() => setSession('out')), [])
  const client = useMemo(() => createApiClient(appCallsOnHq(hq)), [hq])
  useEffect(() => {
    hq.call('admin.session', {}).then(
      () => setSession('in'),
      () => setSession('out'),
    )
  }, [hq])
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} colorSchemeManager={colorSchemeManager} defaultColorScheme="light">
        {/* Bottom right: the header's actions stay clear while a save is confirmed. */}
        <Notifications position="bottom-right" />
        <LocalizedDates>
          <HqApiContext.Provider value={hq}>
            <ApiProvider client={client}>
              {session === 'checking' ? (
                <Center h="100vh">
                  <Loader />
                </Center>
              ) : session === 'out' ? (
                <LoginPage onLoggedIn={() => setSession('in')} />
              ) : (
                <ConsoleShell onLoggedOut={() => setSession('out')} />
              )}
            </ApiProvider>
          </HqApiContext.Provider>
        </LocalizedDates>
      </MantineProvider>
    </I18nextProvider>
  )
}
