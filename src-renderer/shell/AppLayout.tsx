import { AppShell } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { DraftsNotice } from '../forms/DraftsNotice'
import { UpdateOffer } from '../updates/UpdateOffer'
import { AppHeader } from './AppHeader'
import { NavBar } from './NavBar'
import { RouteView } from './RouteView'
import { ShortcutsDialog } from './ShortcutsDialog'
import { useRoute } from './use-route'

export function AppLayout() {
  const route = useRoute()
  const [opened, { toggle, close }] = useDisclosure(false)
  // Labels print on their own: no header or navbar around the sheet, on screen or on paper.
  if (route.area === 'labels') return <RouteView route={route} />
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <AppHeader navOpened={opened} onToggleNav={toggle} />
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <NavBar route={route} onNavigate={close} />
      </AppShell.Navbar>
      <AppShell.Main>
        <DraftsNotice />
        <UpdateOffer />
        <RouteView route={route} />
        <ShortcutsDialog />
      </AppShell.Main>
    </AppShell>
  )
}
