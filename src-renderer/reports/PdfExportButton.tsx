import { Alert, Button, Group, Modal, Progress, SegmentedControl, Select, Stack, Text } from '@mantine/core'
import { IconFileTypePdf, IconPhoto } from '@tabler/icons-react'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiCallError } from '../api/api-call-error'
import { useApiContext } from '../api/api-context'
import { errorMessage } from '../common/error-message'
import {
  cancelPdfExport,
  downloadPdfExport,
  needsDownload,
  NO_CHROMIUM,
  pdfExportStatus,
  startPdfExport,
  type PdfExportRequest,
  type PdfExportStatus,
} from './pdf-export-client'
import { BuyerNamePrompt } from './BuyerNamePrompt'
import { printHash, type PrintKind } from './print-route'

/** How often the dialog asks for progress. */
const POLL_MS = 300

type Phase =
  | { step: 'name' }
  | { step: 'choose' }
  | { step: 'starting' }
  | { step: 'running'; status: PdfExportStatus }
  | { step: 'finished'; status: PdfExportStatus }
  | { step: 'noChromium' }
  | { step: 'error'; error: unknown }

/**
 * "Export PDF" for a sample, a visit, a tour or an SKU's summary: a dialog with progress and a cancel
 * button; before the first export it asks the buyer's name once (saved to the profile); a tour asks
 * for its one-page summary, one PDF or one per sample. Without a Chromium to print with, the print
 * page opens in a new tab for the browser's own print dialog.
 */
export function PdfExportButton({
  kind,
  id,
  size = 'sm',
  format = 'pdf',
  label,
  testId = 'export-pdf',
  mode: fixedMode,
  days = [],
  defaultDay,
}: {
  kind: PdfExportRequest['kind']
  id: string
  size?: 'xs' | 'sm'
  /** A PDF, or a PNG card (the negotiation sheet). */
  format?: 'pdf' | 'png'
  /** The button's text; 'Export PDF' when absent. */
  label?: string
  testId?: string
  /** A tour printed one way only (its itinerary), instead of asking how. */
  mode?: 'itinerary'
  /** The itinerary's days to choose from. */
  days?: readonly string[]
  /** The day chosen first (today on the road). */
  defaultDay?: string
}) {
  const { t, i18n } = useTranslation()
  const { client } = useApiContext()
  const [opened, setOpened] = useState(false)
  const [mode, setMode] = useState<PdfExportRequest['mode']>(
    fixedMode ?? (kind === 'tour' ? 'summary' : 'one'),
  )
  const [day, setDay] = useState<string | null>(defaultDay ?? null)
  const [phase, setPhase] = useState<Phase>({ step: 'choose' })
  const alive = useRef(true)
  useEffect(
    () => () => {
      alive.current = false
    },
    [],
  )

  const follow = async (started: PdfExportStatus) => {
    let status = started
    while (status.state === 'running' && alive.current) {
      setPhase({ step: 'running', status })
      await new Promise((resolve) => setTimeout(resolve, POLL_MS))
      status = await pdfExportStatus(status.id)
    }
    if (status.state === 'done' && needsDownload()) await downloadPdfExport(status)
    if (alive.current) setPhase({ step: 'finished', status })
  }

  const start = async () => {
    setPhase({ step: 'starting' })
    try {
      const started = await startPdfExport({
        kind,
        id,
        mode: kind === 'tour' ? mode : 'one',
        ...(mode === 'itinerary' && day ? { day } : {}),
        language: i18n.language,
        format,
      })
      if (!started) {
        setOpened(false)
        setPhase({ step: 'choose' })
        return
      }
      await follow(started)
    } catch (error) {
      if (error instanceof ApiCallError && error.apiError.messageKey === NO_CHROMIUM) {
        setPhase({ step: 'noChromium' })
        const page: PrintKind =
          kind === 'tour' && mode === 'summary'
            ? 'tour-summary'
            : kind === 'tour' && mode === 'itinerary'
              ? 'tour-itinerary'
              : kind
        const target = { kind: page, id, ...(mode === 'itinerary' && day ? { day } : {}) }
        window.open(`${printHash(target, i18n.language)}&dialog=1`, '_blank')
      } else setPhase({ step: 'error', error })
    }
  }

  // A single report has nothing to choose: start at once.
  const proceed = () => {
    setPhase({ step: 'choose' })
    if (kind !== 'tour') void start()
  }

  const open = async () => {
    setPhase({ step: 'starting' })
    setOpened(true)
    // Asked here, once, rather than printing a placeholder where the buyer's name belongs.
    const profile = await client.call('profile.get', {}).catch(() => null)
    if (!alive.current) return
    if (profile && !profile.buyerName.trim()) setPhase({ step: 'name' })
    else proceed()
  }

  const startButton = (
    <Group justify="flex-end">
      <Button onClick={() => void start()} data-testid="export-pdf-start">
        {t('reports.export.start')}
      </Button>
    </Group>
  )
  const running = phase.step === 'running' ? phase.status : null
  const close = () => {
    if (running) void cancelPdfExport(running.id)
    setOpened(false)
  }

  return (
    <>
      <Button
        size={size}
        variant="default"
        leftSection={format === 'png' ? <IconPhoto size={16} /> : <IconFileTypePdf size={16} />}
        onClick={() => void open()}
        data-testid={testId}
      >
        {label ?? t('reports.export.button')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('reports.export.title')} centered>
        <Stack gap="md" data-testid="export-pdf-dialog">
          {phase.step === 'name' ? <BuyerNamePrompt onSaved={proceed} /> : null}
          {phase.step === 'choose' && fixedMode === 'itinerary' ? (
            <>
              <Select
                label={t('itinerary.report.day')}
                allowDeselect={false}
                data={[
                  { value: '', label: t('itinerary.printAll') },
                  ...days.map((d) => ({ value: d, label: d })),
                ]}
                value={day ?? ''}
                onChange={(value) => setDay(value ? value : null)}
                data-testid="export-pdf-day"
              />
              {startButton}
            </>
          ) : null}
          {phase.step === 'choose' && kind === 'tour' && !fixedMode ? (
            <>
              <Stack gap={4}>
                <Text size="sm" fw={500}>
                  {t('reports.export.mode')}
                </Text>
                <SegmentedControl
                  value={mode}
                  onChange={(value) => setMode(value === 'each' || value === 'one' ? value : 'summary')}
                  data={[
                    { value: 'summary', label: t('exportMode.summary') },
                    { value: 'one', label: t('reports.export.modeOne') },
                    { value: 'each', label: t('reports.export.modeEach') },
                  ]}
                  data-testid="export-pdf-mode"
                />
              </Stack>
              {startButton}
            </>
          ) : null}
          {phase.step === 'starting' || running ? (
            <>
              <Text size="sm">
                {running && running.documents > 1
                  ? t('reports.export.progress', { done: running.documentsDone, total: running.documents })
                  : t('reports.export.preparing')}
              </Text>
              <Progress
                value={Math.round((running?.progress ?? 0) * 100)}
                animated
                data-testid="export-pdf-progress"
              />
              <Group justify="flex-end">
                <Button variant="default" color="red" onClick={close} data-testid="export-pdf-cancel">
                  {t('reports.export.cancel')}
                </Button>
              </Group>
            </>
          ) : null}
          {phase.step === 'finished' ? <Finished status={phase.status} /> : null}
          {phase.step === 'noChromium' ? (
            <Alert color="yellow" data-testid="export-pdf-no-chromium">
              {t('reports.export.noChromium')}
            </Alert>
          ) : null}
          {phase.step === 'error' ? <Alert color="red">{errorMessage(t, phase.error)}</Alert> : null}
        </Stack>
      </Modal>
    </>
  )
}

function Finished({ status }: { status: PdfExportStatus }) {
  const { t } = useTranslation()
  switch (status.state) {
    case 'done':
      return (
        <Stack gap="xs" data-testid="export-pdf-done">
          <Text size="sm" fw={500}>
            {t('reports.export.done', { name: status.name })}
          </Text>
          {status.path ? (
            <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {t('reports.export.savedAt', { path: status.path })}
            </Text>
          ) : null}
          {needsDownload() ? (
            <Group justify="flex-end">
              <Button size="xs" variant="default" onClick={() => void downloadPdfExport(status)}>
                {t('reports.export.download')}
              </Button>
            </Group>
          ) : null}
        </Stack>
      )
    case 'cancelled':
      return <Text size="sm">{t('reports.export.cancelled')}</Text>
    default:
      return <Alert color="red">{t('reports.export.failed', { error: status.error ?? '' })}</Alert>
  }
}
