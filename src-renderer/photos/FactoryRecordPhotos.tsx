import { Badge, Group, Stack, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useCall } from '../api/use-call'
import { EditableGallery } from './EditableGallery'

/** The photos of a factory's visits, samples and quotes, on the factory page beside its own. */
export function FactoryRecordPhotos({ factoryId }: { factoryId: string }) {
  const { t } = useTranslation()
  const result = useCall('photos.ofFactory', { factoryId })
  const photos = result.data?.items ?? []
  if (photos.length === 0) return null
  return (
    <Stack gap="sm" data-testid="factory-record-photos">
      <Group gap="xs">
        <Title order={4}>{t('factoryPage.recordPhotos')}</Title>
        <Badge variant="light" color="gray">
          {t('photos.count', { count: photos.length })}
        </Badge>
      </Group>
      <EditableGallery photos={photos} />
    </Stack>
  )
}
