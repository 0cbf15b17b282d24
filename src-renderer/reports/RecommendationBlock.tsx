import { Text } from '@mantine/core'
import { displayPercent } from '@core/domain/pricing'
import { DEFAULT_TARGET_RATIO } from '@core/domain/pricing/pricing.schema'
import { useTranslation } from 'react-i18next'
import { askHeadline, quotePackWord, packWords } from '../negotiation/ask-text'
import { money } from '../quotes/quote-format'
import { TargetStatusBadge } from '../targets/TargetStatusBadge'
import type { RecommendationData } from './report-types'
import { perUnitText, shareText, targetText } from './summary-format'

/**
 * What a summary opens with: the quote to go with, its price as the factory stated it and as it lands,
 * its share of the brand's price against the target, and in words what it takes to meet the target.
 */
export function RecommendationBlock({
  rec,
  compact = false,
}: {
  rec: RecommendationData
  /** One of several (a tour's): the SKU named in the title, the figures on one line. */
  compact?: boolean
}) {
  const { t, i18n } = useTranslation()
  const { best } = rec
  const unit = rec.comparableUnit
  const word = quotePackWord(best ?? undefined, i18n.language)
  const { pack, packs } = packWords(t, word)
  // The counter-offer, when today's price misses (or why there is none).
  const ask = best && best.status !== 'met' ? askHeadline(t, best.ask, word) : null
  const target = targetText(rec.targetRatio)
  const title = best
    ? t('reportSummary.pick', { factory: best.factoryName, round: best.round })
    : rec.status === 'noBenchmark'
      ? t('reportSummary.noPick.noBenchmark', { target: rec.targetRatio })
      : rec.status === 'noQuote' && rec.renegotiate.length === 0
        ? t('reportSummary.noPick.noQuote')
        : t('reportSummary.noPick.noCurrent')
  return (
    <div
      className="print-reco"
      data-status={rec.status}
      data-compact={compact}
      data-testid="summary-recommendation"
    >
      <div className="print-reco-head">
        <TargetStatusBadge status={rec.status} size="lg" />
        <div className="print-reco-title">
          {compact ? <span className="print-reco-sku">{rec.skuName}</span> : null}
          <span data-testid="summary-pick">{title}</span>
        </div>
      </div>
      {best && compact ? (
        <div className="print-reco-line">
          <span className="print-strong">
            {t('reportSummary.quoted', {
              price: money(best.pricePerPack, best.currency),
              pack,
              vat: t(`quotes.vat.${best.vatBasis}`),
            })}
          </span>
          {' · '}
          {t('reportSummary.landed', {
            money: money(best.landedPackCost),
            pack,
            unit: perUnitText(t, best.unitCost, unit),
          })}
          {' · '}
          <span className="print-strong">
            {t('reportSummary.share', { share: shareText(best.ratioToBrand) })}
          </span>
          {/* The default target goes without saying beside several SKUs; another one is named. */}
          {rec.targetRatio === DEFAULT_TARGET_RATIO ? '' : ` (${t('reportSummary.shareTarget', { target })})`}
          {best.status !== 'met' ? (
            <div>
              {t('reportSummary.verdictMissed', {
                gap: displayPercent(best.gapShare),
                max: perUnitText(t, best.maxLandedUnitCost, unit),
              })}
            </div>
          ) : null}
          {ask ? (
            <div className="print-reco-ask" data-tone={ask.tone} data-testid="summary-ask">
              {ask.text}
            </div>
          ) : null}
        </div>
      ) : best ? (
        <>
          <dl className="print-reco-figures">
            <div>
              <dt>
                {t('reportSummary.quoted', {
                  price: money(best.pricePerPack, best.currency),
                  vat: t(`quotes.vat.${best.vatBasis}`),
                })}
              </dt>
              <dd>
                {t('reportSummary.pack', { pack, spec: best.packText })}
                {' · '}
                {t('reportSummary.tier', {
                  from: best.tierFromPacks.toLocaleString(),
                  count: best.orderPacks.toLocaleString(),
                  packs,
                })}
              </dd>
            </div>
            <div>
              <dt>{t('reportSummary.share', { share: shareText(best.ratioToBrand) })}</dt>
              <dd>
                {t('reportSummary.shareTarget', { target })}
                {rec.brand
                  ? ` · ${t('reportSummary.brand', {
                      brand: rec.brand.brand,
                      channel: rec.brand.channel,
                      price: perUnitText(t, rec.brand.unitPrice, unit),
                    })}`
                  : ''}
              </dd>
            </div>
            <div>
              <dt>
                {t('reportSummary.landed', {
                  money: money(best.landedPackCost),
                  pack,
                  unit: perUnitText(t, best.unitCost, unit),
                })}
              </dt>
              <dd>
                {best.status === 'met'
                  ? t('reportSummary.verdictMet', { max: perUnitText(t, best.maxLandedUnitCost, unit) })
                  : t('reportSummary.verdictMissed', {
                      gap: displayPercent(best.gapShare),
                      max: perUnitText(t, best.maxLandedUnitCost, unit),
                    })}
              </dd>
            </div>
          </dl>
          {ask ? (
            <div className="print-reco-ask" data-tone={ask.tone} data-testid="summary-ask">
              {ask.text}
            </div>
          ) : null}
          {best.validUntil ? (
            <Text size="xs" c="dimmed">
              {t('reportSummary.validUntil', { date: best.validUntil })}
            </Text>
          ) : null}
        </>
      ) : null}
    </div>
  )
}
