import { Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { ReportSection } from './ReportSection'
import { scoreDelta, scoreText } from './report-format'
import type { ScorecardData } from './report-types'

/**
 * The factory's capability scores: latest per dimension with how it moved since the previous visit that
 * scored it, and the average over all visits; a rising score is green, a falling one red.
 */
export function ScorecardSection({ scorecard }: { scorecard: ScorecardData }) {
  const { t } = useTranslation()
  const latestVisit = scorecard.visits[0]
  return (
    <ReportSection
      title={t('reports.scorecard.title', { factory: scorecard.factoryName })}
      testId="report-scorecard"
    >
      <Text size="sm" mb={6}>
        {t('reports.scorecard.overall', {
          latest: scoreText(scorecard.overall.latest),
          average: scoreText(scorecard.overall.average),
          visits: scorecard.visits.length,
          date: latestVisit?.visitDate ?? t('common.none'),
        })}
      </Text>
      <table className="print-table">
        <thead>
          <tr>
            <th>{t('reports.scorecard.dimension')}</th>
            <th className="num-cell">{t('reports.scorecard.latest')}</th>
            <th className="num-cell">{t('reports.scorecard.change')}</th>
            <th className="num-cell">{t('reports.scorecard.average')}</th>
            <th>{t('reports.scorecard.note')}</th>
          </tr>
        </thead>
        <tbody>
          {scorecard.dimensions.map((d) => (
            <tr key={d.dimension}>
              <td>{t(`reports.scorecard.dimensions.${d.dimension}`)}</td>
              <td className="num num-cell">{d.latest ?? '—'}</td>
              <td
                className="num num-cell"
                data-trend={d.delta === null || d.delta === 0 ? 'flat' : d.delta > 0 ? 'up' : 'down'}
              >
                {scoreDelta(d.delta)}
              </td>
              <td className="num num-cell">{scoreText(d.average)}</td>
              <td className="print-muted">{d.latestNote}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ReportSection>
  )
}
