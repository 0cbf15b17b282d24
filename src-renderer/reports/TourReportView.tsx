import { Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { FactGrid, ReportSection } from './ReportSection'
import { ComparisonSection } from './ComparisonSection'
import { SampleReportView } from './SampleReportView'
import { SampleTable } from './SampleTable'
import { printedTime, scoreText } from './report-format'
import type { SampleReportData, TourReportData } from './report-types'

/**
 * A tour: its route and people, every visit in order, every sample; then (full) each SKU's quote table
 * and charts once, and each sample's report (with its verdict, without repeating its SKU's charts).
 */
export function TourReportView({
  report,
  samples,
}: {
  report: TourReportData
  /** Each sample's full report, printed after the summary; empty for the summary alone. */
  samples: readonly SampleReportData[]
}) {
  const { t } = useTranslation()
  const { tour } = report
  // One comparison per SKU: a tour brings several samples for the same SKU.
  const skus = [
    ...new Map(
      samples.flatMap((s) => (s.comparison ? [[s.comparison.sku.id, s.comparison] as const] : [])),
    ).values(),
  ]
  const facts: [string, string][] = [
    [t('reports.tour.dates'), `${tour.startDate} – ${tour.endDate}`],
    [t('reports.tour.belts'), tour.belts.join('、') || t('common.none')],
    [t('reports.tour.members'), tour.members.join('、') || t('common.none')],
    [
      t('reports.tour.progress'),
      t('reports.tour.progressValue', { visited: tour.progress.visited, planned: tour.progress.planned }),
    ],
  ]
  return (
    <>
      <article className="print-document" data-testid="tour-report">
        <header className="print-header print-header-plain">
          <div className="print-header-main">
            <Text className="print-kicker">{t('reports.tour.title')}</Text>
            <Text className="print-title">{tour.name}</Text>
            <FactGrid facts={facts} />
          </div>
          <Text className="print-signature" size="xs" c="dimmed">
            {t('reports.signature', {
              time: printedTime(report.generatedAt),
              buyer: report.buyerName || t('reports.noBuyer'),
            })}
          </Text>
        </header>
        <ReportSection title={t('reports.tour.visits', { count: report.visits.length })} keepTogether={false}>
          <table className="print-table">
            <thead>
              <tr>
                <th>{t('reports.visit.date')}</th>
                <th>{t('reports.sample.factory')}</th>
                <th className="num-cell">{t('reports.visit.average')}</th>
                <th className="num-cell">{t('reports.tour.openFollowUps')}</th>
              </tr>
            </thead>
            <tbody>
              {report.visits.map((v) => (
                <tr key={v.id}>
                  <td className="num">{v.visitDate}</td>
                  <td>{v.factoryName ?? t('reports.deletedFactory')}</td>
                  <td className="num num-cell">{scoreText(v.averageScore)}</td>
                  <td className="num num-cell">{v.openFollowUps}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ReportSection>
        <ReportSection
          title={t('reports.samples.title', { count: report.samples.length })}
          keepTogether={false}
        >
          {report.samples.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('reports.samples.none')}
            </Text>
          ) : (
            <SampleTable samples={report.samples} withFactory />
          )}
        </ReportSection>
      </article>
      {skus.map((comparison) => (
        <div key={comparison.sku.id} className="print-page-break" data-testid="tour-sku">
          <ComparisonSection data={comparison} />
        </div>
      ))}
      {samples.map((sample) => (
        <div key={sample.sample.id} className="print-page-break">
          <SampleReportView report={sample} comparisonDetail={false} />
        </div>
      ))}
    </>
  )
}
