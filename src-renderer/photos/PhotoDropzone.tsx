import { Button, CloseButton, Group, Paper, Progress, Stack, Text } from '@mantine/core'
import { IconPhotoPlus } from '@tabler/icons-react'
import { MAX_PHOTO_UPLOAD_BYTES } from '@core/photos/photos.contract'
import { useEffect, useRef, useState, type DragEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { photoErrorText } from './photo-error'
import type { UploadItem } from './use-photo-uploads'

/** Files of a drop or paste that look like images (the core checks the bytes anyway). */
function imageFiles(list: FileList | null | undefined): File[] {
  return Array.from(list ?? []).filter((file) => file.type === '' || file.type.startsWith('image/'))
}

/** True when a paste is meant for a text field, which keeps its own paste. */
function isTextTarget(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA)$/.test(target.tagName))
  )
}

export interface PhotoDropzoneProps {
  /** Receives the files picked, dropped or pasted. */
  onFiles(files: File[]): void
  /** Uploads in progress and finished, shown under the zone. */
  items: UploadItem[]
  /** Clears finished and failed rows. */
  onClearFinished(): void
}

/** Adds photos by file picker, drag-and-drop and Ctrl+V anywhere on the page, with per-file progress. */
export function PhotoDropzone({ onFiles, items, onClearFinished }: PhotoDropzoneProps) {
  const { t } = useTranslation()
  const input = useRef<HTMLInputElement>(null)
  const [over, setOver] = useState(false)

  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      if (isTextTarget(event.target)) return
      const files = imageFiles(event.clipboardData?.files)
      if (files.length === 0) return
      event.preventDefault()
      onFiles(files)
    }
    window.addEventListener('paste', onPaste)
    return () => window.removeEventListener('paste', onPaste)
  }, [onFiles])

  const onDrop = (event: DragEvent) => {
    event.preventDefault()
    setOver(false)
    const files = imageFiles(event.dataTransfer.files)
    if (files.length > 0) onFiles(files)
  }

  const finished = items.some((item) => item.status === 'done' || item.status === 'failed')
  return (
    <Stack gap="xs">
      <Paper
        withBorder
        p="md"
        radius="md"
        data-testid="photo-dropzone"
        onDragOver={(event) => {
          event.preventDefault()
          setOver(true)
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        style={{
          borderStyle: 'dashed',
          background: over ? 'var(--mantine-color-blue-light)' : undefined,
        }}
      >
        <Group justify="space-between" wrap="nowrap">
          <Stack gap={2}>
            <Text size="sm">{t('photos.drop.title')}</Text>
            <Text size="xs" c="dimmed">
              {t('photos.drop.hint', { maximumMb: MAX_PHOTO_UPLOAD_BYTES / (1024 * 1024) })}
            </Text>
          </Stack>
          <Button
            variant="light"
            leftSection={<IconPhotoPlus size={16} />}
            onClick={() => input.current?.click()}
            data-testid="photo-choose"
          >
            {t('photos.drop.choose')}
          </Button>
        </Group>
        <input
          ref={input}
          type="file"
          accept="image/*"
          multiple
          hidden
          data-testid="photo-file-input"
          onChange={(event) => {
            const files = imageFiles(event.currentTarget.files)
            if (files.length > 0) onFiles(files)
            // The same file may be chosen again after a failure.
            event.currentTarget.value = ''
          }}
        />
      </Paper>
      {items.length > 0 && (
        <Stack gap={6} data-testid="photo-uploads">
          {items.map((item) => (
            <Group key={item.key} gap="sm" wrap="nowrap" data-testid="photo-upload" data-status={item.status}>
              <Text size="xs" w={200} truncate="end" title={item.name}>
                {item.name}
              </Text>
              {item.status === 'failed' ? (
                <Text size="xs" c="red" data-testid="photo-upload-error">
                  {photoErrorText(t, item.error)}
                </Text>
              ) : (
                <>
                  <Progress
                    value={item.percent}
                    w={160}
                    size="sm"
                    animated={item.status === 'processing'}
                    color={item.status === 'done' ? 'teal' : 'blue'}
                  />
                  <Text size="xs" c="dimmed">
                    {item.status === 'uploading'
                      ? t('photos.upload.uploading', { percent: item.percent })
                      : item.status === 'processing'
                        ? t('photos.upload.processing')
                        : t('photos.upload.done')}
                  </Text>
                </>
              )}
            </Group>
          ))}
          {finished && (
            <Group gap={4}>
              <CloseButton size="sm" onClick={onClearFinished} aria-label={t('photos.upload.dismiss')} />
              <Text size="xs" c="dimmed">
                {t('photos.upload.dismiss')}
              </Text>
            </Group>
          )}
        </Stack>
      )}
    </Stack>
  )
}
