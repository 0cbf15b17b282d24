import { ActionIcon, Anchor, Group, Modal, Stack, Text } from '@mantine/core'
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react'
import type { PhotoLink } from '@core/photos/photos.contract'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { photoUrl } from './photo-api'

export interface PhotoViewerProps {
  /** The gallery's photos. */
  photos: readonly PhotoLink[]
  /** The photo shown, or null when closed. */
  index: number | null
  /** Shows another photo (wraps around) or closes with null. */
  onIndex(index: number | null): void
}

/** A large view of one photo (the print-size preview) with previous/next buttons and arrow keys. */
export function PhotoViewer({ photos, index, onIndex }: PhotoViewerProps) {
  const { t } = useTranslation()
  const photo = index === null ? undefined : photos[index]
  const total = photos.length

  useEffect(() => {
    if (index === null || total === 0) return
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'ArrowLeft') onIndex((index - 1 + total) % total)
      if (event.key === 'ArrowRight') onIndex((index + 1) % total)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [index, total, onIndex])

  return (
    <Modal
      opened={photo !== undefined}
      onClose={() => onIndex(null)}
      size="min(1400px, 94vw)"
      centered
      title={photo && index !== null ? t('photos.viewer.title', { index: index + 1, total }) : undefined}
      data-testid="photo-viewer"
    >
      {photo && index !== null && (
        <Stack gap="sm">
          <Group wrap="nowrap" gap="xs" align="center">
            <ActionIcon
              variant="default"
              size="lg"
              onClick={() => onIndex((index - 1 + total) % total)}
              aria-label={t('photos.viewer.previous')}
              disabled={total < 2}
              data-testid="photo-viewer-previous"
            >
              <IconChevronLeft size={20} />
            </ActionIcon>
            <img
              key={photo.sha256}
              src={photoUrl(photo.sha256, 'preview')}
              alt={photo.caption}
              data-testid="photo-viewer-image"
              style={{ flex: 1, minWidth: 0, maxHeight: '74vh', objectFit: 'contain', display: 'block' }}
            />
            <ActionIcon
              variant="default"
              size="lg"
              onClick={() => onIndex((index + 1) % total)}
              aria-label={t('photos.viewer.next')}
              disabled={total < 2}
              data-testid="photo-viewer-next"
            >
              <IconChevronRight size={20} />
            </ActionIcon>
          </Group>
          <Group justify="space-between">
            <Text size="sm" data-testid="photo-viewer-caption">
              {photo.caption}
            </Text>
            <Group gap="md">
              {photo.takenAt && (
                <Text size="xs" c="dimmed">
                  {t('photos.viewer.takenAt', { date: photo.takenAt.replace('T', ' ') })}
                </Text>
              )}
              <Text size="xs" c="dimmed">
                {t('photos.viewer.size', { width: photo.width, height: photo.height })}
              </Text>
              <Anchor size="xs" href={photoUrl(photo.sha256, 'original')} target="_blank" rel="noreferrer">
                {t('photos.viewer.original')}
              </Anchor>
            </Group>
          </Group>
        </Stack>
      )}
    </Modal>
  )
}
