import { displayPercent, displayUnitPrice, type QuoteComparison } from '@core/domain/pricing'
import type { QuoteLabel } from '@core/targets/targets.contract'
import type { TFunction } from 'i18next'
import { sharePercent } from '../common/figures'

/**
 * The target in one or two sentences a category manager can act on: whether the SKU meets one third of
 * the brand's price, and if not, what the landed cost must drop to (and by how much), or which order
 * quantity would get the best quote there.
 */
export function targetAdvice(
  t: TFunction,
  comparison: QuoteComparison,
  labels: ReadonlyMap<string, QuoteLabel>,
  unit: string,
): string[] {
  const { summary } = comparison
  const perUnit = (value: string) => t('comparison.perUnit', { price: displayUnitPrice(value), unit })
  const verdict = t(`targetStatus.${summary.status}`)
  switch (summary.status) {
    case 'noQuote':
      return [t('reports.advice.noQuote', { verdict })]
    case 'noBenchmark':
      return [t('reports.advice.noBenchmark', { verdict })]
    default:
      break
  }
  const best = comparison.rows.find((row) => row.quoteId === summary.bestQuoteId)
  const factory = (best && labels.get(best.quoteId)?.factoryName) ?? ''
  const lines = [
    t('reports.advice.best', {
      verdict,
      factory,
      cost: perUnit(summary.bestUnitCost ?? '0'),
      ratio: t('quoteUi.shareOfBrand', {
        percent: sharePercent(summary.bestRatioToBrand ?? '0', summary.targetRatio),
      }),
      target: summary.targetRatio,
    }),
  ]
  if (summary.status === 'met' || !best?.verdict) {
    if (summary.maxLandedUnitCost) {
      lines.push(t('reports.advice.headroom', { max: perUnit(summary.maxLandedUnitCost) }))
    }
    return lines
  }
  lines.push(
    t('reports.advice.mustDrop', {
      max: perUnit(best.verdict.maxLandedUnitCost),
      gap: perUnit(best.verdict.gap),
      share: displayPercent(best.verdict.gapShare),
    }),
  )
  const smallest = best.smallestMeeting
  if (smallest.status === 'found') {
    lines.push(
      smallest.retailPacks !== null
        ? t('reports.advice.largerOrder', { factory, packs: smallest.retailPacks.toLocaleString() })
        : t('reports.advice.largerOrderQuote', { factory, packs: smallest.quotePacks.toLocaleString() }),
    )
  } else if (smallest.status === 'never') {
    lines.push(t('reports.advice.noTierMeets', { factory }))
  }
  return lines
}
