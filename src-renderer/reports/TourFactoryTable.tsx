import { useTranslation } from 'react-i18next'
import { dueText } from './NextSteps'
import type { TourFactoryData } from './report-types'
import { scoreText } from './report-format'

/** A visit's notes as printed in the table: the first lines, so one factory never takes a page. */
const NOTE_CHARS = 140

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > NOTE_CHARS ? `${flat.slice(0, NOTE_CHARS - 1)}…` : flat
}

/**
 * Every factory of a tour in one table: the planned ones (those not visited marked so), then the ones
 * visited off the plan; each visit's date, score and notes, and the follow-ups still open.
 */
export function TourFactoryTable({ factories }: { factories: readonly TourFactoryData[] }) {
  const { t } = useTranslation()
  const c = (key: string) => t(`reportSummary.factoryColumns.${key}`)
  return (
    <table className="print-table print-factories" data-testid="summary-factories">
      <colgroup>
        <col className="print-col-factory" />
        <col className="print-col-date" />
        <col className="print-col-score" />
        <col />
        <col className="print-col-followups" />
      </colgroup>
      <thead>
        <tr>
          <th>{c('factory')}</th>
          <th>{c('visit')}</th>
          <th>{c('score')}</th>
          <th>{c('notes')}</th>
          <th>{c('followUps')}</th>
        </tr>
      </thead>
      <tbody>
        {factories.map((f) => (
          <tr key={f.factoryId} data-visited={f.visited} data-testid="summary-factory">
            <td className="print-name">
              <div className="print-strong">{f.factoryName ?? t('reports.deletedFactory')}</div>
              {f.city ? <div className="print-muted">{f.city}</div> : null}
              {!f.planned ? <span className="print-tag">{t('reportSummary.offPlan')}</span> : null}
            </td>
            {f.visited ? (
              <>
                <td className="num">
                  {f.visits.map((v) => (
                    <div key={v.id}>{v.visitDate}</div>
                  ))}
                </td>
                <td className="num">
                  {f.visits.map((v) => (
                    <div key={v.id}>
                      {v.averageScore === null
                        ? t('reportSummary.unscored')
                        : t('reportSummary.scored', {
                            score: scoreText(v.averageScore),
                            count: v.scoredCount,
                          })}
                    </div>
                  ))}
                </td>
                <td className="print-note">
                  {f.visits.map((v) => (v.notes ? <div key={v.id}>{clip(v.notes)}</div> : null))}
                </td>
              </>
            ) : (
              <td colSpan={3}>
                <span className="print-tag print-tag-warn" data-testid="summary-not-visited">
                  {t('reportSummary.notVisited')}
                </span>
              </td>
            )}
            <td>
              {f.openFollowUps.length === 0 ? (
                <span className="print-muted">{f.visited ? t('reportSummary.none') : ''}</span>
              ) : (
                <ul className="print-steps">
                  {f.openFollowUps.map((item) => (
                    <li key={item.id}>
                      {item.text}
                      <span className="print-muted"> · {dueText(t, item)}</span>
                    </li>
                  ))}
                </ul>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
