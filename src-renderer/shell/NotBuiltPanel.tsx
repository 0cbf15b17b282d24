import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { PlannedArea } from './route'

/** An area that does not exist yet says so, and says what it will do; it never shows fake data. */
export function NotBuiltPanel({ area }: { area: PlannedArea }) {
  const { t } = useTranslation()
  return (
    <Stack maw={760} gap="md" data-testid="not-built">
      <Group gap="sm">
        <Title order={2}>{t(`nav.${area}`)}</Title>
        <Badge variant="light" color="gray" tt="none">
          {t('common.notBuilt')}
        </Badge>
      </Group>
      <Paper withBorder p="lg">
        <Stack gap="xs">
          <Text fw={500}>{t('notBuilt.title')}</Text>
          <Text c="dimmed" size="sm">
            {t('notBuilt.note')}
          </Text>
          <Text>{t(`notBuilt.${area}`)}</Text>
        </Stack>
      </Paper>
    </Stack>
  )
}
