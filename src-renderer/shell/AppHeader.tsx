import { Burger, Group, Text } from '@mantine/core'
import { IconBuildingFactory } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { HeaderSearch } from '../search/HeaderSearch'
import { SyncIndicator } from '../sync/SyncIndicator'
import { ColorSchemeToggle } from '../theme/ColorSchemeToggle'
import { LanguageSwitch } from './LanguageSwitch'

export function AppHeader({ navOpened, onToggleNav }: { navOpened: boolean; onToggleNav: () => void }) {
  const { t } = useTranslation()
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="xs" wrap="nowrap">
        <Burger
          opened={navOpened}
          onClick={onToggleNav}
          hiddenFrom="sm"
          size="sm"
          aria-label={t('header.openNav')}
        />
        <IconBuildingFactory size={22} color="var(--mantine-primary-color-filled)" />
        <Text fw={700} size="lg" style={{ whiteSpace: 'nowrap' }} data-testid="app-name">
          {t('app.name')}
        </Text>
        {/* Below lg the tagline gives way to the search box and the sync indicator. */}
        <Text c="dimmed" size="sm" visibleFrom="lg">
          {t('app.tagline')}
        </Text>
      </Group>
      <Group gap="sm" wrap="nowrap">
        <HeaderSearch />
        <SyncIndicator />
        <LanguageSwitch testId="language-switch" />
        <ColorSchemeToggle />
      </Group>
    </Group>
  )
}
