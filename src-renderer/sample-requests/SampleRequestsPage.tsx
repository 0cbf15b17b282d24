import { Button, Checkbox, Group, SegmentedControl, Skeleton, Stack, Text, Title } from '@mantine/core'
import { SAMPLE_REQUEST_STATUSES, type SampleRequestStatus } from '@core/domain/sample-request'
import { IconPlus } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useCall } from '../api/use-call'
import { ErrorAlert } from '../common/ErrorAlert'
import { FactorySelect } from '../quotes/FactorySelect'
import { NewRequestModal, RuleNote } from './request-forms'
import { SampleRequestList } from './SampleRequestList'

const ALL = 'all'

/** Every sample request, late first: filter by status, factory or late only; request, ship, receive. */
export function SampleRequestsPage({ focus }: { focus?: string }) {
  const { t } = useTranslation()
  const [status, setStatus] = useState<string>(ALL)
  const [factoryId, setFactoryId] = useState<string | null>(null)
  const [lateOnly, setLateOnly] = useState(false)
  const [adding, setAdding] = useState(false)
  const list = useCall('sampleRequests.list', {
    statuses: status === ALL ? [] : [status as SampleRequestStatus],
    factoryId: factoryId ?? undefined,
    lateOnly,
  })
  const filtered = status !== ALL || factoryId !== null || lateOnly

  return (
    <Stack gap="md" maw={1100}>
      <Group justify="space-between">
        <Title order={2}>{t('sampleRequests.title')}</Title>
        <Button
          leftSection={<IconPlus size={16} />}
          onClick={() => setAdding(true)}
          data-testid="sample-request-new"
        >
          {t('sampleRequests.new')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('sampleRequests.intro')}
      </Text>
      <RuleNote />
      <Group gap="md" align="flex-end">
        <SegmentedControl
          aria-label={t('sampleRequests.statusFilter')}
          value={status}
          onChange={setStatus}
          data={[
            { value: ALL, label: t('sampleRequests.allStatuses') },
            ...SAMPLE_REQUEST_STATUSES.map((s) => ({ value: s, label: t(`sampleRequests.status.${s}`) })),
          ]}
          data-testid="sample-request-status-filter"
        />
        <div style={{ width: 280 }}>
          <FactorySelect value={factoryId} onChange={setFactoryId} testId="sample-request-factory-filter" />
        </div>
        <Checkbox
          label={t('sampleRequests.lateOnly')}
          checked={lateOnly}
          onChange={(e) => setLateOnly(e.currentTarget.checked)}
          data-testid="sample-request-late-only"
        />
      </Group>
      {list.error ? <ErrorAlert error={list.error} title={t('sampleRequests.loadFailed')} /> : null}
      {list.data === undefined && !list.error ? <Skeleton h={120} /> : null}
      {list.data && list.data.length === 0 ? (
        <Text c="dimmed">{t(filtered ? 'sampleRequests.emptyFiltered' : 'sampleRequests.empty')}</Text>
      ) : null}
      {list.data ? <SampleRequestList requests={list.data} focus={focus} /> : null}
      {adding ? <NewRequestModal opened onClose={() => setAdding(false)} /> : null}
    </Stack>
  )
}
