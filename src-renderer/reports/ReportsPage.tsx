import { Anchor, Group, Paper, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { IconSearch } from '@tabler/icons-react'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useCall } from '../api/use-call'
import { ErrorAlert } from '../common/ErrorAlert'
import { ExportListButton } from '../imports/ExportListButton'
import { SampleStatusBadge } from '../samples/SampleStatusBadge'
import { PhaseBadge } from '../tours/PhaseBadge'
import { PdfExportButton } from './PdfExportButton'

/** Rows a tab shows at once: enough for a tour's samples, few enough to stay instant. */
const SHOWN = 100

/** A table of report rows with the shared empty and "first N of M" notes. */
function ReportTable({
  head,
  rows,
  total,
  error,
  testId,
}: {
  head: string[]
  rows: ReactNode[]
  total: number | undefined
  error: unknown
  testId: string
}) {
  const { t } = useTranslation()
  if (error) return <ErrorAlert error={error} />
  return (
    <Stack gap="xs">
      <Table striped highlightOnHover verticalSpacing={6} data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            {head.map((h) => (
              <Table.Th key={h}>{h}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{rows}</Table.Tbody>
      </Table>
      {total === 0 ? (
        <Text c="dimmed" ta="center" size="sm">
          {t('reportsCenter.empty')}
        </Text>
      ) : null}
      {total !== undefined && total > SHOWN ? (
        <Text c="dimmed" size="sm">
          {t('reportsCenter.shown', { shown: SHOWN, total })}
        </Text>
      ) : null}
    </Stack>
  )
}

function SampleReports() {
  const { t } = useTranslation()
  const [search, setSearch] = useState('')
  const [query] = useDebouncedValue(search.trim(), 200)
  const list = useCall('samples.list', { search: query, statuses: [] })
  const c = (key: string) => t(`reportsCenter.columns.${key}`)
  return (
    <Stack gap="sm">
      <TextInput
        maw={420}
        leftSection={<IconSearch size={16} />}
        placeholder={t('reportsCenter.search')}
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        data-testid="reports-sample-search"
      />
      <ReportTable
        testId="reports-samples"
        head={[c('code'), c('name'), c('factory'), c('status'), c('report')]}
        total={list.data?.length}
        error={list.error}
        rows={(list.data ?? []).slice(0, SHOWN).map((s) => (
          <Table.Tr key={s.id}>
            <Table.Td ff="monospace">
              <Anchor href={`#/samples/${s.id}`} size="sm">
                {s.code}
              </Anchor>
            </Table.Td>
            <Table.Td>{s.name}</Table.Td>
            <Table.Td>{s.factoryName ?? ''}</Table.Td>
            <Table.Td>
              <SampleStatusBadge status={s.status} />
            </Table.Td>
            <Table.Td>
              <PdfExportButton kind="sample" id={s.id} size="xs" />
            </Table.Td>
          </Table.Tr>
        ))}
      />
    </Stack>
  )
}

function VisitReports() {
  const { t } = useTranslation()
  const list = useCall('visits.list', {})
  const c = (key: string) => t(`reportsCenter.columns.${key}`)
  return (
    <ReportTable
      testId="reports-visits"
      head={[c('date'), c('factory'), c('tour'), c('score'), c('followUps'), c('report')]}
      total={list.data?.length}
      error={list.error}
      rows={(list.data ?? []).slice(0, SHOWN).map((v) => (
        <Table.Tr key={v.id}>
          <Table.Td className="num">
            <Anchor href={`#/visits/${v.id}`} size="sm">
              {v.visitDate}
            </Anchor>
          </Table.Td>
          <Table.Td>{v.factoryName ?? ''}</Table.Td>
          <Table.Td>{v.tourName ?? t('reportsCenter.noTour')}</Table.Td>
          <Table.Td className="num">{v.averageScore === null ? '—' : v.averageScore.toFixed(1)}</Table.Td>
          <Table.Td className="num">{v.openFollowUps}</Table.Td>
          <Table.Td>
            <PdfExportButton kind="visit" id={v.id} size="xs" />
          </Table.Td>
        </Table.Tr>
      ))}
    />
  )
}

function TourReports() {
  const { t } = useTranslation()
  const list = useCall('tours.list', {})
  const c = (key: string) => t(`reportsCenter.columns.${key}`)
  return (
    <ReportTable
      testId="reports-tours"
      head={[c('tourName'), c('dates'), c('phase'), c('visits'), c('report')]}
      total={list.data?.length}
      error={list.error}
      rows={(list.data ?? []).slice(0, SHOWN).map((tour) => (
        <Table.Tr key={tour.id}>
          <Table.Td>
            <Anchor href={`#/tours/${tour.id}`} size="sm">
              {tour.name}
            </Anchor>
          </Table.Td>
          <Table.Td className="num">
            {tour.startDate} – {tour.endDate}
          </Table.Td>
          <Table.Td>
            <PhaseBadge phase={tour.phase} />
          </Table.Td>
          <Table.Td className="num">{tour.visitCount}</Table.Td>
          <Table.Td>
            <PdfExportButton kind="tour" id={tour.id} size="xs" />
          </Table.Td>
        </Table.Tr>
      ))}
    />
  )
}

function SkuReports() {
  const { t } = useTranslation()
  const list = useCall('skus.list', {})
  const c = (key: string) => t(`reportsCenter.columns.${key}`)
  return (
    <ReportTable
      testId="reports-skus"
      head={[c('skuName'), c('category'), c('quotes'), c('report')]}
      total={list.data?.length}
      error={list.error}
      rows={(list.data ?? []).slice(0, SHOWN).map((sku) => (
        <Table.Tr key={sku.id}>
          <Table.Td>
            <Anchor href={`#/skus/${sku.id}`} size="sm">
              {sku.name}
            </Anchor>
          </Table.Td>
          <Table.Td>{sku.category}</Table.Td>
          <Table.Td className="num">{sku.quoteCount}</Table.Td>
          <Table.Td>
            <PdfExportButton kind="sku" id={sku.id} size="xs" />
          </Table.Td>
        </Table.Tr>
      ))}
    />
  )
}

function ListExports() {
  const { t } = useTranslation()
  const item = (label: string, button: ReactNode) => (
    <Group justify="space-between" maw={520}>
      <Text fw={500}>{label}</Text>
      {button}
    </Group>
  )
  return (
    <Paper withBorder p="md" maw={560} data-testid="reports-lists">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('reportsCenter.lists.hint')}
        </Text>
        {item(t('reportsCenter.lists.factories'), <ExportListButton call="exports.factories" input={{}} />)}
        {item(t('reportsCenter.lists.samples'), <ExportListButton call="exports.samples" input={{}} />)}
        {item(t('reportsCenter.lists.visits'), <ExportListButton call="exports.visits" input={{}} />)}
        {item(t('reportsCenter.lists.tours'), <ExportListButton call="exports.tours" input={{}} />)}
        {item(t('reportsCenter.lists.targets'), <ExportListButton call="exports.targets" input={{}} />)}
      </Stack>
    </Paper>
  )
}

/** Every report in one place: pick a sample, visit or tour and export its PDF, or a list to Excel. */
export function ReportsPage() {
  const { t } = useTranslation()
  return (
    <Stack gap="md" maw={1200} data-testid="reports-page">
      <Stack gap={2}>
        <Title order={2}>{t('reportsCenter.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('reportsCenter.intro')}
        </Text>
      </Stack>
      <Tabs defaultValue="samples" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="samples" data-testid="reports-tab-samples">
            {t('reportsCenter.tabs.samples')}
          </Tabs.Tab>
          <Tabs.Tab value="visits" data-testid="reports-tab-visits">
            {t('reportsCenter.tabs.visits')}
          </Tabs.Tab>
          <Tabs.Tab value="tours" data-testid="reports-tab-tours">
            {t('reportsCenter.tabs.tours')}
          </Tabs.Tab>
          <Tabs.Tab value="skus" data-testid="reports-tab-skus">
            {t('reportsCenter.tabs.skus')}
          </Tabs.Tab>
          <Tabs.Tab value="lists" data-testid="reports-tab-lists">
            {t('reportsCenter.tabs.lists')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="samples" pt="md">
          <SampleReports />
        </Tabs.Panel>
        <Tabs.Panel value="visits" pt="md">
          <VisitReports />
        </Tabs.Panel>
        <Tabs.Panel value="tours" pt="md">
          <TourReports />
        </Tabs.Panel>
        <Tabs.Panel value="skus" pt="md">
          <SkuReports />
        </Tabs.Panel>
        <Tabs.Panel value="lists" pt="md">
          <ListExports />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  )
}
