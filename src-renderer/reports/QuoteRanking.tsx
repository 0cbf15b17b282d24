import { compareQuotes } from '@core/domain/pricing'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { money } from '../quotes/quote-format'
import type { SkuSummaryReportData } from './report-types'
import { perUnitText, shareText } from './summary-format'

/**
 * The SKU's quotes in one compact table for paper: rank, factory and round, the price per pack as
 * quoted, landed per unit, share of the brand's price and the verdict. Fixed widths for the figures and
 * the rest for the factory, so long names wrap as words instead of being squeezed into slivers.
 */
export function QuoteRanking({ data }: { data: SkuSummaryReportData['comparison'] }) {
  const { t } = useTranslation()
  const comparison = useMemo(() => compareQuotes(data.input), [data.input])
  const labels = new Map(data.labels.map((l) => [l.quoteId, l]))
  const quotes = new Map(data.input.quotes.map((q) => [q.id, q]))
  const unit = data.sku.comparableUnit
  const c = (key: string) => t(`reportSummary.columns.${key}`)
  return (
    <table className="print-table print-ranking" data-testid="summary-ranking">
      <colgroup>
        <col className="print-col-rank" />
        <col />
        <col className="print-col-money" />
        <col className="print-col-money" />
        <col className="print-col-share" />
        <col className="print-col-verdict" />
      </colgroup>
      <thead>
        <tr>
          <th>{c('rank')}</th>
          <th>{c('factory')}</th>
          <th className="num-cell">{c('quoted')}</th>
          <th className="num-cell">{c('landed')}</th>
          <th className="num-cell">{c('share')}</th>
          <th>{c('verdict')}</th>
        </tr>
      </thead>
      <tbody>
        {comparison.rows.map((row) => {
          const label = labels.get(row.quoteId)
          const quote = quotes.get(row.quoteId)
          const priced = row.pricing.status === 'priced' ? row.pricing.cost : null
          const verdict =
            row.group === 'unpriced'
              ? t('reportSummary.unpriced')
              : row.verdict
                ? t(`targetStatus.${row.verdict.status}`)
                : '—'
          return (
            <tr
              key={row.quoteId}
              data-group={row.group}
              data-best={row.quoteId === comparison.summary.bestQuoteId}
            >
              <td className="num">{row.rank}</td>
              <td className="print-name">
                {label?.factoryName ?? ''}
                <span className="print-muted"> · {t('quotes.round', { round: label?.round ?? 1 })}</span>
              </td>
              <td className="num num-cell">
                {priced && quote ? money(priced.tier.pricePerPack, quote.currency) : '—'}
                {quote ? <span className="print-muted"> {t(`quotes.vat.${quote.vatBasis}`)}</span> : null}
              </td>
              <td className="num num-cell">{row.unitCost ? perUnitText(t, row.unitCost, unit) : '—'}</td>
              <td className="num num-cell">{row.verdict ? shareText(row.verdict.ratioToBrand) : '—'}</td>
              <td data-status={row.verdict?.status}>
                {verdict}
                {row.group === 'expired' ? (
                  <span className="print-muted"> · {t('reportSummary.expired')}</span>
                ) : null}
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
