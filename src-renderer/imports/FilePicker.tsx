import { Button, Group, Loader, Paper, Stack, Text } from '@mantine/core'
import { IconFileSpreadsheet } from '@tabler/icons-react'
import { useRef, useState, type DragEvent } from 'react'
import { useTranslation } from 'react-i18next'

/** Picks one spreadsheet by file dialog or drag-and-drop. */
export function FilePicker({ onFile, reading }: { onFile(file: File): void; reading: boolean }) {
  const { t } = useTranslation()
  const input = useRef<HTMLInputElement>(null)
  const [over, setOver] = useState(false)

  const onDrop = (event: DragEvent) => {
    event.preventDefault()
    setOver(false)
    const file = event.dataTransfer.files[0]
    if (file) onFile(file)
  }

  return (
    <Paper
      withBorder
      p="xl"
      radius="md"
      data-testid="import-dropzone"
      onDragOver={(event) => {
        event.preventDefault()
        setOver(true)
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      style={{ borderStyle: 'dashed', background: over ? 'var(--mantine-color-blue-light)' : undefined }}
    >
      <Stack align="center" gap="sm">
        <IconFileSpreadsheet size={40} stroke={1.4} color="var(--mantine-color-teal-6)" />
        <Text>{t('imports.pick.prompt')}</Text>
        <Text size="sm" c="dimmed" ta="center" maw={520}>
          {t('imports.pick.hint')}
        </Text>
        <Group>
          {reading ? (
            <Group gap="xs">
              <Loader size="sm" />
              <Text size="sm">{t('imports.pick.reading')}</Text>
            </Group>
          ) : (
            <Button onClick={() => input.current?.click()} data-testid="import-choose">
              {t('imports.pick.choose')}
            </Button>
          )}
        </Group>
        <input
          ref={input}
          type="file"
          hidden
          accept=".xlsx,.csv,.txt,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          data-testid="import-file-input"
          onChange={(event) => {
            const file = event.currentTarget.files?.[0]
            event.currentTarget.value = ''
            if (file) onFile(file)
          }}
        />
      </Stack>
    </Paper>
  )
}
