import { Button, Chip, Group, Text, TextInput } from '@mantine/core'
import { FACTORY_STATUSES, type FactoryStatus } from '@core/factories/factories.contract'
import { IconPlus, IconSearch } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'

export function FactoryToolbar({
  search,
  onSearch,
  statuses,
  onStatuses,
  countText,
  onCreate,
  actions,
}: {
  search: string
  onSearch: (value: string) => void
  statuses: FactoryStatus[]
  onStatuses: (value: FactoryStatus[]) => void
  /** 'N factories', or empty while the first load runs. */
  countText: string
  onCreate: () => void
  /** Buttons shown before "new factory" (import, export). */
  actions?: React.ReactNode
}) {
  const { t } = useTranslation()
  return (
    <Group justify="space-between" gap="sm" wrap="wrap">
      <Group gap="sm" wrap="wrap">
        <TextInput
          value={search}
          onChange={(event) => onSearch(event.currentTarget.value)}
          placeholder={t('factories.searchPlaceholder')}
          aria-label={t('factories.search')}
          leftSection={<IconSearch size={16} />}
          w={380}
          maxLength={100}
          data-testid="factory-search"
        />
        <Chip.Group multiple value={statuses} onChange={(value) => onStatuses(value as FactoryStatus[])}>
          <Group gap={6} aria-label={t('factories.statusFilter')} role="group">
            {FACTORY_STATUSES.map((status) => (
              <Chip
                key={status}
                value={status}
                size="xs"
                variant="outline"
                data-testid={`status-filter-${status}`}
              >
                {t(`status.${status}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </Group>
      <Group gap="md">
        <Text size="sm" c="dimmed" data-testid="factory-count">
          {countText}
        </Text>
        {actions}
        <Button leftSection={<IconPlus size={16} />} onClick={onCreate} data-testid="factory-new">
          {t('factories.new')}
        </Button>
      </Group>
    </Group>
  )
}
