import { Badge, Group, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { FactGrid } from './ReportSection'
import { printedDate } from './report-format'
import { signatureText } from './summary-format'
import type { SampleReportData } from './report-types'

const STATUS_COLORS = {
  requested: 'gray',
  received: 'blue',
  evaluating: 'yellow',
  approved: 'teal',
  rejected: 'red',
} as const

/** The first thing on the page: code (with its QR), name, SKU, factory, dates and status. */
export function SampleHeader({ report }: { report: SampleReportData }) {
  const { t } = useTranslation()
  const { sample } = report
  const registered = sample.history[0]?.at ?? sample.createdAt
  const facts: [string, string][] = [
    [t('reports.sample.sku'), sample.skuName ?? t('reports.sample.noSku')],
    [t('reports.sample.factory'), sample.factoryName ?? t('reports.deletedFactory')],
    [
      t('reports.sample.source'),
      sample.source === 'visit' && sample.visitDate
        ? t('reports.sample.fromVisit', { date: sample.visitDate })
        : t(`reports.source.${sample.source}`),
    ],
    [t('reports.sample.registered'), printedDate(registered)],
    [t('reports.sample.category'), sample.category || t('common.none')],
    [t('reports.sample.storage'), sample.storageLocation || t('common.none')],
  ]
  return (
    <header className="print-header" data-testid="report-header">
      <div className="print-header-main">
        <Text className="print-kicker">{t('reports.sample.title')}</Text>
        <Group gap="sm" align="center" wrap="nowrap">
          <Text className="print-code" data-testid="report-code">
            {sample.code}
          </Text>
          <Badge color={STATUS_COLORS[sample.status]} variant="filled" radius="sm" tt="none" size="lg">
            {t(`reports.sampleStatus.${sample.status}`)}
          </Badge>
        </Group>
        <Text className="print-title">{sample.name}</Text>
        {sample.statusReason ? (
          <Text size="sm" c="dimmed">
            {t('reports.sample.statusReason', { reason: sample.statusReason })}
          </Text>
        ) : null}
        <FactGrid facts={facts} />
      </div>
      <figure className="print-qr">
        <img src={`data:image/svg+xml;utf8,${encodeURIComponent(report.qrSvg)}`} alt={sample.code} />
        <figcaption>{t('reports.sample.qrHint')}</figcaption>
      </figure>
      <Text className="print-signature" size="xs" c="dimmed">
        {signatureText(t, report.generatedAt, report.buyerName)}
      </Text>
    </header>
  )
}
