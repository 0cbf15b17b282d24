import { Badge, Group, Stack, Title } from '@mantine/core'
import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useCall } from '../api/use-call'
import { useMutation } from '../api/use-mutation'
import { errorMessage } from '../common/error-message'
import { notifyError, notifySuccess } from '../common/notify'
import { PhotoGallery } from './PhotoGallery'
import { PhotoViewer } from './PhotoViewer'

/** The photos of a factory's visits, samples and quotes, on the factory page beside its own. */
export function FactoryRecordPhotos({ factoryId }: { factoryId: string }) {
  const { t } = useTranslation()
  const result = useCall('photos.ofFactory', { factoryId })
  const photos = result.data?.items ?? []
  const caption = useMutation('photos.updateCaption')
  const unlink = useMutation('photos.unlink')
  const [viewing, setViewing] = useState<number | null>(null)
  const fail = useCallback((error: unknown) => notifyError(t('errors.title'), errorMessage(t, error)), [t])
  if (photos.length === 0) return null
  return (
    <Stack gap="sm" data-testid="factory-record-photos">
      <Group gap="xs">
        <Title order={4}>{t('factoryPage.recordPhotos')}</Title>
        <Badge variant="light" color="gray">
          {t('photos.count', { count: photos.length })}
        </Badge>
      </Group>
      <PhotoGallery
        photos={photos}
        onOpen={setViewing}
        onCaption={(linkId, text) => caption.run({ linkId, caption: text }).catch(fail)}
        onUnlink={(linkId) =>
          unlink
            .run({ linkId })
            .then(() => notifySuccess(t('photos.unlinked')))
            .catch(fail)
        }
      />
      <PhotoViewer photos={photos} index={viewing} onIndex={setViewing} />
    </Stack>
  )
}
