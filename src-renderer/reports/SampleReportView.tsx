import { Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { ComparisonSection } from './ComparisonSection'
import { EvaluationSection, SpecsSection } from './EvaluationSection'
import { FollowUpList } from './FollowUpList'
import { MAX_FACTORY_PHOTOS, PhotoGrid } from './PhotoGrid'
import { ReportSection } from './ReportSection'
import { SampleHeader } from './SampleHeader'
import { ScorecardSection } from './ScorecardSection'
import { printedTime } from './report-format'
import type { SampleReportData } from './report-types'

/** One sample on A4: header, photos, specs, evaluation, the SKU's quotes, the factory, notes. */
export function SampleReportView({
  report,
  comparisonDetail = true,
}: {
  report: SampleReportData
  /** false inside a tour, which prints each SKU's comparison once, before the samples. */
  comparisonDetail?: boolean
}) {
  const { t } = useTranslation()
  const { sample, visit } = report
  return (
    <article className="print-document" data-testid="sample-report" data-code={sample.code}>
      <SampleHeader report={report} />
      <ReportSection title={t('reportSummary.samplePhotos')} testId="report-sample-photos">
        <PhotoGrid photos={report.photos} />
      </ReportSection>
      <SpecsSection specs={sample.specs} />
      <EvaluationSection evaluation={sample.evaluation} />
      {report.comparison && comparisonDetail ? (
        <ComparisonSection data={report.comparison} />
      ) : report.comparison ? (
        <Text size="sm" c="dimmed" mt="sm" data-testid="report-see-comparison">
          {t('reportSummary.seeComparison', { sku: report.comparison.sku.name })}
        </Text>
      ) : (
        <ReportSection title={t('reports.comparison.none')}>
          <Text size="sm" c="dimmed">
            {t('reports.comparison.noSku')}
          </Text>
        </ReportSection>
      )}
      {report.scorecard ? <ScorecardSection scorecard={report.scorecard} /> : null}
      {report.factoryPhotos.length > 0 ? (
        <ReportSection
          title={t('reportSummary.factoryPhotos', {
            factory: sample.factoryName ?? t('reports.deletedFactory'),
          })}
          testId="report-factory-photos"
        >
          <PhotoGrid photos={report.factoryPhotos} max={MAX_FACTORY_PHOTOS} />
        </ReportSection>
      ) : null}
      <ReportSection title={t('reports.notes.title')}>
        <Text size="sm" className="print-prose">
          {sample.notes || t('reports.notes.none')}
        </Text>
        {visit ? (
          <>
            <Text className="print-subtitle">
              {t('reports.notes.visit', { date: visit.visitDate, factory: visit.factoryName ?? '' })}
            </Text>
            {visit.notes ? (
              <Text size="sm" className="print-prose">
                {visit.notes}
              </Text>
            ) : null}
            <Text className="print-subtitle">{t('reports.followUps.title')}</Text>
            <FollowUpList items={visit.followUps} />
          </>
        ) : null}
      </ReportSection>
      <ReportSection title={t('reports.history.title')}>
        <ul className="print-history">
          {sample.history.map((change) => (
            <li key={change.id}>
              <span className="num">{printedTime(change.at)}</span>
              <span>
                {change.from ? `${t(`reports.sampleStatus.${change.from}`)} → ` : ''}
                {t(`reports.sampleStatus.${change.to}`)}
              </span>
              <span className="print-muted">{[change.by, change.reason].filter(Boolean).join(' · ')}</span>
            </li>
          ))}
        </ul>
      </ReportSection>
    </article>
  )
}
