import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compareQuotes } from './compare-quotes'
import { Dec } from './exact'
import { landedCost } from './landed-cost'
import { packUnits } from './pack'
import type { PricingQuote } from './pricing.types'
import { targetVerdict } from './target'
import { arbQuote, cents, freight, rates } from './test-arbitraries'
import { observation, sku } from './test-fixtures'

function unitCostAt(q: PricingQuote, packs: number): string | null {
  const outcome = landedCost(q, packs, rates)
  return outcome.status === 'priced' ? outcome.cost.unitCost : null
}

describe('pricing properties', () => {
  it('re-expressing the pack (24×100 vs 48×50, or k times bigger at k times the price) keeps the unit cost', () => {
    fc.assert(
      fc.property(
        arbQuote,
        fc.integer({ min: 2, max: 12 }),
        fc.integer({ min: 1, max: 400 }),
        (q, k, packs) => {
          const single = {
            ...q,
            tiers: [{ fromPacks: 1, pricePerPack: q.tiers[0]?.pricePerPack ?? '1' }],
            moqPacks: null,
          }
          const scale = (value: string) => new Dec(value).times(k).toFixed()
          const bigger: PricingQuote = {
            ...single,
            unitsPerPack: scale(single.unitsPerPack),
            tiers: single.tiers.map((t) => ({ ...t, pricePerPack: scale(t.pricePerPack) })),
            freight:
              single.freight.kind === 'perPack'
                ? { ...single.freight, amount: scale(single.freight.amount) }
                : single.freight,
          }
          // the same goods: packs × k small packs = packs big packs
          expect(unitCostAt(single, packs * k)).toBe(unitCostAt(bigger, packs))
        },
      ),
    )
    expect(
      packUnits([
        { count: 24, label: '包' },
        { count: 100, label: '抽' },
      ]),
    ).toBe(
      packUnits([
        { count: 48, label: '包' },
        { count: 50, label: '抽' },
      ]),
    )
  })

  it('a cheaper tier never raises the unit cost', () => {
    fc.assert(
      fc.property(
        arbQuote,
        fc.nat(),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 1, max: 600 }),
        (q, which, cut, packs) => {
          const i = which % q.tiers.length
          const cheaper: PricingQuote = {
            ...q,
            tiers: q.tiers.map((t, j) =>
              j === i
                ? {
                    ...t,
                    pricePerPack: Dec.max(new Dec(t.pricePerPack).times(cut).div(101), '0.0001').toFixed(),
                  }
                : t,
            ),
          }
          const before = unitCostAt(q, packs)
          const after = unitCostAt(cheaper, packs)
          if (before === null) expect(after).toBeNull()
          else expect(new Dec(after ?? 'NaN').lte(before)).toBe(true)
        },
      ),
    )
  })

  it('adding freight never lowers the unit cost', () => {
    fc.assert(
      fc.property(arbQuote, freight, fc.integer({ min: 1, max: 600 }), (q, added, packs) => {
        const free = unitCostAt({ ...q, freight: { kind: 'included' } }, packs)
        const withFreight = unitCostAt({ ...q, freight: added }, packs)
        if (free === null) expect(withFreight).toBeNull()
        else expect(new Dec(withFreight ?? 'NaN').gte(free)).toBe(true)
      }),
    )
  })

  it('ex-VAT at rate r equals VAT-included at price × (1 + r)', () => {
    fc.assert(
      fc.property(arbQuote, fc.integer({ min: 1, max: 600 }), (q, packs) => {
        const excluded: PricingQuote = { ...q, vatBasis: 'excluded' }
        const included: PricingQuote = {
          ...q,
          vatBasis: 'included',
          tiers: q.tiers.map((t) => ({
            ...t,
            pricePerPack: new Dec(t.pricePerPack).times(new Dec(1).plus(q.vatRate)).toFixed(),
          })),
        }
        expect(unitCostAt(excluded, packs)).toBe(unitCostAt(included, packs))
      }),
    )
  })

  it('ranks by group, then unit cost ascending; met ⇔ unit cost <= max landed unit cost', () => {
    fc.assert(
      fc.property(
        fc.array(arbQuote, { maxLength: 8 }),
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 1, max: 99_999 }),
        fc.constantFrom('1/3', '0.3', '1/4', '2/5'),
        fc.constantFrom('0', '0.25', '0.35', '0.5'),
        (quotes, planned, shelfCents, ratio, margin) => {
          const result = compareQuotes({
            sku: sku({
              plannedOrderRetailPacks: planned,
              unitsPerRetailPack: '2400',
              targetRatio: ratio,
              targetGrossMargin: margin,
            }),
            benchmarks: [observation({ shelfPrice: cents(shelfCents) })],
            quotes,
            rates,
            today: '2025-05-20',
          })
          const order = { current: 0, expired: 1, unpriced: 2 }
          result.rows.forEach((row, i) => {
            expect(row.rank).toBe(i + 1)
            const next = result.rows[i + 1]
            if (next) {
              expect(order[row.group]).toBeLessThanOrEqual(order[next.group])
              if (row.group === next.group && row.unitCost && next.unitCost) {
                expect(new Dec(row.unitCost).lte(next.unitCost)).toBe(true)
              }
            }
            if (row.verdict && row.unitCost) {
              expect(row.verdict.met).toBe(new Dec(row.unitCost).lte(row.verdict.maxLandedUnitCost))
              expect(row.verdict.met).toBe(
                new Dec(row.verdict.plannedRetailUnit).lte(row.verdict.maxRetailUnit),
              )
            }
          })
          expect(result.rows).toHaveLength(quotes.length)
        },
      ),
    )
  })

  it('the smallest meeting order meets, and no smaller order does', () => {
    fc.assert(
      fc.property(arbQuote, fc.integer({ min: 1, max: 99_999 }), (q, shelfCents) => {
        const plan = sku({
          plannedOrderRetailPacks: 1,
          unitsPerRetailPack: q.unitsPerPack,
          targetGrossMargin: '0.35',
        })
        const result = compareQuotes({
          sku: plan,
          benchmarks: [observation({ shelfPrice: cents(shelfCents), unitsPerPack: '2400' })],
          quotes: [q],
          rates,
          today: '2025-05-20',
        })
        const max = result.summary.maxLandedUnitCost as string
        const meets = (packs: number) => {
          const cost = unitCostAt(q, packs)
          return (
            cost !== null &&
            targetVerdict(
              cost,
              result.summary.brand.status === 'ok' ? result.summary.brand.unitPrice : '1',
              '1/3',
              '0.35',
            ).met
          )
        }
        const smallest = result.rows[0]?.smallestMeeting
        const limit = 600
        const brute = Array.from({ length: limit }, (_, i) => i + 1).find(meets) ?? null
        if (smallest?.status === 'found') {
          expect(meets(smallest.quotePacks)).toBe(true)
          expect(new Dec(smallest.unitCost).lte(max)).toBe(true)
          if (smallest.quotePacks <= limit) expect(brute).toBe(smallest.quotePacks)
          else expect(brute).toBeNull()
        } else {
          expect(smallest?.status).toBe('never')
          expect(brute).toBeNull()
        }
      }),
    )
  })
})
