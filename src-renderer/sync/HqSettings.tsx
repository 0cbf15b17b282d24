import { Anchor, Button, Code, Group, Paper, Skeleton, Stack, Text, TextInput } from '@mantine/core'
import { IconPlugConnected } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CallResult } from '@core/api/contract'
import { ApiCallError } from '../api/api-call-error'
import { useCall } from '../api/use-call'
import { useMutation } from '../api/use-mutation'
import { ErrorAlert } from '../common/ErrorAlert'
import { FieldMessage } from '../common/FieldMessage'
import { SyncNowControl } from './SyncNowControl'
import { SyncReportSummary } from './SyncReportSummary'
import { useSyncProgress } from './use-sync-progress'
import { LocalOnlyNote } from './LocalOnlyNote'
import { UnsentCount } from './UnsentCount'

type SyncStatus = CallResult<'sync.status'>
type FieldKey = 'hqUrl' | 'code' | 'deviceName'
type FieldErrors = Partial<Record<FieldKey, { messageKey: string; params?: Record<string, string | number> }>>

/** Settings → HQ sync: enrol with an address and a one-time code, then the device's status and Sync now. */
export function HqSettings() {
  const { t } = useTranslation()
  const status = useCall('sync.status', {})
  const profile = useCall('profile.get', {})
  const [reenrol, setReenrol] = useState(false)
  return (
    <Paper withBorder p="md" data-testid="hq-settings">
      <Group gap="xs" mb={4}>
        <IconPlugConnected size={18} />
        <Text fw={500}>{t('hq.title')}</Text>
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        {t('hq.intro')}
      </Text>
      {status.error ? <ErrorAlert error={status.error} /> : null}
      {!status.data || !profile.data ? (
        <Skeleton h={160} />
      ) : status.data.enrolled && !reenrol ? (
        <EnrolledStatus status={status.data} onReenrol={() => setReenrol(true)} />
      ) : (
        <EnrolForm
          localOnlyRecords={status.data.localOnlyRecords}
          initialUrl={status.data.hqUrl ?? ''}
          initialName={
            status.data.deviceName ??
            (profile.data.buyerName.trim()
              ? t('hq.deviceNameDefault', { name: profile.data.buyerName.trim() })
              : t('hq.deviceNameFallback'))
          }
          onEnrolled={() => setReenrol(false)}
        />
      )}
    </Paper>
  )
}

function EnrolForm({
  localOnlyRecords,
  initialUrl,
  initialName,
  onEnrolled,
}: {
  /** Demo records, which enrolling does not send. */
  localOnlyRecords: number
  initialUrl: string
  initialName: string
  onEnrolled: () => void
}) {
  const { t } = useTranslation()
  const [hqUrl, setHqUrl] = useState(initialUrl)
  const [code, setCode] = useState('')
  const [deviceName, setDeviceName] = useState(initialName)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [failure, setFailure] = useState<unknown>()
  const enrol = useMutation('sync.enrol')
  const submit = async () => {
    setErrors({})
    setFailure(undefined)
    try {
      await enrol.run({ hqUrl, code, deviceName })
      onEnrolled()
    } catch (caught) {
      const fields = caught instanceof ApiCallError ? caught.apiError.fields : []
      const next: FieldErrors = {}
      for (const field of fields) {
        const key = field.path[0] as FieldKey
        if ((key === 'hqUrl' || key === 'code' || key === 'deviceName') && !next[key]) next[key] = field
      }
      if (Object.keys(next).length > 0) setErrors(next)
      else setFailure(caught)
    }
  }
  const message = (key: FieldKey) => {
    const error = errors[key]
    return error ? <FieldMessage messageKey={error.messageKey} params={error.params} /> : undefined
  }
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault()
        void submit()
      }}
    >
      <Stack gap="sm" maw={520}>
        <TextInput
          label={t('hq.url')}
          placeholder={t('hq.urlPlaceholder')}
          value={hqUrl}
          onChange={(e) => setHqUrl(e.currentTarget.value)}
          error={message('hqUrl')}
          data-testid="hq-url"
        />
        <TextInput
          label={t('hq.code')}
          description={t('hq.codeHint')}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          error={message('code')}
          autoComplete="off"
          spellCheck={false}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          data-testid="hq-code"
        />
        <TextInput
          label={t('hq.deviceName')}
          description={t('hq.deviceNameHint')}
          value={deviceName}
          onChange={(e) => setDeviceName(e.currentTarget.value)}
          error={message('deviceName')}
          data-testid="hq-device-name"
        />
        {failure ? <ErrorAlert error={failure} /> : null}
        <LocalOnlyNote records={localOnlyRecords} />
        <Group>
          <Button type="submit" loading={enrol.pending} data-testid="hq-enrol">
            {t('hq.enrol')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Group gap="sm" wrap="nowrap" align="baseline">
      <Text size="sm" c="dimmed" w={110} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Group>
  )
}

function EnrolledStatus({ status, onReenrol }: { status: SyncStatus; onReenrol: () => void }) {
  const { t } = useTranslation()
  const control = useSyncProgress()
  return (
    <Stack gap="md">
      <Stack gap={6} data-testid="hq-status">
        <Text size="sm" c="teal" fw={500}>
          {t('hq.enrolled')}
        </Text>
        <Fact label={t('hq.status.url')}>
          <Code>{status.hqUrl}</Code>
        </Fact>
        <Fact label={t('hq.status.deviceName')}>{status.deviceName ?? t('common.none')}</Fact>
        <Fact label={t('hq.status.deviceId')}>
          <Code>{status.hqDeviceId}</Code>
        </Fact>
        <Fact label={t('hq.status.unsent')}>
          <UnsentCount status={status} testId="hq-unsent" />
          <LocalOnlyNote records={status.localOnlyRecords} />
        </Fact>
        <Fact label={t('hq.status.lastSync')}>
          <SyncReportSummary report={control.progress?.last ?? status.lastSync} />
        </Fact>
      </Stack>
      <SyncNowControl control={control} />
      <Group gap="lg">
        <Anchor href="#/sync" size="sm">
          {t('hq.openSync')}
        </Anchor>
        <Anchor component="button" type="button" size="sm" c="dimmed" onClick={onReenrol}>
          {t('hq.reenrol')}
        </Anchor>
      </Group>
    </Stack>
  )
}
