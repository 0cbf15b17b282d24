import { Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { SummaryHeader } from './SummaryHeader'
import { NextSteps } from './NextSteps'
import { PhotoGrid } from './PhotoGrid'
import { QuoteRanking } from './QuoteRanking'
import { ReportSection } from './ReportSection'
import { SampleTable } from './SampleTable'
import type { SkuSummaryReportData } from './report-types'
import { RecommendationBlock } from './RecommendationBlock'
import { targetText } from './summary-format'

/** Photos per kind on the summary: one row each, so the page stays one page. */
const SUMMARY_PHOTOS = 3

/**
 * An SKU on one page for the category manager: the recommendation and next steps first, then the
 * evidence once: the quotes ranked, the samples, the samples' photos and, apart, the recommended
 * factory's own photos.
 */
export function SkuSummaryView({ report }: { report: SkuSummaryReportData }) {
  const { t } = useTranslation()
  const { recommendation: rec, comparison } = report
  const sku = comparison.sku
  const facts: [string, string][] = [
    [t('reports.sample.category'), sku.category || t('common.none')],
    [t('skus.fields.plannedOrderPacks'), sku.plannedOrderPacks.toLocaleString()],
    [t('skus.fields.targetRatio'), targetText(sku.targetRatio)],
    [t('skus.fields.comparableUnit'), sku.comparableUnit],
  ]
  const factory = rec.best?.factoryName ?? ''
  return (
    <article className="print-document print-summary" data-testid="sku-summary">
      <SummaryHeader
        kicker={t('reportSummary.skuTitle')}
        title={sku.name}
        facts={facts}
        generatedAt={report.generatedAt}
        buyerName={report.buyerName}
      />
      <ReportSection title={t('reportSummary.recommendation')} testId="summary-recommendation-section">
        <RecommendationBlock rec={rec} />
      </ReportSection>
      <ReportSection title={t('reportSummary.nextSteps')}>
        <NextSteps recs={[rec]} />
      </ReportSection>
      <ReportSection title={t('reportSummary.ranking')} keepTogether={false} testId="summary-evidence">
        {comparison.input.quotes.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('comparison.noQuotes')}
          </Text>
        ) : (
          <QuoteRanking data={comparison} />
        )}
      </ReportSection>
      <ReportSection
        title={t('reportSummary.samples', { count: report.samples.length })}
        keepTogether={false}
      >
        {report.samples.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('reports.samples.none')}
          </Text>
        ) : (
          <SampleTable samples={report.samples} withFactory withSku={false} />
        )}
      </ReportSection>
      {/* The samples' photos and the factory's side by side, never in one grid. */}
      <div className="print-photo-split">
        <ReportSection title={t('reportSummary.samplePhotos')} testId="summary-sample-photos">
          <PhotoGrid photos={report.samplePhotos} max={SUMMARY_PHOTOS} />
        </ReportSection>
        {rec.best ? (
          <ReportSection
            title={t('reportSummary.factoryPhotos', { factory })}
            testId="summary-factory-photos"
          >
            <PhotoGrid photos={report.factoryPhotos} max={SUMMARY_PHOTOS} />
          </ReportSection>
        ) : null}
      </div>
    </article>
  )
}
