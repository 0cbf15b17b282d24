import { Alert, Anchor, Code, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core'
import { IconPlugConnectedX } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useCall } from '../api/use-call'
import { ErrorAlert } from '../common/ErrorAlert'
import { ClockNote } from './ClockNote'
import { ConflictList } from './ConflictList'
import { DeleteConflictList } from './DeleteConflictList'
import { RejectionList } from './RejectionList'
import { RevokedNotice } from './RevokedNotice'
import { QuarantineList } from './QuarantineList'
import { LocalOnlyNote } from './LocalOnlyNote'
import { UnsentCount } from './UnsentCount'
import { SyncNowControl } from './SyncNowControl'
import { SyncReportSummary } from './SyncReportSummary'
import { useSyncProgress } from './use-sync-progress'

/** The Sync screen: the last sync, Sync now with progress and cancel, conflicts and refused changes. */
export function SyncPage() {
  const { t } = useTranslation()
  const status = useCall('sync.status', {})
  const control = useSyncProgress()
  return (
    <Stack gap="md" maw={900} data-testid="sync-page">
      <div>
        <Title order={2}>{t('sync.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('sync.intro')}
        </Text>
      </div>
      {status.error ? <ErrorAlert error={status.error} /> : null}
      {!status.data ? (
        <Skeleton h={140} />
      ) : status.data.revokedAt ? (
        <RevokedNotice status={{ ...status.data, revokedAt: status.data.revokedAt }} />
      ) : !status.data.enrolled ? (
        <Alert
          color="yellow"
          variant="light"
          icon={<IconPlugConnectedX size={18} />}
          title={t('sync.notEnrolled.title')}
          data-testid="sync-not-enrolled"
        >
          <Text size="sm" mb="xs">
            {t('sync.notEnrolled.body')}
          </Text>
          <Anchor href="#/settings" size="sm" fw={500}>
            {t('sync.notEnrolled.link')}
          </Anchor>
        </Alert>
      ) : (
        <>
          <Paper withBorder p="md">
            <Group justify="space-between" align="flex-start" mb="sm">
              <Text fw={500}>{t('sync.lastTitle')}</Text>
              <Text size="xs" c="dimmed">
                {status.data.deviceName} → <Code>{status.data.hqUrl}</Code>
              </Text>
            </Group>
            <Stack gap="md">
              <SyncReportSummary report={control.progress?.last ?? status.data.lastSync} testId="sync-last" />
              <Text size="sm">
                <Text span c="dimmed" size="sm">
                  {t('hq.status.unsent')}
                </Text>{' '}
                <Text span fw={600} size="sm">
                  <UnsentCount status={status.data} testId="sync-unsent" />
                </Text>
              </Text>
              <LocalOnlyNote records={status.data.localOnlyRecords} />
              <ClockNote clock={status.data.clock} />
              <SyncNowControl control={control} />
            </Stack>
          </Paper>
          <DeleteConflictList />
          <ConflictList />
          <RejectionList />
          <QuarantineList />
        </>
      )}
    </Stack>
  )
}
