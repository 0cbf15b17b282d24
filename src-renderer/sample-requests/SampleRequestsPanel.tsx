import { Button, Group, Paper, Text, Title } from '@mantine/core'
import { IconPlus } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useCall } from '../api/use-call'
import { ErrorAlert } from '../common/ErrorAlert'
import { NewRequestModal } from './request-forms'
import { SampleRequestList } from './SampleRequestList'

/**
 * A factory's sample requests, late first, with "request samples" for that factory: self-contained, for
 * the factory's page.
 */
export function SampleRequestsPanel({ factoryId, factoryName }: { factoryId: string; factoryName: string }) {
  const { t } = useTranslation()
  const [adding, setAdding] = useState(false)
  const list = useCall('sampleRequests.list', { factoryId })
  return (
    <Paper withBorder p="md" data-testid="factory-sample-requests">
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t('sampleRequests.title')}</Title>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPlus size={14} />}
          onClick={() => setAdding(true)}
          data-testid="factory-sample-request-new"
        >
          {t('sampleRequests.new')}
        </Button>
      </Group>
      {list.error ? <ErrorAlert error={list.error} title={t('sampleRequests.loadFailed')} /> : null}
      {list.data && list.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('sampleRequests.empty')}
        </Text>
      ) : null}
      {list.data ? <SampleRequestList requests={list.data} showFactory={false} /> : null}
      {adding ? (
        <NewRequestModal
          opened
          onClose={() => setAdding(false)}
          factoryId={factoryId}
          factoryName={factoryName}
        />
      ) : null}
    </Paper>
  )
}
