import { Badge, Group, Stack, Text, Tooltip } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../factories/format'
import type { SyncProgress } from './use-sync-progress'

export type SyncReport = NonNullable<SyncProgress['last']>

const OUTCOME_COLORS: Record<SyncReport['outcome'], string> = {
  ok: 'teal',
  offline: 'gray',
  unauthorized: 'red',
  clock_drift: 'orange',
  refused: 'red',
  cancelled: 'yellow',
}

const COUNTS = ['pushed', 'pulled', 'applied', 'conflicts', 'rejected'] as const

/** The last sync in words: when, how it ended, and what went up and came down. */
export function SyncReportSummary({ report, testId }: { report: SyncReport | null; testId?: string }) {
  const { t } = useTranslation()
  if (!report) {
    return (
      <Text size="sm" c="dimmed" data-testid={testId}>
        {t('sync.never')}
      </Text>
    )
  }
  // Photo counts arrive with photo sync; shown when the report carries them.
  const photos = (report as { photosUp?: number; photosDown?: number }).photosUp
  return (
    <Stack gap={6} data-testid={testId} data-outcome={report.outcome}>
      <Group gap="sm">
        <Badge color={OUTCOME_COLORS[report.outcome]} variant="light" tt="none" size="lg" fw={500}>
          {t(`sync.outcome.${report.outcome}`)}
        </Badge>
        <Text size="sm" c="dimmed">
          {formatDateTime(report.finishedAt || report.startedAt)}
        </Text>
      </Group>
      <Group gap="lg">
        {COUNTS.map((key) => (
          <Tooltip key={key} label={t(`sync.countsHint.${key}`)}>
            <Text size="sm" data-testid={`sync-count-${key}`}>
              <Text span c="dimmed" size="sm">
                {t(`sync.counts.${key}`)}
              </Text>{' '}
              <Text span fw={600} size="sm">
                {report[key].toLocaleString()}
              </Text>
            </Text>
          </Tooltip>
        ))}
        {photos !== undefined ? (
          <Text size="sm">
            <Text span c="dimmed" size="sm">
              {t('sync.counts.photos')}
            </Text>{' '}
            <Text span fw={600} size="sm">
              {photos.toLocaleString()}
            </Text>
          </Text>
        ) : null}
      </Group>
    </Stack>
  )
}
