import { Dec } from './exact'
import type { DecimalString } from './pricing.types'

/**
 * Rounding for display only. The engine never rounds a value it computes with; these helpers are for
 * the last step, a table cell or an export column.
 */

/** Money to 2 decimal places, half-up: '0.0183916…' -> '0.02', '38.005' -> '38.01'. */
export function displayMoney(value: DecimalString): string {
  return new Dec(value).toFixed(2, Dec.ROUND_HALF_UP)
}

/** A comparable-unit cost or price to 4 decimal places, half-up: '0.018391666…' -> '0.0184'. */
export function displayUnitPrice(value: DecimalString): string {
  return new Dec(value).toFixed(4, Dec.ROUND_HALF_UP)
}

/** A ratio to brand to 2 decimal places, half-up: '0.2874…' -> '0.29'. */
export function displayRatio(value: DecimalString): string {
  return new Dec(value).toFixed(2, Dec.ROUND_HALF_UP)
}

/** A share as a percentage with 1 decimal place: '0.1234' -> '12.3%'. */
export function displayPercent(value: DecimalString): string {
  return `${new Dec(value).times(100).toFixed(1, Dec.ROUND_HALF_UP)}%`
}

/** Any decimal to `places` decimal places, half-up. */
export function displayDecimal(value: DecimalString, places: number): string {
  return new Dec(value).toFixed(places, Dec.ROUND_HALF_UP)
}
