import { formatPhone } from '@core/domain/phone'
import { useTranslation } from 'react-i18next'
import { planDays } from '../tours/itinerary-plan'
import { ReportSection } from './ReportSection'
import { scoreText } from './report-format'
import type { TourReportData } from './report-types'
import { SummaryHeader } from './SummaryHeader'

/**
 * The itinerary to carry on the road: one day's (or every day's) factories in visiting order, where
 * each is, whom to call, how it stood last time and what is still open, and room to note the visit.
 */
export function ItineraryReportView({ report, day }: { report: TourReportData; day?: string }) {
  const { t } = useTranslation()
  const { tour } = report
  const c = (key: string) => t(`itinerary.report.columns.${key}`)
  const days = planDays(tour, tour.plannedFactories).filter((d) =>
    day ? d.date === day : d.date !== null || d.stops.length > 0,
  )
  return (
    <article className="print-document print-summary" data-testid="itinerary-report">
      <SummaryHeader
        kicker={t('itinerary.report.title')}
        title={tour.name}
        facts={[
          [t('reports.tour.dates'), `${tour.startDate} – ${tour.endDate}`],
          [t('itinerary.report.day'), day ?? t('itinerary.printAll')],
          [t('reports.tour.members'), tour.members.join('、') || t('common.none')],
          [t('reports.tour.belts'), tour.belts.join('、') || t('common.none')],
        ]}
        generatedAt={report.generatedAt}
        buyerName={report.buyerName}
      />
      {days.map((d) => (
        <ReportSection
          key={d.date ?? 'undated'}
          title={
            d.date
              ? t('itinerary.day', { n: dayIndex(tour.startDate, d.date) + 1, date: d.date })
              : t('itinerary.report.undated')
          }
          keepTogether={false}
          testId="itinerary-report-day"
        >
          {d.stops.length === 0 ? (
            <p className="print-muted">{t('itinerary.emptyDay')}</p>
          ) : (
            <table className="print-table print-itinerary">
              <colgroup>
                <col className="print-col-rank" />
                <col className="print-col-factory" />
                <col />
                <col className="print-col-contact" />
                <col className="print-col-score" />
                <col className="print-col-notes" />
              </colgroup>
              <thead>
                <tr>
                  <th>{c('order')}</th>
                  <th>{c('factory')}</th>
                  <th>{c('address')}</th>
                  <th>{c('contact')}</th>
                  <th>{c('last')}</th>
                  <th>{c('notes')}</th>
                </tr>
              </thead>
              <tbody>
                {d.stops.map((stop, i) => (
                  <tr key={stop.factoryId} data-testid="itinerary-report-stop">
                    <td className="num">{i + 1}</td>
                    <td className="print-name">
                      <div className="print-strong">{stop.factoryName ?? t('reports.deletedFactory')}</div>
                      {stop.status ? <span className="print-tag">{t(`status.${stop.status}`)}</span> : null}
                      {stop.glance.openFollowUps > 0 ? (
                        <span className="print-tag print-tag-warn">
                          {t('itinerary.openFollowUps', { count: stop.glance.openFollowUps })}
                        </span>
                      ) : null}
                    </td>
                    <td>
                      <div>{[stop.province, stop.city].filter(Boolean).join(' ')}</div>
                      <div className="print-muted">{stop.address || t('itinerary.noAddress')}</div>
                    </td>
                    <td>
                      {stop.contact ? (
                        <>
                          <div>
                            {stop.contact.name}
                            {stop.contact.role ? ` · ${stop.contact.role}` : ''}
                          </div>
                          <div className="num">
                            {stop.contact.phone
                              ? formatPhone(stop.contact.phone, t('factories.contact.extension'))
                              : ''}
                          </div>
                        </>
                      ) : (
                        <span className="print-muted">{t('itinerary.noContact')}</span>
                      )}
                    </td>
                    <td className="num">
                      <div>{stop.glance.lastVisitDate ?? t('itinerary.report.never')}</div>
                      <div className="print-muted">{scoreText(stop.glance.latestScore)}</div>
                    </td>
                    <td className="print-write-in" />
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </ReportSection>
      ))}
    </article>
  )
}

/** Days from the tour's first day to `date`. */
function dayIndex(start: string, date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000)
}
