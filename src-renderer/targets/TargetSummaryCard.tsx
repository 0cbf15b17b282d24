import { Anchor, Group, Paper, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core'
import type { SkuTargetStatus } from '@core/targets/targets.contract'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useCall } from '../api/use-call'
import { ErrorAlert } from '../common/ErrorAlert'
import { TargetStatusBadge, TARGET_STATUSES } from './TargetStatusBadge'

/** The dashboard's view of the targets: how many SKUs meet, nearly meet or miss, and the way in. */
export function TargetSummaryCard() {
  const { t } = useTranslation()
  const rows = useCall('targets.dashboard', {})
  const counts = useMemo(() => {
    const c = new Map<SkuTargetStatus, number>()
    for (const row of rows.data ?? []) c.set(row.status, (c.get(row.status) ?? 0) + 1)
    return c
  }, [rows.data])
  return (
    <Paper withBorder p="md" data-testid="dashboard-targets">
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Text size="sm" c="dimmed">
            {t('dashboard.targets')}
          </Text>
          {rows.data ? (
            <Text fz={36} fw={700} lh={1.1} data-testid="dashboard-sku-count">
              {rows.data.length.toLocaleString()}
            </Text>
          ) : (
            <Skeleton h={40} w={80} />
          )}
        </Stack>
        <Anchor href="#/targets" size="sm">
          {t('dashboard.openTargets')}
        </Anchor>
      </Group>
      {rows.error ? <ErrorAlert error={rows.error} title={t('dashboard.loadFailed')} /> : null}
      <SimpleGrid cols={5} spacing="xs" mt="md">
        {TARGET_STATUSES.map((status) => (
          <Stack key={status} gap={4} align="flex-start">
            <TargetStatusBadge status={status} />
            <Text fw={600} size="lg" data-testid={`dashboard-target-${status}`}>
              {rows.data ? (counts.get(status) ?? 0).toLocaleString() : '…'}
            </Text>
          </Stack>
        ))}
      </SimpleGrid>
    </Paper>
  )
}
