import { Text } from '@mantine/core'
import { SCORE_DIMENSIONS } from '@core/domain/scorecard'
import { useTranslation } from 'react-i18next'
import { FollowUpList } from './FollowUpList'
import { PhotoGrid } from './PhotoGrid'
import { FactGrid, ReportSection } from './ReportSection'
import { SampleTable } from './SampleTable'
import { ScorecardSection } from './ScorecardSection'
import { scoreText } from './report-format'
import { signatureText } from './summary-format'
import type { VisitReportData } from './report-types'

/** One factory visit: who met, the scores given, photos, the samples handed over, notes, follow-ups. */
export function VisitReportView({ report }: { report: VisitReportData }) {
  const { t } = useTranslation()
  const { visit } = report
  const facts: [string, string][] = [
    [t('reports.visit.date'), visit.visitDate],
    [t('reports.visit.tour'), visit.tourName ?? t('common.none')],
    [t('reports.visit.attendees'), visit.attendees.join('、') || t('common.none')],
    [t('reports.visit.average'), scoreText(visit.averageScore)],
  ]
  return (
    <article className="print-document" data-testid="visit-report">
      <header className="print-header print-header-plain">
        <div className="print-header-main">
          <Text className="print-kicker">{t('reports.visit.title')}</Text>
          <Text className="print-title" data-testid="report-factory">
            {visit.factoryName ?? t('reports.deletedFactory')}
          </Text>
          <FactGrid facts={facts} />
        </div>
        <Text className="print-signature" size="xs" c="dimmed">
          {signatureText(t, report.generatedAt, report.buyerName)}
        </Text>
      </header>
      <ReportSection title={t('reports.visit.scores')}>
        <table className="print-table">
          <tbody>
            {SCORE_DIMENSIONS.map((dimension) => {
              const score = visit.scores[dimension]
              return (
                <tr key={dimension}>
                  <td className="print-score-label">{t(`reports.scorecard.dimensions.${dimension}`)}</td>
                  <td className="print-score-bar">
                    <span className="print-bar">
                      <span style={{ width: `${((score.score ?? 0) / 5) * 100}%` }} />
                    </span>
                  </td>
                  <td className="num print-score-value">
                    {score.score === null ? t('reports.visit.unscored') : `${score.score} / 5`}
                  </td>
                  <td className="print-score-note">{score.note}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </ReportSection>
      {report.scorecard ? <ScorecardSection scorecard={report.scorecard} /> : null}
      <ReportSection title={t('reports.photos.title')}>
        <PhotoGrid photos={report.photos} />
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
          <SampleTable samples={report.samples} withFactory={false} />
        )}
      </ReportSection>
      <ReportSection title={t('reports.notes.title')}>
        <Text size="sm" className="print-prose">
          {visit.notes || t('reports.notes.none')}
        </Text>
        <Text className="print-subtitle">{t('reports.followUps.title')}</Text>
        <FollowUpList items={visit.followUps} />
      </ReportSection>
    </article>
  )
}
