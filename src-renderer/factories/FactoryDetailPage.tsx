import { Anchor, Button, Group, Skeleton, Stack, Text, Title } from '@mantine/core'
import { IconArrowLeft, IconEdit } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiCallError } from '../api/api-call-error'
import { useCall } from '../api/use-call'
import { ErrorAlert } from '../common/ErrorAlert'
import { PhotosPanel } from '../photos/PhotosPanel'
import { navigate } from '../shell/route'
import { FactoryScorecardPanel } from '../shell/lazy-pages'
import { DeleteFactoryButton } from './DeleteFactoryButton'
import { FactoryDetail } from './FactoryDetail'
import { LazyFactoryFormDrawer } from './LazyFactoryFormDrawer'
import { StatusBadge } from './StatusBadge'

export function FactoryDetailPage({ id }: { id: string }) {
  const { t } = useTranslation()
  const [editing, setEditing] = useState(false)
  const [deleted, setDeleted] = useState(false)
  // After a delete the list is where the buyer goes; do not refetch the tombstoned factory meanwhile.
  const result = useCall('factories.get', { id }, !deleted)
  const factory = result.data

  const back = (
    <Anchor href="#/factories" size="sm">
      <Group gap={4}>
        <IconArrowLeft size={14} />
        {t('factories.detail.back')}
      </Group>
    </Anchor>
  )

  if (result.error) {
    const missing = result.error instanceof ApiCallError && result.error.apiError.code !== 'internal'
    return (
      <Stack gap="md" maw={760}>
        {back}
        {missing ? (
          <Text data-testid="factory-not-found">{t('factories.detail.notFound')}</Text>
        ) : (
          <ErrorAlert error={result.error} />
        )}
      </Stack>
    )
  }
  if (!factory) {
    return (
      <Stack gap="md" maw={1100}>
        {back}
        <Skeleton h={36} w={320} />
        <Skeleton h={200} />
      </Stack>
    )
  }

  return (
    <Stack gap="md" maw={1100} data-testid="factory-detail">
      {back}
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Group gap="sm" align="center">
          <Title order={2} data-testid="factory-detail-name">
            {factory.name}
          </Title>
          <StatusBadge status={factory.status} />
        </Group>
        <Group gap="sm" wrap="nowrap">
          <Button
            variant="default"
            leftSection={<IconEdit size={16} />}
            onClick={() => setEditing(true)}
            data-testid="factory-edit"
          >
            {t('common.edit')}
          </Button>
          <DeleteFactoryButton
            factory={factory}
            onDeleted={() => {
              setDeleted(true)
              navigate({ area: 'factories' })
            }}
          />
        </Group>
      </Group>
      <FactoryDetail factory={factory} />
      <FactoryScorecardPanel factoryId={factory.id} factoryName={factory.name} />
      <PhotosPanel ownerTable="factories" ownerId={factory.id} />
      <LazyFactoryFormDrawer
        opened={editing}
        factory={factory}
        onClose={() => setEditing(false)}
        onSaved={() => setEditing(false)}
      />
    </Stack>
  )
}
