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

/**
 * A comparable-unit cost or price, half-up, to 4 significant digits below 1 and 4 decimal places above:
 * '0.004875' and '0.0049284…' stay apart ('0.004875', '0.004928') where 4 places would show both as
 * '0.0049'; '0.018391666…' -> '0.01839'; '2.21' -> '2.2100'.
 */
export function displayUnitPrice(value: DecimalString): string {
  const exact = new Dec(value)
  if (exact.isZero() || exact.abs().gte(1)) return exact.toFixed(4, Dec.ROUND_HALF_UP)
  const rounded = exact.toSignificantDigits(4, Dec.ROUND_HALF_UP)
  // e is the decimal exponent: 0.006315 has e = -3, so 4 significant digits need 6 places.
  return rounded.toFixed(Math.max(4, 3 - rounded.e), Dec.ROUND_HALF_UP)
}

/**
 * A ratio to brand to 3 decimal places, half-up: '0.2874…' -> '0.287'. Two places would show 0.3297
 * as '0.33' beside a limit of 1/3 that also reads '0.33'; three keep "just met" and "just missed" apart.
 */
export function displayRatio(value: DecimalString): string {
  return new Dec(value).toFixed(3, Dec.ROUND_HALF_UP)
}

/** A share as a percentage with 1 decimal place: '0.1234' -> '12.3%'. */
export function displayPercent(value: DecimalString): string {
  return `${new Dec(value).times(100).toFixed(1, Dec.ROUND_HALF_UP)}%`
}

/** Any decimal to `places` decimal places, half-up. */
export function displayDecimal(value: DecimalString, places: number): string {
  return new Dec(value).toFixed(places, Dec.ROUND_HALF_UP)
}
