import { Group, Kbd, Text, UnstyledButton } from '@mantine/core'
import { useHotkeys } from '@mantine/hooks'
import { IconSearch } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { SearchPalette } from './SearchPalette'

/** The search box in the header; it and Ctrl+K (Cmd+K on a Mac) open the search palette. */
export function HeaderSearch() {
  const { t } = useTranslation()
  const [opened, setOpened] = useState(false)
  const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform)
  useHotkeys([['mod+K', () => setOpened(true)]], [])
  return (
    <>
      <UnstyledButton
        data-testid="header-search"
        aria-label={t('search.label')}
        onClick={() => setOpened(true)}
        px="sm"
        py={6}
        w={{ base: 40, sm: 220 }}
        style={{
          border: '1px solid var(--mantine-color-default-border)',
          borderRadius: 'var(--mantine-radius-sm)',
        }}
      >
        <Group gap="xs" wrap="nowrap" justify="space-between">
          <Group gap={6} wrap="nowrap">
            <IconSearch size={16} />
            <Text size="sm" c="dimmed" visibleFrom="sm">
              {t('search.label')}
            </Text>
          </Group>
          <Kbd size="xs" visibleFrom="sm">
            {isMac ? '⌘ K' : 'Ctrl K'}
          </Kbd>
        </Group>
      </UnstyledButton>
      <SearchPalette opened={opened} onClose={() => setOpened(false)} />
    </>
  )
}
