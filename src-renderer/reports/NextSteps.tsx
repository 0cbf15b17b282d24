import type { TFunction } from 'i18next'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { askHeadline, quotePackWord } from '../negotiation/ask-text'
import type { RecommendationData } from './report-types'
import { shareText } from './summary-format'

type FollowUp = RecommendationData['openFollowUps'][number]

/** "due 2026-12-05", "overdue · due …" or "no date". */
export function dueText(t: TFunction, item: { dueDate: string | null }, overdue = false): string {
  if (!item.dueDate) return t('reportSummary.noDue')
  const due = t('reportSummary.due', { date: item.dueDate })
  return overdue ? `${t('reportSummary.overdue')} · ${due}` : due
}

function Group({
  title,
  items,
  testId,
  wide = false,
}: {
  title: string
  items: ReactNode[]
  testId: string
  /** true for the list whose items are long (the counter-offers): it takes the whole width. */
  wide?: boolean
}) {
  const { t } = useTranslation()
  return (
    <div className="print-steps-group" data-wide={wide} data-testid={testId}>
      <div className="print-steps-title">
        {title}
        <span className="print-steps-count">{items.length}</span>
      </div>
      {items.length === 0 ? (
        <div className="print-muted">{t('reportSummary.none')}</div>
      ) : (
        <ul className="print-steps">
          {items.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>
      )}
    </div>
  )
}

/**
 * What to do next for an SKU: quotes to take back to their factories, samples still to judge, and (unless
 * the page lists them per factory already) the follow-ups still open.
 */
export function NextSteps({
  recs,
  withFollowUps = true,
}: {
  recs: readonly RecommendationData[]
  /** false where the follow-ups are printed elsewhere on the page (a tour's factory table). */
  withFollowUps?: boolean
}) {
  const { t, i18n } = useTranslation()
  const renegotiate = recs.flatMap((rec) =>
    rec.renegotiate.map((r) => {
      // What to ask for, beside why: the counter-offer in the factory's own terms.
      const ask = r.reason === 'missesTarget' ? askHeadline(t, r.ask, quotePackWord(r, i18n.language)) : null
      const why = t(`reportSummary.renegotiate.${r.reason}`, {
        factory: recs.length > 1 ? `${rec.skuName} · ${r.factoryName}` : r.factoryName,
        round: r.round,
        share: r.ratioToBrand ? shareText(r.ratioToBrand) : '—',
        verdict: r.status ? t(`targetStatus.${r.status}`) : '',
        packs: r.minRetailPacks?.toLocaleString() ?? '—',
      })
      // The counter-offer is one phrase the buyer reads out: it never breaks across lines.
      return ask ? (
        <>
          {why} — <span className="print-keep">{ask.text}</span>
        </>
      ) : (
        why
      )
    }),
  )
  // A sample is for one SKU, so it is listed once however many recommendations there are.
  const samples = [
    ...new Map(recs.flatMap((rec) => rec.samplesAwaiting.map((s) => [s.id, s] as const))).values(),
  ]
  const followUps = [
    ...new Map(recs.flatMap((rec) => rec.openFollowUps.map((f) => [f.id, f] as const))).values(),
  ]
  const followUpText = (f: FollowUp) =>
    `${t('reportSummary.followUp', { factory: f.factoryName ?? t('reports.deletedFactory'), text: f.text })} · ${dueText(t, f, f.overdue)}`
  return (
    <div className="print-next" data-testid="summary-next-steps">
      <Group
        title={t('reportSummary.renegotiateTitle')}
        items={renegotiate}
        testId="summary-renegotiate"
        wide
      />
      <Group
        title={t('reportSummary.samplesTitle')}
        testId="summary-samples-awaiting"
        items={samples.map((s) =>
          t('reportSummary.sample', {
            code: s.code,
            name: s.name,
            factory: s.factoryName ?? t('reports.deletedFactory'),
            status: t(`reports.sampleStatus.${s.status}`),
          }),
        )}
      />
      {withFollowUps ? (
        <Group
          title={t('reportSummary.followUpsTitle')}
          items={followUps.map(followUpText)}
          testId="summary-follow-ups"
        />
      ) : null}
    </div>
  )
}
