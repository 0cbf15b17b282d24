import { Alert, Button, Code, Group, Modal, Paper, Stack, Text } from '@mantine/core'
import { IconArchive, IconFileSpreadsheet, IconFolderOpen } from '@tabler/icons-react'
import type { TFunction } from 'i18next'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ArchiveSummary } from '@core/archive/archive.contract'
import { ApiCallError } from '../api/api-call-error'
import { useCall } from '../api/use-call'
import { useMutation } from '../api/use-mutation'
import { notifySuccess } from '../common/notify'
import { downloadFile } from '../forms/download'
import { messageText } from '../i18n/message-text'
import { exportArchive, hasNativeArchiveDialogs, openArchive } from './archive-client'

/** The text of a failure with the params its first field carries (a file name, a record count…). */
function failureText(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiCallError)) return t('errors.internal')
  return messageText(t, error.apiError.messageKey, error.apiError.fields[0]?.params)
}

function countsText(t: TFunction, summary: ArchiveSummary): string {
  return t('archive.counts', { ...summary.counts, megabytes: (summary.bytes / 2 ** 20).toFixed(1) })
}

/**
 * Settings → move to a new laptop / keep a copy: export everything as one archive, open an archive
 * on an empty laptop, and every table as one Excel workbook.
 */
export function ArchiveSettings() {
  const { t, i18n } = useTranslation()
  const status = useCall('archive.status', {})
  const workbook = useMutation('archive.workbook')
  const [busy, setBusy] = useState<'export' | 'open' | null>(null)
  const [exported, setExported] = useState<ArchiveSummary | null>(null)
  const [opened, setOpened] = useState<ArchiveSummary | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [confirming, setConfirming] = useState<File | null>(null)
  const fileInput = useRef<HTMLInputElement>(null)
  const canOpen = status.data?.canOpen ?? false

  const runExport = async () => {
    setBusy('export')
    setError(null)
    try {
      const summary = await exportArchive()
      if (summary) setExported(summary)
    } catch (failure) {
      setError(failureText(t, failure))
    } finally {
      setBusy(null)
    }
  }
  const runOpen = async (file?: File) => {
    setConfirming(null)
    setBusy('open')
    setError(null)
    try {
      const summary = await openArchive(file)
      if (summary) setOpened(summary)
    } catch (failure) {
      setError(failureText(t, failure))
    } finally {
      setBusy(null)
    }
  }

  return (
    <Paper withBorder p="md" data-testid="archive-settings">
      <Stack gap="sm" align="flex-start">
        <Text fw={500}>{t('archive.title')}</Text>
        <Text size="sm">{t('archive.intro')}</Text>
        <Group gap="sm">
          <Button
            leftSection={<IconArchive size={16} />}
            loading={busy === 'export'}
            disabled={busy !== null}
            onClick={() => void runExport()}
            data-testid="archive-export"
          >
            {t('archive.export')}
          </Button>
          <Button
            variant="default"
            leftSection={<IconFileSpreadsheet size={16} />}
            loading={workbook.pending}
            disabled={busy !== null}
            data-testid="archive-workbook"
            onClick={async () => {
              setError(null)
              try {
                const language = i18n.language === 'en' ? 'en' : 'zh-CN'
                downloadFile(await workbook.run({ language }))
                notifySuccess(t('archive.workbookDone'))
              } catch (failure) {
                setError(failureText(t, failure))
              }
            }}
          >
            {t('archive.workbook')}
          </Button>
        </Group>
        {exported && (
          <Alert color="teal" variant="light" data-testid="archive-exported" w="100%">
            <Text size="sm">{t('archive.exported', { fileName: exported.fileName })}</Text>
            <Text size="xs">{countsText(t, exported)}</Text>
            {exported.path && (
              <Text size="xs" c="dimmed">
                {t('archive.savedAt')} <Code>{exported.path}</Code>
              </Text>
            )}
          </Alert>
        )}
        <Text fw={500} mt="sm">
          {t('archive.openTitle')}
        </Text>
        <Text size="sm">
          {canOpen ? t('archive.openIntro') : t('archive.notEmpty', { count: status.data?.ownRecords ?? 0 })}
        </Text>
        <input
          ref={fileInput}
          type="file"
          accept=".tar,application/x-tar"
          hidden
          data-testid="archive-file"
          onChange={(event) => {
            const file = event.currentTarget.files?.[0]
            event.currentTarget.value = ''
            if (file) setConfirming(file)
          }}
        />
        <Button
          variant="default"
          leftSection={<IconFolderOpen size={16} />}
          loading={busy === 'open'}
          disabled={!canOpen || busy !== null}
          data-testid="archive-open"
          onClick={() => {
            if (hasNativeArchiveDialogs()) void runOpen()
            else fileInput.current?.click()
          }}
        >
          {t('archive.open')}
        </Button>
        {busy === 'open' && (
          <Text size="xs" c="dimmed">
            {t('archive.opening')}
          </Text>
        )}
        {error && (
          <Alert color="red" variant="light" title={t('archive.failed')} data-testid="archive-error" w="100%">
            {error}
          </Alert>
        )}
      </Stack>
      <Modal
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title={t('archive.confirmTitle')}
      >
        <Stack gap="md">
          <Text size="sm">{t('archive.confirmBody', { fileName: confirming?.name ?? '' })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(null)}>
              {t('common.cancel')}
            </Button>
            <Button data-testid="archive-open-confirm" onClick={() => void runOpen(confirming ?? undefined)}>
              {t('archive.open')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal
        opened={opened !== null}
        onClose={() => window.location.reload()}
        title={t('archive.openedTitle')}
        data-testid="archive-opened"
      >
        <Stack gap="md">
          <Text size="sm">
            {t('archive.opened', {
              createdAt: opened ? new Date(opened.createdAt).toLocaleString() : '',
              appVersion: opened?.appVersion ?? '',
            })}
          </Text>
          {opened && <Text size="xs">{countsText(t, opened)}</Text>}
          <Group justify="flex-end">
            <Button data-testid="archive-reload" onClick={() => window.location.reload()}>
              {t('archive.reload')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  )
}
