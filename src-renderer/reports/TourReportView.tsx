import { Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { SummaryHeader } from './SummaryHeader'
import { ReportSection } from './ReportSection'
import { ComparisonSection } from './ComparisonSection'
import { SampleReportView } from './SampleReportView'
import { NextSteps } from './NextSteps'
import { RecommendationBlock } from './RecommendationBlock'
import { SampleTable } from './SampleTable'
import { TourFactoryTable } from './TourFactoryTable'
import type { SampleReportData, TourReportData } from './report-types'

/**
 * A tour: the recommendation per SKU it touched and the next steps first, then every planned factory
 * (visited or not) with its scores, notes and open follow-ups, and every sample; then (full) each SKU's
 * comparison once and each sample's report, which refers to that comparison instead of repeating it.
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
      <article className="print-document print-summary" data-testid="tour-report">
        <SummaryHeader
          kicker={t('reports.tour.title')}
          title={tour.name}
          facts={facts}
          generatedAt={report.generatedAt}
          buyerName={report.buyerName}
        />
        <ReportSection
          title={t('reportSummary.recommendations', { count: report.recommendations.length })}
          keepTogether={false}
          testId="summary-recommendation-section"
        >
          {report.recommendations.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('reportSummary.noPick.noQuote')}
            </Text>
          ) : (
            <div className="print-reco-list">
              {report.recommendations.map((rec) => (
                <RecommendationBlock key={rec.skuId} rec={rec} compact />
              ))}
            </div>
          )}
        </ReportSection>
        <ReportSection title={t('reportSummary.nextSteps')}>
          <NextSteps recs={report.recommendations} withFollowUps={false} />
        </ReportSection>
        <ReportSection
          title={t('reportSummary.factories', {
            planned: tour.progress.planned,
            visited: report.factories.filter((f) => f.visited).length,
          })}
          keepTogether={false}
          testId="summary-evidence"
        >
          <TourFactoryTable factories={report.factories} />
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
