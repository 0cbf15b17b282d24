import { AppShell, Burger, Button, Group, NavLink, Stack, Text } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import {
  IconBuildingWarehouse,
  IconCategory,
  IconChartBar,
  IconDeviceLaptop,
  IconKey,
  IconLogout,
  IconPackage,
  IconTag,
  IconCloudUpload,
} from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { LanguageSwitch } from '../../src-renderer/shell/LanguageSwitch'
import { ColorSchemeToggle } from '../../src-renderer/theme/ColorSchemeToggle'
import { CONSOLE_PAGES, consoleHref, useConsoleRoute, type ConsolePage } from './console-route'
import { useHqApi } from './hq-api-context'
import { BenchmarksPage } from './pages/BenchmarksPage'
import { CategoriesPage } from './pages/CategoriesPage'
import { CodesPage } from './pages/CodesPage'
import { DemandPage } from './pages/DemandPage'
import { DevicesPage } from './pages/DevicesPage'
import { SkuBriefsPage } from './pages/SkuBriefsPage'
import { UpdatesPage } from './pages/UpdatesPage'

const ICONS: Record<ConsolePage, ReactNode> = {
  codes: <IconKey size={18} />,
  devices: <IconDeviceLaptop size={18} />,
  skus: <IconPackage size={18} />,
  benchmarks: <IconTag size={18} />,
  demand: <IconChartBar size={18} />,
  categories: <IconCategory size={18} />,
  updates: <IconCloudUpload size={18} />,
}

/** Header, navigation and the current screen, once the admin is logged in. */
export function ConsoleShell({ onLoggedOut }: { onLoggedOut: () => void }) {
  const { t } = useTranslation()
  const hq = useHqApi()
  const route = useConsoleRoute()
  const [opened, { toggle, close }] = useDisclosure(false)
  const logout = () => {
    // Logged out here whatever HQ answers: the cookie is cleared on its side or already dead.
    hq.call('admin.logout', {}).finally(onLoggedOut)
  }
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('header.openNav')}
            />
            <IconBuildingWarehouse size={22} color="var(--mantine-primary-color-filled)" />
            <Text fw={700} size="lg" data-testid="console-title">
              {t('hqConsole.title')}
            </Text>
            <Text c="dimmed" size="sm" visibleFrom="md">
              {t('hqConsole.subtitle')}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitch testId="language-switch" />
            <ColorSchemeToggle />
            <Button
              variant="default"
              leftSection={<IconLogout size={16} />}
              onClick={logout}
              data-testid="logout"
            >
              {t('hqConsole.logout')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <Stack gap={2}>
          {CONSOLE_PAGES.map((page) => (
            <NavLink
              key={page}
              href={consoleHref(page)}
              label={t(`hqConsole.nav.${page}`)}
              leftSection={ICONS[page]}
              active={route.page === page}
              onClick={close}
              data-testid={`nav-${page}`}
            />
          ))}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main>
        {route.page === 'codes' ? <CodesPage /> : null}
        {route.page === 'devices' ? <DevicesPage /> : null}
        {route.page === 'skus' ? <SkuBriefsPage /> : null}
        {route.page === 'benchmarks' ? <BenchmarksPage skuId={route.skuId} /> : null}
        {route.page === 'demand' ? <DemandPage /> : null}
        {route.page === 'categories' ? <CategoriesPage /> : null}
        {route.page === 'updates' ? <UpdatesPage /> : null}
      </AppShell.Main>
    </AppShell>
  )
}
