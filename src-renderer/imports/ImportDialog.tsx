import { Alert, Badge, Button, Group, Modal, Progress, Stack, Text } from '@mantine/core'
import type { DuplicateAction, ImportKind, ImportPreview, ImportUpload } from '@core/imports/imports.contract'
import { IconCircleCheck, IconInfoCircle } from '@tabler/icons-react'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApiContext } from '../api/api-context'
import { messageText } from '../i18n/message-text'
import { FactorySelect } from '../quotes/FactorySelect'
import { FilePicker } from './FilePicker'
import { HeaderRowPicker } from './HeaderRowPicker'
import { uploadImport } from './import-api'
import { ImportError } from './ImportError'
import { PreviewTable } from './PreviewTable'
import { useImportCommit } from './use-import-commit'

export interface ImportDialogProps {
  kind: ImportKind
  /** Quote imports: the SKU the quotes are for. */
  skuId?: string
  opened: boolean
  onClose(): void
}

/**
 * Import in four steps: pick a file (or drop it) → see its encoding, the column mapping and every row
 * checked, with errors on their cells → confirm → progress with cancel → summary. Nothing is written
 * before the confirm; the core writes all rows or none.
 */
export function ImportDialog({ kind, skuId, opened, onClose }: ImportDialogProps) {
  const { t } = useTranslation()
  const { client } = useApiContext()
  const [upload, setUpload] = useState<ImportUpload | null>(null)
  const [reading, setReading] = useState(false)
  const [uploadError, setUploadError] = useState<unknown>(null)
  const [mapping, setMapping] = useState<(string | null)[] | undefined>(undefined)
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  const [previewError, setPreviewError] = useState<unknown>(null)
  const [excluded, setExcluded] = useState<Set<number>>(new Set())
  const [headerRow, setHeaderRow] = useState<number | undefined>(undefined)
  const [decisions, setDecisions] = useState<ReadonlyMap<number, DuplicateAction>>(new Map())
  const [factoryId, setFactoryId] = useState<string | null>(null)
  const { state, commit, cancel, reset } = useImportCommit(upload?.importId ?? null)

  const importId = upload?.importId
  const mappingKey = JSON.stringify(mapping ?? null)
  const target = kind === 'quotes' && skuId && factoryId ? { skuId, factoryId } : undefined
  const targetKey = JSON.stringify(target ?? null)
  const waitsForTarget = kind === 'quotes' && !target
  useEffect(() => {
    if (!importId || waitsForTarget) return
    let current = true
    const given = JSON.parse(mappingKey) as (string | null)[] | null
    const quoteTarget = (JSON.parse(targetKey) as typeof target | null) ?? undefined
    client
      .call('imports.preview', {
        importId,
        kind,
        headerRow,
        mapping: given ?? undefined,
        target: quoteTarget,
      })
      .then(
        (value) => {
          if (!current) return
          setPreview(value)
          setPreviewError(null)
        },
        (error: unknown) => {
          if (current) setPreviewError(error)
        },
      )
    return () => {
      current = false
    }
  }, [client, importId, kind, headerRow, mappingKey, targetKey, waitsForTarget])

  const startOver = () => {
    if (importId) void client.call('imports.discard', { importId }).catch(() => {})
    setUpload(null)
    setPreview(null)
    setPreviewError(null)
    setMapping(undefined)
    setExcluded(new Set())
    setHeaderRow(undefined)
    setDecisions(new Map())
    setUploadError(null)
    reset()
  }

  // Another header row names other columns: the mapping and the choices start over.
  const onHeaderRow = (row: number) => {
    setHeaderRow(row)
    setMapping(undefined)
    setExcluded(new Set())
    setDecisions(new Map())
  }

  const close = () => {
    if (state.phase === 'running') return
    startOver()
    onClose()
  }

  const onFile = async (file: File) => {
    startOver()
    setReading(true)
    try {
      setUpload(await uploadImport(file))
    } catch (error) {
      setUploadError(error)
    } finally {
      setReading(false)
    }
  }

  const onMap = (column: number, field: string | null) => {
    if (!preview) return
    const next = [...preview.mapping]
    next[column] = field
    setMapping(next)
    setExcluded(new Set())
  }

  const badRows = useMemo(
    () => (preview ? preview.rows.filter((r) => r.errors.length > 0).map((r) => r.rowNumber) : []),
    [preview],
  )
  const excludedBad = badRows.filter((n) => excluded.has(n)).length
  const badLeft = preview ? preview.bad - excludedBad : 0
  const mappingOk = preview !== null && preview.mappingErrors.length === 0
  const running = state.phase === 'running'
  const finished = state.phase === 'imported' || state.phase === 'cancelled'
  const unmapped = preview?.mappingErrors.filter((e) => e.column === null) ?? []
  const added = [...decisions.values()].filter((a) => a !== 'skip').length
  // Duplicates are skipped unless the buyer chose otherwise.
  const toWrite = preview ? preview.good - preview.duplicates + added : 0

  return (
    <Modal
      opened={opened}
      onClose={close}
      size="min(1280px, 96vw)"
      title={<Text fw={600}>{t(`imports.title.${kind}`)}</Text>}
      closeOnClickOutside={!running}
      closeOnEscape={!running}
      withCloseButton={!running}
      data-testid="import-dialog"
    >
      <Stack gap="sm">
        {!upload ? (
          <>
            <FilePicker onFile={(file) => void onFile(file)} reading={reading} />
            {uploadError ? <ImportError error={uploadError} /> : null}
          </>
        ) : (
          <>
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Group gap="xs" wrap="wrap">
                <Text fw={600} data-testid="import-file-name">
                  {upload.fileName}
                </Text>
                <Badge variant="light" color="gray">
                  {upload.format.toUpperCase()}
                </Badge>
                {upload.encoding ? (
                  <Badge variant="light" color="blue" data-testid="import-encoding">
                    {t(`imports.encoding.${upload.encoding}`)}
                  </Badge>
                ) : null}
                {upload.sheetName ? (
                  <Text size="sm" c="dimmed">
                    {t('imports.file.sheet', { name: upload.sheetName })}
                  </Text>
                ) : null}
                <Text size="sm" c="dimmed">
                  {t('imports.file.rows', { count: upload.rowCount })}
                </Text>
              </Group>
              {!running && !finished ? (
                <Button variant="subtle" size="xs" onClick={startOver} data-testid="import-change-file">
                  {t('imports.file.change')}
                </Button>
              ) : null}
            </Group>
            {kind === 'quotes' ? (
              <Stack gap={4}>
                <FactorySelect value={factoryId} onChange={setFactoryId} testId="import-quote-factory" />
                <Text size="xs" c="dimmed">
                  {t('imports.quoteTarget.hint')}
                </Text>
              </Stack>
            ) : null}
            {previewError ? <ImportError error={previewError} /> : null}
            {preview ? (
              <HeaderRowPicker preview={preview} disabled={running || finished} onChange={onHeaderRow} />
            ) : null}
            {preview ? (
              <>
                <Group gap="xs" wrap="wrap" justify="space-between">
                  <Group gap="xs">
                    <Badge color="teal" variant="light" size="lg" data-testid="import-good">
                      {t('imports.preview.good', { count: preview.good })}
                    </Badge>
                    {preview.bad > 0 ? (
                      <Badge color="red" variant="light" size="lg" data-testid="import-bad">
                        {t('imports.preview.bad', { count: preview.bad })}
                      </Badge>
                    ) : null}
                    {preview.duplicates > 0 ? (
                      <Badge color="orange" variant="light" size="lg" data-testid="import-duplicates">
                        {t('imports.duplicate.count', { count: preview.duplicates })}
                      </Badge>
                    ) : null}
                    {kind === 'quotes' && preview.quotes > 0 ? (
                      <Badge color="blue" variant="light" size="lg" data-testid="import-quotes">
                        {t('imports.quoteTarget.quotes', { count: preview.quotes })}
                      </Badge>
                    ) : null}
                    {excludedBad > 0 ? (
                      <Badge color="gray" variant="light" size="lg">
                        {t('imports.preview.excluded', { count: excludedBad })}
                      </Badge>
                    ) : null}
                  </Group>
                  {preview.bad > 0 && !running && !finished ? (
                    <Group gap="xs">
                      <Button
                        size="xs"
                        variant="light"
                        color="red"
                        onClick={() => setExcluded(new Set(badRows))}
                        data-testid="import-exclude-bad"
                      >
                        {t('imports.preview.excludeBad')}
                      </Button>
                      {excludedBad > 0 ? (
                        <Button size="xs" variant="subtle" onClick={() => setExcluded(new Set())}>
                          {t('imports.preview.includeAll')}
                        </Button>
                      ) : null}
                    </Group>
                  ) : null}
                </Group>
                {unmapped.length > 0 ? (
                  <Alert
                    color="red"
                    variant="light"
                    icon={<IconInfoCircle size={18} />}
                    data-testid="import-unmapped"
                  >
                    {unmapped
                      .map(
                        (e) =>
                          `${t(`imports.fields.${kind}.${e.field}`)}：${messageText(t, e.messageKey, e.params)}`,
                      )
                      .join('；')}
                  </Alert>
                ) : null}
                {preview.bad > 0 && !finished ? (
                  <Text size="sm" c="dimmed">
                    {t('imports.preview.fixHint')}
                  </Text>
                ) : null}
                <PreviewTable
                  kind={kind}
                  preview={preview}
                  excluded={excluded}
                  disabled={running || finished}
                  onMap={onMap}
                  decisions={decisions}
                  onDecide={(row, action) => setDecisions((d) => new Map(d).set(row, action))}
                  onExclude={(row, out) =>
                    setExcluded((s) => {
                      const next = new Set(s)
                      if (out) next.add(row)
                      else next.delete(row)
                      return next
                    })
                  }
                />
                {preview.total > preview.rows.length ? (
                  <Text size="xs" c="dimmed">
                    {t('imports.preview.shown', { count: 100 })}
                  </Text>
                ) : null}
              </>
            ) : null}
            {state.phase === 'failed' ? <ImportError error={state.error} /> : null}
            {state.phase === 'running' ? (
              <Stack gap={6} data-testid="import-running">
                <Text size="sm">
                  {t('imports.running', { done: state.progress.done, total: state.progress.total || '…' })}
                </Text>
                <Progress
                  value={state.progress.total ? (100 * state.progress.done) / state.progress.total : 0}
                  animated
                  striped
                />
              </Stack>
            ) : null}
            {state.phase === 'imported' ? (
              <Alert
                color="teal"
                variant="light"
                icon={<IconCircleCheck size={18} />}
                data-testid="import-done"
              >
                {t('imports.done.imported', { count: state.imported })}
                {state.updated > 0 || state.skipped > 0
                  ? t('imports.done.updatedSkipped', { updated: state.updated, skipped: state.skipped })
                  : null}
              </Alert>
            ) : null}
            {state.phase === 'cancelled' ? (
              <Alert color="gray" variant="light" data-testid="import-cancelled">
                {t('imports.done.cancelled')}
              </Alert>
            ) : null}
            <Group justify="flex-end" gap="sm">
              {running ? (
                <Button
                  color="red"
                  variant="light"
                  onClick={() => void cancel()}
                  loading={state.cancelling}
                  data-testid="import-cancel"
                >
                  {t('imports.cancel')}
                </Button>
              ) : finished ? (
                <Button onClick={close} data-testid="import-close">
                  {t('imports.close')}
                </Button>
              ) : (
                <Button
                  disabled={!preview || !mappingOk || badLeft > 0 || toWrite === 0}
                  onClick={() =>
                    preview &&
                    void commit({
                      kind,
                      headerRow: preview.headerRow,
                      mapping: preview.mapping,
                      excludedRows: [...excluded],
                      duplicates: [...decisions].map(([row, action]) => ({ row, action })),
                      target,
                    })
                  }
                  data-testid="import-confirm"
                >
                  {t('imports.confirm', { count: toWrite })}
                </Button>
              )}
            </Group>
          </>
        )}
      </Stack>
    </Modal>
  )
}
