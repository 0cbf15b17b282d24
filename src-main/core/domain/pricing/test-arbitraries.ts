import fc from 'fast-check'
import type { Freight, PricingQuote } from './pricing.types'
import { quote } from './test-fixtures'

/** fast-check generators of quotes in every shape (tiers, VAT basis, freight kind, CNY and USD), for property tests. */

/** n cents as money text: 1234 -> '12.34'. */
export function cents(n: number): string {
  return `${Math.floor(n / 100)}.${String(n % 100).padStart(2, '0')}`
}

/** A money amount with 2 decimals, 0.01 .. 999.99, as text. */
export const money = fc.integer({ min: 1, max: 99_999 }).map(cents)
export const rate = fc.constantFrom('0', '0.03', '0.06', '0.09', '0.13')
export const units = fc.integer({ min: 1, max: 5000 }).map(String)
export const freight: fc.Arbitrary<Freight> = fc.oneof(
  fc.constant<Freight>({ kind: 'included' }),
  money.map<Freight>((amount) => ({ kind: 'perPack', amount })),
  money.map<Freight>((amount) => ({ kind: 'perShipment', amount })),
)
export const tiers = fc
  .uniqueArray(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 4 })
  .chain((starts) =>
    fc.tuple(
      ...starts
        .sort((a, b) => a - b)
        .map((fromPacks) => money.map((pricePerPack) => ({ fromPacks, pricePerPack }))),
    ),
  )
export const arbQuote: fc.Arbitrary<PricingQuote> = fc
  .record({
    id: fc.uuid(),
    currency: fc.constantFrom('CNY', 'USD'),
    vatBasis: fc.constantFrom('included' as const, 'excluded' as const),
    vatRate: rate,
    tiers,
    unitsPerPack: units,
    freight,
    moqPacks: fc.option(fc.integer({ min: 1, max: 300 }), { nil: null }),
    validUntil: fc.option(fc.constantFrom('2025-05-01', '2025-06-30'), { nil: null }),
  })
  .map((fields) => quote(fields))
/** The rates the generated quotes are priced with. */
export const rates = { USD: '7.1' }
