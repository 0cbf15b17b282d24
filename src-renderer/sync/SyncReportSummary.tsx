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
  const movedPhotos = report.photosUp + report.photosDown > 0
  const failures = report.photoFailures.map((f) =>
    t('sync.photos.failure', {
      hash: f.sha256.slice(0, 8),
      direction: t(`sync.photos.${f.direction}`),
      code: f.code,
    }),
  )
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
        {movedPhotos ? (
          <Tooltip label={t('sync.photos.hint')}>
            <Text size="sm" data-testid="sync-count-photos">
              <Text span c="dimmed" size="sm">
                {t('sync.counts.photos')}
              </Text>{' '}
              <Text span fw={600} size="sm">
                ↑{report.photosUp.toLocaleString()} ↓{report.photosDown.toLocaleString()}
              </Text>
            </Text>
          </Tooltip>
        ) : null}
      </Group>
      {report.photoErrors > 0 ? (
        <Tooltip label={failures.join('\n')} multiline style={{ whiteSpace: 'pre-line' }}>
          <Text size="sm" c="orange.8" data-testid="sync-photo-errors">
            {t('sync.photos.errors', { count: report.photoErrors })}
          </Text>
        </Tooltip>
      ) : null}
      {report.resent > 0 ? (
        <Text size="sm" c="orange.8" data-testid="sync-resent">
          {t('sync.resent', { count: report.resent })}
        </Text>
      ) : null}
      {report.photosWaiting > 0 ? (
        <Text size="sm" c="dimmed" data-testid="sync-photos-waiting">
          {t('sync.photos.waiting', { count: report.photosWaiting })}
        </Text>
      ) : null}
    </Stack>
  )
}
