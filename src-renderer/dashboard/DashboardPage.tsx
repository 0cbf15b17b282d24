import { Anchor, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core'
import { FACTORY_STATUSES } from '@core/factories/factories.contract'
import { useTranslation } from 'react-i18next'
import { useCall } from '../api/use-call'
import { ErrorAlert } from '../common/ErrorAlert'
import { StatusBadge } from '../factories/StatusBadge'
import { AppInfoFacts } from '../system/AppInfoFacts'
import { TargetSummaryCard } from '../targets/TargetSummaryCard'
import { TodayLists } from '../today/TodayLists'

/**
 * The home page (工作台): what needs doing today first, then the overview a buyer still needs (factories
 * by status, SKU targets, this laptop).
 */
export function DashboardPage() {
  const { t } = useTranslation()
  // Counts only: the dashboard never loads the list itself.
  const factories = useCall('factories.stats', {})

  return (
    <Stack gap="md" maw={1100}>
      <Title order={2}>{t('today.title')}</Title>
      <TodayLists />
      <Title order={3} mt="md">
        {t('today.overview')}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Paper withBorder p="md">
          <Group justify="space-between" align="flex-start">
            <Stack gap={2}>
              <Text size="sm" c="dimmed">
                {t('dashboard.factories')}
              </Text>
              {factories.data ? (
                <Text fz={36} fw={700} lh={1.1} data-testid="dashboard-factory-count">
                  {factories.data.total.toLocaleString()}
                </Text>
              ) : (
                <Skeleton h={40} w={80} />
              )}
            </Stack>
            <Anchor href="#/factories" size="sm">
              {t('dashboard.openFactories')}
            </Anchor>
          </Group>
          {factories.error ? <ErrorAlert error={factories.error} title={t('dashboard.loadFailed')} /> : null}
          <Text size="sm" c="dimmed" mt="md" mb={6}>
            {t('dashboard.byStatus')}
          </Text>
          <SimpleGrid cols={4} spacing="xs">
            {FACTORY_STATUSES.map((status) => (
              <Stack key={status} gap={4} align="flex-start">
                <StatusBadge status={status} />
                <Text fw={600} size="lg" data-testid={`dashboard-status-${status}`}>
                  {factories.data ? factories.data.byStatus[status].toLocaleString() : '…'}
                </Text>
              </Stack>
            ))}
          </SimpleGrid>
        </Paper>
        <TargetSummaryCard />
        <Paper withBorder p="md">
          <Text size="sm" c="dimmed" mb="xs">
            {t('dashboard.device')}
          </Text>
          <AppInfoFacts />
        </Paper>
      </SimpleGrid>
    </Stack>
  )
}
