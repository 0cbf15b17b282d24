import { Badge, Group, Stack, Title } from '@mantine/core'
import type { PhotoOwnerTable } from '@core/photos/photos.contract'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useCall } from '../api/use-call'
import { ErrorAlert } from '../common/ErrorAlert'
import { PhoneUploadButton } from '../phone-upload/PhoneUploadButton'
import { PhotoDropzone } from './PhotoDropzone'
import { EditableGallery } from './EditableGallery'
import { usePhotoUploads } from './use-photo-uploads'

export interface PhotosPanelProps {
  /** Table of the record whose photos these are. */
  ownerTable: PhotoOwnerTable
  /** Id of the record. */
  ownerId: string
}

/** A record's photos: the dropzone, the gallery and the viewer, ready for a factory, visit or sample page. */
export function PhotosPanel({ ownerTable, ownerId }: PhotosPanelProps) {
  const { t } = useTranslation()
  const owner = useMemo(() => ({ ownerTable, ownerId }), [ownerTable, ownerId])
  const result = useCall('photos.list', owner)
  const photos = result.data?.items ?? []
  const uploads = usePhotoUploads(owner)

  return (
    // data-loaded tells tests (and nothing else) that an empty gallery is really empty, not still loading.
    <Stack gap="sm" data-testid="photos-panel" data-loaded={result.data ? 'true' : 'false'}>
      <Group gap="xs">
        <Title order={4}>{t('photos.title')}</Title>
        {photos.length > 0 && (
          <Badge variant="light" color="gray">
            {t('photos.count', { count: photos.length })}
          </Badge>
        )}
        <PhoneUploadButton ownerTable={ownerTable} ownerId={ownerId} />
      </Group>
      <PhotoDropzone onFiles={uploads.add} items={uploads.items} onClearFinished={uploads.clearFinished} />
      {result.error ? <ErrorAlert error={result.error} /> : null}
      <EditableGallery photos={photos} />
    </Stack>
  )
}
