import Decimal from 'decimal.js'

/**
 * The one place the renderer turns the engine's exact decimals into figures a buyer reads: money with
 * the precision its size needs, unit prices per the SKU's scale (¥0.4928/100抽, not ¥0.004928/抽), the
 * ratio as a share of the brand's price and minimum orders in the quote's own pack word. Rounding is
 * half-up on decimals (never through a float), for display only.
 */

const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -100, toExpPos: 100 })

const SYMBOLS: Record<string, string> = { CNY: '¥', USD: '$', EUR: '€', HKD: 'HK$' }

/** '2400' → '2,400'; '1234.5' → '1,234.5' (decimal text, never through a float). */
function groupThousands(value: string): string {
  const negative = value.startsWith('-')
  const [whole = '', fraction] = (negative ? value.slice(1) : value).split('.')
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${negative ? '-' : ''}${fraction === undefined ? grouped : `${grouped}.${fraction}`}`
}

function withCurrency(amount: string, currency: string): string {
  const symbol = SYMBOLS[currency]
  return symbol ? `${symbol}${amount}` : `${currency} ${amount}`
}

/**
 * An amount at the precision its size needs: ≥ 100 whole units (¥8,000, ¥129), ≥ 1 two places (¥15.06),
 * below 1 four significant digits (¥0.4928, ¥0.03333). Two amounts a buyer compares keep their difference.
 */
export function amountText(value: string | Decimal): string {
  const exact = new D(value)
  const abs = exact.abs()
  if (abs.gte(100)) return groupThousands(exact.toFixed(0))
  if (abs.gte(1) || abs.isZero()) return groupThousands(exact.toFixed(2))
  const rounded = exact.toSignificantDigits(4)
  // e is the decimal exponent: 0.004928 has e = -3, so 4 significant digits need 6 places; zeros past
  // the cents say nothing ('0.07150' reads '0.0715').
  return rounded.toFixed(Math.max(2, 3 - rounded.e)).replace(/(\.\d\d\d*?)0+$/, '$1')
}

/** Money at the precision its size needs, with the currency's sign: '¥8,000', '¥15.06', '$0.2000'. */
export function formatMoney(value: string | Decimal, currency = 'CNY'): string {
  return withCurrency(amountText(value), currency)
}

/**
 * A price as the factory quoted it: at least the cents, more places only when the factory gave them
 * ('12.8' → '¥12.80', '0.055' → '¥0.055', '118' → '¥118.00'), so a quoted price is never rounded away.
 */
export function formatQuotedMoney(value: string, currency = 'CNY'): string {
  const exact = new D(value)
  const places = Math.min(Math.max(2, exact.decimalPlaces()), 6)
  return withCurrency(groupThousands(exact.toFixed(places)), currency)
}

/** The SKU's per-unit display: this many comparable units (1, 10, 100, 1000) of `unit`. */
export interface UnitScale {
  /** The comparable unit: 抽, ml, g, 片. */
  unit: string
  /** How many units one shown price is for. */
  scale: number
}

/** 'per 100抽' as the unit label: '抽' for a scale of 1, '100抽' for 100, '1,000ml' for 1000. */
export function scaledUnit({ unit, scale }: UnitScale): string {
  return scale === 1 ? unit : `${groupThousands(String(scale))}${unit}`
}

/** The number of a unit price at the SKU's scale (4 significant digits below 1000): '0.4928'. */
export function unitPriceAmount(value: string | Decimal, { scale }: Pick<UnitScale, 'scale'>): string {
  const scaled = new D(value).times(scale)
  if (scaled.abs().gte(1000)) return groupThousands(scaled.toFixed(0))
  if (scaled.isZero()) return '0.00'
  const rounded = scaled.toSignificantDigits(4)
  return groupThousands(rounded.toFixed(Math.max(2, 3 - rounded.e)))
}

/** A unit price at the SKU's scale: '¥0.4928/100抽', '¥2.380/100ml', '¥0.006277/抽'. */
export function formatUnitPrice(value: string | Decimal, scale: UnitScale, currency = 'CNY'): string {
  return `${withCurrency(unitPriceAmount(value, scale), currency)}/${scaledUnit(scale)}`
}

/** A ratio such as '1/3' or '0.3' as a decimal. */
export function ratioValue(ratio: string): Decimal {
  const [num = '0', den = '1'] = ratio.split('/').map((part) => part.trim())
  return new D(num).div(den)
}

/**
 * A ratio to the brand as a percentage of the brand's price: 0.206 → '21'. Whole percent, except where
 * that would hide which side of the target the ratio is (0.3297 beside 1/3 → '33.0', not '33').
 */
export function sharePercent(ratio: string | Decimal, target?: string): string {
  const percent = (typeof ratio === 'string' ? ratioValue(ratio) : new D(ratio)).times(100)
  const whole = percent.toFixed(0)
  if (target !== undefined) {
    const limit = ratioValue(target).times(100)
    if (limit.toFixed(0) === whole && !percent.eq(limit)) return percent.toFixed(1)
  }
  return whole
}

const PACK_WORDS_EN: Record<string, [string, string]> = {
  箱: ['case', 'cases'],
  件: ['pack', 'packs'],
  包: ['bag', 'bags'],
  袋: ['bag', 'bags'],
  提: ['bundle', 'bundles'],
  瓶: ['bottle', 'bottles'],
  桶: ['drum', 'drums'],
  罐: ['can', 'cans'],
  盒: ['box', 'boxes'],
  卷: ['roll', 'rolls'],
  条: ['piece', 'pieces'],
  片: ['sheet', 'sheets'],
  套: ['set', 'sets'],
}

/** The pack words offered in the quote form; a factory's own word can be typed too. */
export const PACK_WORDS = ['箱', '件', '包', '袋', '提', '瓶', '桶', '盒', '卷', '条'] as const

/** '' (not given) reads as 件, the word the form always used. */
function packWordOf(word: string): string {
  return word.trim() === '' ? '件' : word.trim()
}

/**
 * A count of quote packs in the factory's word: '1,000 箱' in Chinese, '1,000 cases' in English (a word
 * English has no entry for is kept as written).
 */
export function packCountText(count: number, word: string, language: string): string {
  const own = packWordOf(word)
  const grouped = groupThousands(String(count))
  if (language.startsWith('zh')) return `${grouped} ${own}`
  const english = PACK_WORDS_EN[own]
  return `${grouped} ${english ? english[count === 1 ? 0 : 1] : own}`
}

/** One pack in the factory's word, for 'per 箱' / 'per case'. */
export function packWordText(word: string, language: string): string {
  const own = packWordOf(word)
  if (language.startsWith('zh')) return own
  return PACK_WORDS_EN[own]?.[0] ?? own
}

/** Many packs in the factory's word, for '≥ 1,000 箱' / '≥ 1,000 cases' with the count apart. */
export function packWordPluralText(word: string, language: string): string {
  const own = packWordOf(word)
  if (language.startsWith('zh')) return own
  return PACK_WORDS_EN[own]?.[1] ?? own
}

/** A minimum order in the factory's own pack word: '≥ 1,000 箱' / '≥ 1,000 cases'. */
export function minimumOrderText(count: number, word: string, language: string): string {
  return `≥ ${packCountText(count, word, language)}`
}
