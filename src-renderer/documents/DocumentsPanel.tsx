import {
  ActionIcon,
  Badge,
  Button,
  FileButton,
  Group,
  Select,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core'
import { IconDownload, IconFileUpload, IconTrash } from '@tabler/icons-react'
import {
  DOCUMENT_KINDS,
  MAX_DOCUMENT_BYTES,
  type Document,
  type DocumentKind,
  type DocumentOwnerTable,
} from '@core/documents/documents.contract'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useCall } from '../api/use-call'
import { useMutation } from '../api/use-mutation'
import { ErrorAlert } from '../common/ErrorAlert'
import { notifyError, notifySuccess } from '../common/notify'
import { documentErrorText, formatBytes, openDocument, uploadDocument } from './document-api'

/** What the file picker offers: the types the core accepts (it checks the content again). */
export const DOCUMENT_ACCEPT = '.pdf,.xlsx,.xls,.csv,image/*,application/pdf'

export interface DocumentsPanelProps {
  ownerTable: DocumentOwnerTable
  ownerId: string
  /** The kind a new document gets unless the buyer picks another (a quote's is its price sheet). */
  defaultKind?: DocumentKind
}

/** A record's documents: add (kind chosen first), open, delete; newest first. */
export function DocumentsPanel({ ownerTable, ownerId, defaultKind = 'other' }: DocumentsPanelProps) {
  const { t } = useTranslation()
  const owner = useMemo(() => ({ ownerTable, ownerId }), [ownerTable, ownerId])
  const result = useCall('documents.list', owner)
  const attach = useMutation('documents.attach')
  const remove = useMutation('documents.delete')
  const [kind, setKind] = useState<DocumentKind>(defaultKind)
  const [uploading, setUploading] = useState<string | null>(null)
  const items = result.data?.items ?? []

  const fail = (error: unknown) => notifyError(t('errors.title'), documentErrorText(t, error))

  const add = async (file: File | null) => {
    if (!file) return
    setUploading(file.name)
    try {
      const stored = await uploadDocument(file)
      await attach.run({ sha256: stored.sha256, ...owner, kind, fileName: stored.fileName })
      notifySuccess(t('documents.added', { name: stored.fileName }))
    } catch (error) {
      fail(error)
    } finally {
      setUploading(null)
    }
  }

  return (
    <Stack gap="sm" data-testid="documents-panel" data-loaded={result.data ? 'true' : 'false'}>
      <Group gap="xs" justify="space-between">
        <Group gap="xs">
          <Title order={4}>{t('documents.title')}</Title>
          {items.length > 0 && (
            <Badge variant="light" color="gray">
              {t('documents.count', { count: items.length })}
            </Badge>
          )}
        </Group>
        <Group gap="xs">
          <Select
            size="xs"
            w={140}
            aria-label={t('documents.kindLabel')}
            data={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`documents.kinds.${k}`) }))}
            value={kind}
            onChange={(value) => value && setKind(value as DocumentKind)}
            allowDeselect={false}
            data-testid="document-kind"
          />
          <FileButton onChange={(file) => void add(file)} accept={DOCUMENT_ACCEPT}>
            {(props) => (
              <Button
                {...props}
                size="xs"
                leftSection={<IconFileUpload size={14} />}
                loading={uploading !== null}
                data-testid="document-add"
              >
                {t('documents.add')}
              </Button>
            )}
          </FileButton>
        </Group>
      </Group>
      <Text size="xs" c="dimmed">
        {t('documents.hint', { maximumMb: MAX_DOCUMENT_BYTES / 2 ** 20 })}
      </Text>
      {result.error ? <ErrorAlert error={result.error} /> : null}
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('documents.empty')}
        </Text>
      ) : (
        <DocumentTable
          items={items}
          onOpen={(doc) => openDocument(doc, true).catch(fail)}
          onDelete={(doc) =>
            remove
              .run({ id: doc.id })
              .then(() => notifySuccess(t('documents.deleted', { name: doc.title || doc.fileName })))
              .catch(fail)
          }
        />
      )}
    </Stack>
  )
}

function DocumentTable({
  items,
  onOpen,
  onDelete,
}: {
  items: readonly Document[]
  onOpen: (doc: Document) => void
  onDelete: (doc: Document) => void
}) {
  const { t, i18n } = useTranslation()
  const day = (iso: string) => new Date(iso).toLocaleDateString(i18n.language)
  return (
    <Table withRowBorders verticalSpacing={6} fz="sm" data-testid="documents-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('documents.columns.file')}</Table.Th>
          <Table.Th>{t('documents.columns.kind')}</Table.Th>
          <Table.Th>{t('documents.columns.size')}</Table.Th>
          <Table.Th>{t('documents.columns.addedAt')}</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((doc) => (
          <Table.Tr key={doc.id} data-testid="document-row">
            <Table.Td>
              {doc.available ? (
                <Button
                  variant="subtle"
                  size="compact-sm"
                  px={4}
                  onClick={() => onOpen(doc)}
                  data-testid="document-open"
                  style={{ maxWidth: 360 }}
                >
                  <Text size="sm" truncate>
                    {doc.title ? `${doc.title} · ${doc.fileName}` : doc.fileName}
                  </Text>
                </Button>
              ) : (
                <Tooltip label={t('documents.notHere')}>
                  <Text size="sm" c="dimmed">
                    {doc.fileName}
                  </Text>
                </Tooltip>
              )}
            </Table.Td>
            <Table.Td>
              <Badge variant="default" tt="none" fw={400}>
                {t(`documents.kinds.${doc.kind}`)}
              </Badge>
            </Table.Td>
            <Table.Td>{formatBytes(doc.bytes)}</Table.Td>
            <Table.Td>{day(doc.addedAt)}</Table.Td>
            <Table.Td>
              <Group gap={4} justify="flex-end" wrap="nowrap">
                {doc.available && (
                  <ActionIcon
                    variant="subtle"
                    aria-label={t('documents.download')}
                    onClick={() => void openDocument(doc).catch(() => undefined)}
                    data-testid="document-download"
                  >
                    <IconDownload size={16} />
                  </ActionIcon>
                )}
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('documents.delete')}
                  onClick={() => onDelete(doc)}
                  data-testid="document-delete"
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
