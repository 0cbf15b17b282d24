import { CloseButton, Group, Image, Paper, Stack, Text } from '@mantine/core'
import type { Photo } from '@core/photos/photos.contract'
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { PhotoDropzone } from '../photos/PhotoDropzone'
import { photoUrl } from '../photos/photo-api'
import { usePhotoUploads } from '../photos/use-photo-uploads'

/** A photo taken for a record that is not saved yet: stored already, linked when the record is. */
export interface StagedPhoto {
  sha256: string
  /** The file's name, shown under its thumbnail. */
  name: string
}

/**
 * Photos added inside a new record's form, before its first save. Each is uploaded at once (so a large
 * photo is not held in memory and a crash loses nothing but the link), shown as a thumbnail with a
 * remove button, and linked by the save itself.
 */
export function StagedPhotos({
  value,
  onAdd,
  onRemove,
}: {
  value: StagedPhoto[]
  onAdd: (photo: StagedPhoto) => void
  onRemove: (sha256: string) => void
}) {
  const { t } = useTranslation()
  const stored = useCallback(
    (photo: Photo, file: File) => onAdd({ sha256: photo.sha256, name: file.name }),
    [onAdd],
  )
  const uploads = usePhotoUploads(null, stored)
  return (
    <Stack gap="xs" data-testid="staged-photos">
      <Text size="sm" fw={500}>
        {t('photos.title')}
      </Text>
      <PhotoDropzone onFiles={uploads.add} items={uploads.items} onClearFinished={uploads.clearFinished} />
      {value.length > 0 ? (
        <Group gap="xs">
          {value.map((photo) => (
            <Paper key={photo.sha256} withBorder p={4} pos="relative" data-testid="staged-photo">
              <Image src={photoUrl(photo.sha256, 'thumb')} w={96} h={72} fit="cover" radius="xs" alt="" />
              <CloseButton
                size="sm"
                pos="absolute"
                top={2}
                right={2}
                bg="var(--mantine-color-body)"
                aria-label={t('samples.form.removePhoto')}
                onClick={() => onRemove(photo.sha256)}
                data-testid="staged-photo-remove"
              />
            </Paper>
          ))}
        </Group>
      ) : null}
      <Text size="xs" c="dimmed">
        {t('samples.hints.stagedPhotos')}
      </Text>
    </Stack>
  )
}
