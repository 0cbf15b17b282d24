import { Group, Progress, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'

/** Planned factories visited out of all planned, as words and a bar. */
export function TourProgress({
  visited,
  planned,
  size = 'sm',
}: {
  visited: number
  planned: number
  size?: 'sm' | 'md'
}) {
  const { t } = useTranslation()
  const percent = planned > 0 ? Math.round((visited / planned) * 100) : 0
  return (
    <Stack gap={4} data-testid="tour-progress">
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size={size === 'md' ? 'sm' : 'xs'} c="dimmed">
          {planned > 0 ? t('tours.progress', { visited, planned }) : t('tours.noPlan')}
        </Text>
        {planned > 0 ? (
          <Text size={size === 'md' ? 'sm' : 'xs'} fw={500} className="num">
            {percent}%
          </Text>
        ) : null}
      </Group>
      <Progress
        value={percent}
        size={size === 'md' ? 'lg' : 'sm'}
        color={visited === planned && planned > 0 ? 'teal' : 'blue'}
        aria-label={t('tours.progress', { visited, planned })}
      />
    </Stack>
  )
}
