import {
  Badge,
  Button,
  FileInput,
  Group,
  Paper,
  Progress,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core'
import { IconFileUpload, IconUpload } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApiContext } from '../../../src-renderer/api/api-context'
import { ErrorAlert } from '../../../src-renderer/common/ErrorAlert'
import { notifySuccess } from '../../../src-renderer/common/notify'
import { formatBytes } from '../../../src-renderer/documents/document-api'
import { formatDateTime } from '../../../src-renderer/factories/format'
import { useHqCall } from '../hq-api-context'
import { uploadUpdate } from '../upload-update'
import { PageHeader } from './PageHeader'

/** The version in an installer's name (Sourcing-Workbench-Setup-0.2.0.exe → 0.2.0), to prefill the field. */
function versionInName(name: string): string {
  return /(\d+\.\d+\.\d+(?:-[0-9A-Za-z.]+)?)\.(?:exe|dmg|zip|appimage|deb)$/i.exec(name)?.[1] ?? ''
}

/** Picks an installer build and its version, and uploads it with its progress. */
function UploadForm() {
  const { t } = useTranslation()
  const { invalidate } = useApiContext()
  const [file, setFile] = useState<File | null>(null)
  const [version, setVersion] = useState('')
  const [progress, setProgress] = useState<number | null>(null)
  const [error, setError] = useState<unknown>(null)
  const submit = async () => {
    if (!file) return
    setError(null)
    setProgress(0)
    try {
      const stored = await uploadUpdate(file, version, setProgress)
      notifySuccess(
        t('hqConsole.updates.uploaded', { file: stored.fileName, version: stored.version ?? '—' }),
      )
      setFile(null)
      setVersion('')
      invalidate()
    } catch (e) {
      setError(e)
    } finally {
      setProgress(null)
    }
  }
  return (
    <Paper withBorder p="md" maw={760}>
      <Stack gap="sm">
        <Group align="flex-start" grow>
          <FileInput
            label={t('hqConsole.updates.file')}
            placeholder={t('hqConsole.updates.filePlaceholder')}
            leftSection={<IconFileUpload size={16} />}
            value={file}
            onChange={(picked) => {
              setFile(picked)
              setError(null)
              if (picked && !version) setVersion(versionInName(picked.name))
            }}
            clearable
            data-testid="update-file"
          />
          <TextInput
            label={t('hqConsole.updates.version')}
            description={t('hqConsole.updates.versionHint')}
            value={version}
            onChange={(event) => setVersion(event.currentTarget.value)}
            data-testid="update-version"
          />
        </Group>
        {progress !== null ? (
          <Stack gap={4} data-testid="update-progress">
            <Progress value={progress * 100} animated />
            <Text size="xs" c="dimmed">
              {t('hqConsole.updates.uploading', { percent: Math.round(progress * 100) })}
            </Text>
          </Stack>
        ) : null}
        {error ? (
          <div data-testid="update-error">
            <ErrorAlert error={error} title={t('hqConsole.updates.refused')} />
          </div>
        ) : null}
        <Group justify="flex-end">
          <Button
            leftSection={<IconUpload size={16} />}
            disabled={!file}
            loading={progress !== null}
            onClick={() => void submit()}
            data-testid="update-upload"
          >
            {t('hqConsole.updates.upload')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}

/** The installer builds HQ serves to the laptops, and the upload of a new one. */
export function UpdatesPage() {
  const { t } = useTranslation()
  const listed = useHqCall('admin.updates.list', {})
  const files = listed.data?.files ?? []
  return (
    <Stack gap="md">
      <PageHeader title={t('hqConsole.updates.title')} hint={t('hqConsole.updates.hint')} />
      <UploadForm />
      {listed.error ? <ErrorAlert error={listed.error} /> : null}
      {listed.data && files.length === 0 ? (
        <Text c="dimmed">{t('hqConsole.updates.empty')}</Text>
      ) : (
        <Table striped withTableBorder data-testid="updates-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('hqConsole.updates.fileName')}</Table.Th>
              <Table.Th>{t('hqConsole.updates.version')}</Table.Th>
              <Table.Th ta="right">{t('hqConsole.updates.size')}</Table.Th>
              <Table.Th>{t('hqConsole.updates.sha512')}</Table.Th>
              <Table.Th>{t('hqConsole.updates.uploadedAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {files.map((file) => (
              <Table.Tr
                key={file.fileName}
                data-testid="update-row"
                data-file={file.fileName}
                c={file.channel ? undefined : 'dimmed'}
              >
                <Table.Td fw={500} ff="monospace" fz="sm">
                  {file.fileName}
                </Table.Td>
                <Table.Td>
                  {file.channel ? (
                    <Group gap="xs" wrap="nowrap">
                      <Text size="sm">{file.version}</Text>
                      <Badge color="teal" variant="light" tt="none">
                        {t('hqConsole.updates.current', { channel: file.channel })}
                      </Badge>
                    </Group>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('hqConsole.updates.replaced')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right" className="num" title={`${file.size.toLocaleString()} B`}>
                  {formatBytes(file.size)}
                </Table.Td>
                <Table.Td ff="monospace" fz="xs" title={file.sha512 ?? undefined} data-testid="update-sha512">
                  {file.sha512 ? `${file.sha512.slice(0, 12)}…` : '—'}
                </Table.Td>
                <Table.Td>{formatDateTime(file.uploadedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  )
}
