import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { brandUnitPriceExact } from './brand-price'
import { Dec, Exact } from './exact'
import { landedCostExact } from './landed-cost'
import { compareWithAsk } from './negotiation'
import type { PricingQuote } from './pricing.types'
import { maxLandedUnitCostExact, targetTerms } from './target'
import { arbQuote, cents, rates } from './test-arbitraries'
import { observation, sku } from './test-fixtures'
import type { WorkingStep } from './working'

/**
 * The ask price meets the target and one cent more misses, at every tier, for both VAT bases, every
 * freight kind and CNY and USD quotes; the working's steps multiply out to the row's figures.
 */

const today = '2025-05-20'
const plans = fc.record({
  planned: fc.integer({ min: 1, max: 400 }),
  unitsPerRetailPack: fc.constantFrom('100', '2400', '3600', '750'),
  shelfCents: fc.integer({ min: 1, max: 99_999 }),
  ratio: fc.constantFrom('1/3', '0.3', '2/5'),
  margin: fc.constantFrom('0', '0.25', '0.35'),
})

function planOf(p: { planned: number; unitsPerRetailPack: string; ratio: string; margin: string }) {
  return sku({
    plannedOrderRetailPacks: p.planned,
    unitsPerRetailPack: p.unitsPerRetailPack,
    targetRatio: p.ratio,
    targetGrossMargin: p.margin,
  })
}

function withPrice(q: PricingQuote, index: number, price: Exact): PricingQuote {
  return {
    ...q,
    tiers: q.tiers.map((t, i) => (i === index ? { ...t, pricePerPack: price.toString() } : t)),
  }
}

describe('negotiation properties', () => {
  it('every ask price meets at its order size and one cent more misses', () => {
    const seen = { ask: 0, none: 0, meetsToday: 0, usd: 0, excluded: 0, perShipment: 0 }
    fc.assert(
      fc.property(fc.array(arbQuote, { minLength: 1, maxLength: 5 }), plans, (quotes, p) => {
        const plan = planOf(p)
        const benchmarks = [observation({ shelfPrice: cents(p.shelfCents), observedAt: '2025-05-10' })]
        const result = compareWithAsk({ sku: plan, benchmarks, quotes, rates, today })
        const brand = brandUnitPriceExact(benchmarks, rates)
        if (brand.status !== 'ok') throw new Error('the benchmark is priced')
        const max = maxLandedUnitCostExact(targetTerms(brand.unitPrice, p.ratio, p.margin))
        const cent = Exact.of('0.01')
        for (const row of result.rows) {
          const q = quotes.find((x) => x.id === row.quoteId) as PricingQuote
          expect(row.ask.status).toBe('ok')
          if (row.ask.status !== 'ok') continue
          expect(row.ask.tiers).toHaveLength(q.tiers.length)
          for (const tier of row.ask.tiers) {
            if (tier.status !== 'ask') {
              seen.none++
              if (tier.status === 'none' && tier.reason !== 'tierUnreachable') {
                // No positive price meets: a cent per pack already misses.
                const at = landedCostExact(withPrice(q, tier.tierIndex, cent), tier.atPacks as number, rates)
                expect(at.status === 'priced' && at.cost.unitCost.lte(max)).toBe(false)
              }
              continue
            }
            seen.ask++
            if (tier.meetsToday) seen.meetsToday++
            if (q.currency === 'USD') seen.usd++
            if (q.vatBasis === 'excluded') seen.excluded++
            if (q.freight.kind === 'perShipment') seen.perShipment++
            expect(new Dec(tier.askPrice).decimalPlaces()).toBeLessThanOrEqual(2)
            expect(new Dec(tier.askPrice).gt(0)).toBe(true)
            const ask = Exact.of(tier.askPrice)
            const at = landedCostExact(withPrice(q, tier.tierIndex, ask), tier.atPacks, rates)
            const above = landedCostExact(withPrice(q, tier.tierIndex, ask.plus(cent)), tier.atPacks, rates)
            if (at.status !== 'priced' || above.status !== 'priced') throw new Error('an ask tier is priced')
            expect(at.cost.tierIndex).toBe(tier.tierIndex)
            expect(at.cost.unitCost.lte(max)).toBe(true)
            expect(above.cost.unitCost.lte(max)).toBe(false)
            expect(tier.meetsToday).toBe(new Dec(tier.todayPrice).lte(tier.askPrice))
            expect(new Dec(tier.todayPrice).plus(tier.gapPerPack).eq(tier.askPrice)).toBe(true)
          }
          if (row.ask.planned.status === 'ask') {
            expect(row.ask.planned.atPacks).toBe(row.orderPacks)
            expect(row.ask.planned.meetsToday).toBe(row.verdict?.met)
          }
          if (row.ask.packContent.status === 'more' && row.pricing.status === 'priced') {
            // Today's pack cost over the units needed meets; one unit fewer misses.
            const packCost = Exact.of(row.pricing.cost.landedPackCost)
            const needed = Exact.of(row.ask.packContent.unitsNeeded)
            expect(packCost.dividedBy(needed).lte(max)).toBe(true)
            expect(packCost.dividedBy(needed.minus(Exact.ONE)).lte(max)).toBe(false)
          }
        }
      }),
    )
    // The generated cases reach every shape, with and without an ask price.
    for (const count of Object.values(seen)) expect(count).toBeGreaterThan(0)
  })

  it("the working's steps multiply out to the row's figures", () => {
    fc.assert(
      fc.property(fc.array(arbQuote, { minLength: 1, maxLength: 5 }), plans, (quotes, p) => {
        const plan = planOf(p)
        const benchmarks = [observation({ shelfPrice: cents(p.shelfCents) })]
        const result = compareWithAsk({ sku: plan, benchmarks, quotes, rates, today })
        const close = (a: string, b: string) =>
          expect(new Dec(a).minus(b).abs().lte(new Dec(b).abs().times('1e-30'))).toBe(true)
        for (const row of result.rows) {
          const steps = new Map(row.working.map((s) => [s.step, s]))
          const get = <K extends WorkingStep['step']>(k: K) =>
            steps.get(k) as Extract<WorkingStep, { step: K }>
          const planned = get('plannedRetailPacks')
          const units = get('comparableUnits')
          const packs = get('quotePacks')
          expect(planned.retailPacks).toBe(p.planned)
          close(units.units, new Dec(planned.retailPacks).times(units.unitsPerRetailPack).toFixed())
          expect(packs.packs).toBe(new Dec(units.units).div(packs.unitsPerPack).ceil().toNumber())
          expect(packs.packs).toBe(row.orderPacks)
          if (row.pricing.status !== 'priced') {
            expect(row.working.at(-1)?.step).toBe('unpriced')
            continue
          }
          const tier = get('tier')
          const vat = get('vat')
          const freight = get('freight')
          const currency = get('currency')
          const perUnit = get('perUnit')
          const retail = get('plannedRetail')
          const share = get('shareOfBrand')
          const verdict = get('verdict')
          expect(tier.fromPacks).toBeLessThanOrEqual(packs.packs)
          if (tier.nextFromPacks !== null) expect(packs.packs).toBeLessThan(tier.nextFromPacks)
          const factor = vat.basis === 'excluded' ? new Dec(1).plus(vat.rate) : new Dec(1)
          close(vat.priceInclVat, new Dec(tier.pricePerPack).times(factor).toFixed())
          close(freight.packCost, new Dec(vat.priceInclVat).plus(freight.freightPerPack).toFixed())
          close(currency.packCostCny, new Dec(freight.packCost).times(currency.fxRate).toFixed())
          close(perUnit.unitCost, new Dec(currency.packCostCny).div(perUnit.unitsPerPack).toFixed())
          close(perUnit.unitCost, row.unitCost as string)
          close(
            retail.plannedRetailUnit,
            new Dec(perUnit.unitCost).div(new Dec(1).minus(retail.margin)).toFixed(),
          )
          close(share.ratioToBrand, new Dec(retail.plannedRetailUnit).div(share.brandUnitPrice).toFixed())
          close(share.ratioToBrand, row.verdict?.ratioToBrand as string)
          expect(verdict.status).toBe(row.verdict?.status)
        }
      }),
    )
  })
})
