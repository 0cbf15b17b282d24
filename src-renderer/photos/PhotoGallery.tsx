import { ActionIcon, Group, Text, TextInput, Tooltip } from '@mantine/core'
import { IconTrash } from '@tabler/icons-react'
import type { PhotoLink } from '@core/photos/photos.contract'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import classes from './PhotoGallery.module.css'
import { photoUrl } from './photo-api'

export interface PhotoGalleryProps {
  /** The record's photos in gallery order. */
  photos: readonly PhotoLink[]
  /** Opens the viewer at this index. */
  onOpen(index: number): void
  /** Saves a changed caption. */
  onCaption(linkId: string, caption: string): void
  /** Removes the photo from this record. */
  onUnlink(linkId: string): void
}

/** A caption that saves when the field loses focus or Enter is pressed, and only when it changed. */
function CaptionField({ link, onCaption }: { link: PhotoLink; onCaption: PhotoGalleryProps['onCaption'] }) {
  const { t } = useTranslation()
  const [value, setValue] = useState(link.caption)
  const save = () => {
    if (value.trim() !== link.caption) onCaption(link.linkId, value)
  }
  return (
    <TextInput
      size="xs"
      variant="unstyled"
      value={value}
      placeholder={t('photos.caption.placeholder')}
      aria-label={t('photos.caption.placeholder')}
      onChange={(event) => setValue(event.currentTarget.value)}
      onBlur={save}
      onKeyDown={(event) => {
        if (event.key === 'Enter') event.currentTarget.blur()
      }}
      data-testid="photo-caption"
      style={{ flex: 1 }}
    />
  )
}

/**
 * The thumbnail grid. Thumbnails load lazily and off-screen cells skip rendering work
 * (content-visibility), so hundreds of photos scroll smoothly without a virtual list.
 */
export function PhotoGallery({ photos, onOpen, onCaption, onUnlink }: PhotoGalleryProps) {
  const { t } = useTranslation()
  if (photos.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="photo-gallery-empty">
        {t('photos.empty')}
      </Text>
    )
  }
  return (
    <div className={classes.grid} data-testid="photo-gallery">
      {photos.map((link, index) => (
        <div key={link.linkId} className={classes.cell} data-testid="photo-cell">
          <button
            type="button"
            className={classes.thumb}
            onClick={() => onOpen(index)}
            aria-label={link.caption || `#${index + 1}`}
          >
            <img
              src={photoUrl(link.sha256, 'thumb')}
              alt={link.caption}
              loading="lazy"
              decoding="async"
              data-testid="photo-thumb"
            />
          </button>
          <Group gap={2} wrap="nowrap" mt={4}>
            <CaptionField key={link.caption} link={link} onCaption={onCaption} />
            <Tooltip label={t('photos.unlink')}>
              <ActionIcon
                variant="subtle"
                color="gray"
                size="sm"
                onClick={() => onUnlink(link.linkId)}
                aria-label={t('photos.unlink')}
                data-testid="photo-unlink"
              >
                <IconTrash size={14} />
              </ActionIcon>
            </Tooltip>
          </Group>
        </div>
      ))}
    </div>
  )
}
