import {
  ActionIcon,
  Button,
  FileButton,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconEdit, IconPlus, IconTrash } from '@tabler/icons-react'
import { fieldErrorsFromZod } from '@core/api/errors'
import {
  CERTIFICATE_KINDS,
  CertificateValues,
  type Certificate,
  type CertificateKind,
} from '@core/certificates/certificates.contract'
import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiCallError } from '../api/api-call-error'
import { useCall } from '../api/use-call'
import { useMutation } from '../api/use-mutation'
import { ErrorAlert } from '../common/ErrorAlert'
import { notifyError, notifySuccess } from '../common/notify'
import { documentErrorText, openDocument, uploadDocument } from '../documents/document-api'
import { formErrorsFromFields } from '../factories/form-errors'
import { CertificateStatusBadge } from './CertificateBadge'

interface FormValues {
  kind: CertificateKind
  kindOther: string
  number: string
  issuer: string
  validFrom: string
  validTo: string
  notes: string
  scanDocumentId: string | null
}

const EMPTY: FormValues = {
  kind: 'iso9001',
  kindOther: '',
  number: '',
  issuer: '',
  validFrom: '',
  validTo: '',
  notes: '',
  scanDocumentId: null,
}

function toInput(values: FormValues) {
  return {
    ...values,
    validFrom: values.validFrom || null,
    validTo: values.validTo || null,
  }
}

/** The name a buyer knows a certificate by ("BSCI", "生产许可证（SC）", or the free text of 'other'). */
export function useCertificateName() {
  const { t } = useTranslation()
  return useCallback(
    (c: Pick<Certificate, 'kind' | 'kindOther'>) =>
      c.kind === 'other' ? c.kindOther || t('certificates.kinds.other') : t(`certificates.kinds.${c.kind}`),
    [t],
  )
}

/** A factory's certificates with their flags, and the form to add or change one. */
export function CertificatesSection({ factoryId }: { factoryId: string }) {
  const { t } = useTranslation()
  const result = useCall('certificates.list', { factoryId })
  const remove = useMutation('certificates.delete')
  const documents = useCall('documents.list', { ownerTable: 'factories', ownerId: factoryId })
  const [editing, setEditing] = useState<Certificate | 'new' | null>(null)
  const nameOf = useCertificateName()
  const items = result.data?.items ?? []
  const scanOf = (id: string | null) => documents.data?.items.find((d) => d.id === id)
  const dash = t('common.none')

  return (
    <Paper withBorder p="md" data-testid="certificates-section" data-loaded={result.data ? 'true' : 'false'}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>{t('certificates.title')}</Title>
          <Button
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => setEditing('new')}
            data-testid="certificate-add"
          >
            {t('certificates.add')}
          </Button>
        </Group>
        {result.error ? <ErrorAlert error={result.error} /> : null}
        {items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('certificates.empty')}
          </Text>
        ) : (
          <Table withRowBorders verticalSpacing={6} fz="sm" data-testid="certificates-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('certificates.fields.kind')}</Table.Th>
                <Table.Th>{t('certificates.fields.number')}</Table.Th>
                <Table.Th>{t('certificates.fields.issuer')}</Table.Th>
                <Table.Th>{t('certificates.fields.validTo')}</Table.Th>
                <Table.Th />
                <Table.Th>{t('certificates.scan')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((c) => {
                const scan = scanOf(c.scanDocumentId)
                return (
                  <Table.Tr key={c.id} data-testid="certificate-row">
                    <Table.Td fw={500}>{nameOf(c)}</Table.Td>
                    <Table.Td>{c.number || dash}</Table.Td>
                    <Table.Td>{c.issuer || dash}</Table.Td>
                    <Table.Td>
                      {c.validFrom ? `${c.validFrom} – ` : ''}
                      {c.validTo ?? t('certificates.noEnd')}
                    </Table.Td>
                    <Table.Td>
                      <CertificateStatusBadge status={c} />
                    </Table.Td>
                    <Table.Td>
                      {scan?.available ? (
                        <Button
                          variant="subtle"
                          size="compact-sm"
                          onClick={() =>
                            void openDocument(scan, true).catch((e: unknown) =>
                              notifyError(t('errors.title'), documentErrorText(t, e)),
                            )
                          }
                          data-testid="certificate-scan-open"
                        >
                          {scan.fileName}
                        </Button>
                      ) : (
                        (scan?.fileName ?? dash)
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <ActionIcon
                          variant="subtle"
                          aria-label={t('certificates.edit')}
                          onClick={() => setEditing(c)}
                          data-testid="certificate-edit"
                        >
                          <IconEdit size={16} />
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t('common.delete')}
                          onClick={() =>
                            remove
                              .run({ id: c.id })
                              .then(() => notifySuccess(t('certificates.deleted')))
                              .catch((e: unknown) => notifyError(t('errors.title'), documentErrorText(t, e)))
                          }
                          data-testid="certificate-delete"
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                )
              })}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      {editing !== null && (
        <CertificateForm
          factoryId={factoryId}
          certificate={editing === 'new' ? null : editing}
          scanName={editing !== 'new' ? scanOf(editing.scanDocumentId)?.fileName : undefined}
          onClose={() => setEditing(null)}
        />
      )}
    </Paper>
  )
}

function CertificateForm({
  factoryId,
  certificate,
  scanName,
  onClose,
}: {
  factoryId: string
  certificate: Certificate | null
  scanName?: string
  onClose: () => void
}) {
  const { t } = useTranslation()
  const create = useMutation('certificates.create')
  const update = useMutation('certificates.update')
  const attach = useMutation('documents.attach')
  const [scanFile, setScanFile] = useState<string | undefined>(scanName)
  const [scanUploading, setScanUploading] = useState(false)
  const form = useForm<FormValues>({
    initialValues: certificate
      ? {
          kind: certificate.kind,
          kindOther: certificate.kindOther,
          number: certificate.number,
          issuer: certificate.issuer,
          validFrom: certificate.validFrom ?? '',
          validTo: certificate.validTo ?? '',
          notes: certificate.notes,
          scanDocumentId: certificate.scanDocumentId,
        }
      : EMPTY,
    validate: (values) => {
      const parsed = CertificateValues.safeParse(toInput(values))
      return parsed.success ? {} : formErrorsFromFields(fieldErrorsFromZod(parsed.error))
    },
  })

  const addScan = async (file: File | null) => {
    if (!file) return
    setScanUploading(true)
    try {
      const stored = await uploadDocument(file)
      const doc = await attach.run({
        sha256: stored.sha256,
        ownerTable: 'factories',
        ownerId: factoryId,
        kind: 'certificate',
        fileName: stored.fileName,
      })
      form.setFieldValue('scanDocumentId', doc.id)
      setScanFile(doc.fileName)
    } catch (error) {
      form.setFieldError('scanDocumentId', documentErrorText(t, error))
    } finally {
      setScanUploading(false)
    }
  }

  const submit = async (values: FormValues) => {
    try {
      if (certificate) await update.run({ id: certificate.id, values: toInput(values) })
      else await create.run({ factoryId, values: toInput(values) })
      notifySuccess(t('certificates.saved'))
      onClose()
    } catch (error) {
      if (error instanceof ApiCallError && error.apiError.fields.length > 0) {
        form.setErrors(formErrorsFromFields(error.apiError.fields, ['values']))
      } else notifyError(t('errors.title'), documentErrorText(t, error))
    }
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title={certificate ? t('certificates.edit') : t('certificates.add')}
      centered
      size="lg"
    >
      <form
        onSubmit={form.onSubmit((values) => void submit(values))}
        data-testid="certificate-form"
        noValidate
      >
        <Stack gap="sm">
          <Group grow align="flex-start">
            <Select
              label={t('certificates.fields.kind')}
              data={CERTIFICATE_KINDS.map((k) => ({ value: k, label: t(`certificates.kinds.${k}`) }))}
              allowDeselect={false}
              comboboxProps={{ withinPortal: false }}
              data-testid="certificate-kind"
              {...form.getInputProps('kind')}
            />
            {form.values.kind === 'other' && (
              <TextInput
                label={t('certificates.fields.kindOther')}
                withAsterisk
                data-testid="certificate-kind-other"
                {...form.getInputProps('kindOther')}
              />
            )}
          </Group>
          <Group grow align="flex-start">
            <TextInput
              label={t('certificates.fields.number')}
              data-testid="certificate-number"
              {...form.getInputProps('number')}
            />
            <TextInput
              label={t('certificates.fields.issuer')}
              data-testid="certificate-issuer"
              {...form.getInputProps('issuer')}
            />
          </Group>
          <Group grow align="flex-start">
            <TextInput
              type="date"
              label={t('certificates.fields.validFrom')}
              data-testid="certificate-valid-from"
              {...form.getInputProps('validFrom')}
            />
            <TextInput
              type="date"
              label={t('certificates.fields.validTo')}
              data-testid="certificate-valid-to"
              {...form.getInputProps('validTo')}
            />
          </Group>
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('certificates.scan')}
            </Text>
            <Group gap="sm">
              <FileButton onChange={(file) => void addScan(file)} accept=".pdf,application/pdf,image/*">
                {(props) => (
                  <Button
                    {...props}
                    variant="default"
                    size="xs"
                    loading={scanUploading}
                    data-testid="certificate-scan-upload"
                  >
                    {t('certificates.scanUpload')}
                  </Button>
                )}
              </FileButton>
              <Text size="sm" c="dimmed" data-testid="certificate-scan-name">
                {scanFile ? t('certificates.scanAttached', { name: scanFile }) : t('certificates.scanNone')}
              </Text>
            </Group>
            {form.errors.scanDocumentId ? (
              <Text size="xs" c="red">
                {form.errors.scanDocumentId}
              </Text>
            ) : null}
          </Stack>
          <Textarea
            label={t('certificates.fields.notes')}
            autosize
            minRows={2}
            {...form.getInputProps('notes')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.pending || update.pending} data-testid="certificate-save">
              {t('certificates.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
