import { displayPercent, displayRatio, displayUnitPrice } from '@core/domain/pricing'
import type { TFunction } from 'i18next'
import { printedTime } from './report-format'

/** The header's signature: time and buyer; without a name, the time alone (never a placeholder). */
export function signatureText(t: TFunction, generatedAt: string, buyerName: string): string {
  const time = printedTime(generatedAt)
  return buyerName
    ? t('reports.signature', { time, buyer: buyerName })
    : t('reportSummary.signatureUnsigned', { time })
}

/** A landed cost per comparable unit: '¥0.005125/抽'. */
export function perUnitText(t: TFunction, value: string, unit: string): string {
  return t('comparison.perUnit', { price: displayUnitPrice(value), unit })
}

/** A ratio to the brand's price as a share: '0.3077' → '30.8%'. */
export function shareText(ratio: string): string {
  return displayPercent(ratio)
}

/** The target ratio as written, with its share when it is a fraction: '1/3' → '1/3 (33.3%)'. */
export function targetText(ratio: string): string {
  const [num, den] = ratio.split('/')
  if (num && den) return `${ratio} (${displayPercent(String(Number(num) / Number(den)))})`
  return displayPercent(displayRatio(ratio))
}
