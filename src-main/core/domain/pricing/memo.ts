import type { CurrencyRates, PricingQuote } from './pricing.types'

/**
 * A memo for pure results keyed by the exact texts they depend on. Bounded: once full it starts over,
 * so a long session cannot grow it forever.
 */
export class BoundedMemo<T> {
  private readonly entries = new Map<string, T>()

  constructor(private readonly limit: number) {}

  /** The value remembered under `key`, or `compute()`'s, remembered. */
  get(key: string, compute: () => T): T {
    const known = this.entries.get(key)
    if (known !== undefined) return known
    const value = compute()
    if (this.entries.size >= this.limit) this.entries.clear()
    this.entries.set(key, value)
    return value
  }
}

/** The rate text Settings has for `currency` ('' when none), as fxRate reads it. */
function rateText(rates: CurrencyRates, currency: string | null | undefined): string {
  if (!currency || !Object.prototype.hasOwnProperty.call(rates, currency)) return ''
  return rates[currency] ?? ''
}

/**
 * Every field of a quote that its pricing reads (all but its id and dates), with the rates of its
 * currencies: two quotes with the same key price the same at every order.
 */
export function quotePricingKey(quote: PricingQuote, rates: CurrencyRates): string {
  const freight =
    quote.freight.kind === 'included' ? 'included' : `${quote.freight.kind}:${quote.freight.amount}`
  const tiers = quote.tiers.map((tier) => `${tier.fromPacks}@${tier.pricePerPack}`).join(',')
  return [
    quote.currency,
    rateText(rates, quote.currency),
    quote.freightCurrency ?? '',
    rateText(rates, quote.freightCurrency),
    freight,
    quote.moqPacks ?? '',
    quote.vatBasis,
    quote.vatRate,
    quote.unitsPerPack,
    tiers,
  ].join('|')
}
