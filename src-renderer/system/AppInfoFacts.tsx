import { Code, Group, Skeleton, Stack, Text, Tooltip } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useCall } from '../api/use-call'
import { ErrorAlert } from '../common/ErrorAlert'

function Fact({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <Group gap="sm" wrap="nowrap" align="baseline">
      <Text size="sm" c="dimmed" w={110} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ minWidth: 0, overflowWrap: 'anywhere' }} data-testid={testId}>
        {children}
      </Text>
    </Group>
  )
}

/** Facts about this installation, straight from app.info. */
export function AppInfoFacts() {
  const { t } = useTranslation()
  const info = useCall('app.info', {})
  if (info.error) return <ErrorAlert error={info.error} title={t('dashboard.loadFailed')} />
  if (!info.data) return <Skeleton h={120} />
  const { host, version, deviceId, dataDir, unsentRecords } = info.data
  return (
    <Stack gap={6}>
      <Fact label={t('dashboard.host')}>
        {t(`host.${host}`)} · {t('dashboard.version')} {version}
      </Fact>
      <Fact label={t('dashboard.deviceId')}>
        <Code>{deviceId}</Code>
      </Fact>
      <Fact label={t('dashboard.dataDir')}>
        <Code>{dataDir}</Code>
      </Fact>
      <Fact label={t('dashboard.unsent')} testId="unsent-changes">
        <Tooltip label={t('dashboard.unsentHint')}>
          <span>{unsentRecords.toLocaleString()}</span>
        </Tooltip>
      </Fact>
    </Stack>
  )
}
