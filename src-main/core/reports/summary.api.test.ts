import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { ok } from '../../../test/integration/support/api-result'
import { seedPaperSku, type PaperSku } from '../../../test/integration/support/paper-sku'
import { createTempCore, type TempCore } from '../../../test/integration/support/temp-core'
import type { Quote } from '../quotes/quotes.contract'
import type { Sample, SampleSummary } from '../samples/samples.contract'
import type { TourSummary } from '../tours/tours.contract'
import type { Visit } from '../visits/visits.contract'
import type { SampleReport, SkuSummaryReport, TourReport } from './reports.contract'

/**
 * What the summaries open with, through the dispatcher on a real SQLite file. The paper SKU's arithmetic
 * is in src-main/core/targets/targets.api.test.ts: A lands at ¥0.0060/抽 (met, ratio 0.3077), B at
 * ¥0.006315/抽 (met), C at ≈ ¥0.0074944/抽 (missed); the target allows ¥0.0065/抽.
 */

describe('the SKU summary’s recommendation', () => {
  let core: TempCore
  let paper: PaperSku
  const call = (name: string, input: unknown) => core.dispatch(name, input)

  beforeEach(async () => {
    core = await createTempCore({ wallClock: () => Date.parse('2026-12-01T12:00:00+08:00') })
    paper = await seedPaperSku(call)
  })
  afterEach(async () => {
    await core.dispose()
  })

  it('recommends the cheapest current quote, not a cheaper expired one, in the factory’s own terms', async () => {
    const [a, , c] = await paper.enterThreeQuotes()
    // ¥13.00 a case would be the cheapest, but it expired on 2026-11-20: it is to be renewed, not chosen.
    const expired = ok<Quote>(
      await call('quotes.create', {
        ...paper.quoteA(),
        factoryId: paper.factories[2]!.id,
        quoteDate: '2026-10-01',
        validUntil: '2026-11-20',
        tiers: [{ fromPacks: 1000, pricePerPack: '13.00' }],
      }),
    )
    const report = ok<SkuSummaryReport>(await call('reports.sku', { id: paper.sku.id }))
    const { recommendation } = report
    expect(recommendation.status).toBe('met')
    expect(recommendation.best).toMatchObject({
      quoteId: a!.id,
      factoryName: '晋江示例纸业',
      currency: 'CNY',
      vatBasis: 'included',
      pricePerPack: '14.40',
      tierFromPacks: 5000,
      orderPacks: 10_000,
      unitCost: '0.006',
      status: 'met',
      gapShare: '0',
      maxLandedUnitCost: '0.0065',
    })
    expect(Number(recommendation.best!.ratioToBrand)).toBeCloseTo(0.3077, 4)
    expect(recommendation.best!.packText).toBe('24包 × 100抽 = 2,400抽')
    expect(recommendation.brand).toMatchObject({ brand: '维达', channel: '山姆会员店', unitPrice: '0.03' })
    // Next steps: C misses the target, the expired quote must be renewed; A and B stand.
    expect(recommendation.renegotiate.map((r) => [r.quoteId, r.reason])).toEqual([
      [c!.id, 'missesTarget'],
      [expired.id, 'expired'],
    ])
    expect(recommendation.renegotiate[0]!.ask.status).toBe('ok')
  })

  it('recommends the best quote even when it misses, with how far it is off', async () => {
    // Only C (USD, per shipment freight) is in: it misses by (0.0074944 − 0.0065) / 0.0074944 ≈ 13.3%.
    const [, , c] = await paper.enterThreeQuotes()
    for (const quote of ok<Quote[]>(await call('quotes.list', { skuId: paper.sku.id }))) {
      if (quote.id !== c!.id) ok(await call('quotes.delete', { id: quote.id }))
    }
    const { recommendation } = ok<SkuSummaryReport>(await call('reports.sku', { id: paper.sku.id }))
    expect(recommendation.status).toBe('missed')
    expect(recommendation.best).toMatchObject({ quoteId: c!.id, currency: 'USD', pricePerPack: '3.50' })
    expect(Number(recommendation.best!.gapShare)).toBeCloseTo(0.1327, 3)
    // The ask in the factory's own terms: max landed 0.0065 × 3,600 抽 = ¥23.40 a case = $3.29577 at
    // 7.10, less $2,000 / 6,667 cases of freight = $2.99578, rounded down to the cent.
    const ask = recommendation.best!.ask
    expect(ask.status === 'ok' && ask.currency).toBe('USD')
    expect(ask.status === 'ok' && ask.planned.status === 'ask' && ask.planned.askPrice).toBe('2.99')
    expect(recommendation.renegotiate.map((r) => r.reason)).toEqual(['missesTarget'])
  })

  it('carries the factory’s own word for the pack, so the counter-offer is said in it', async () => {
    const [a, , c] = await paper.enterThreeQuotes()
    ok(await call('quotes.update', { id: a!.id, values: { ...paper.quoteA(), packWord: '件' } }))
    const { recommendation } = ok<SkuSummaryReport>(await call('reports.sku', { id: paper.sku.id }))
    expect(recommendation.best).toMatchObject({ quoteId: a!.id, packWord: '件' })
    expect(recommendation.renegotiate.find((r) => r.quoteId === c!.id)?.packWord).toBe(c!.packWord)
  })

  it('lists samples awaiting evaluation and the open follow-ups with the quoting factories', async () => {
    const [a] = await paper.enterThreeQuotes()
    const factoryA = a!.factoryId
    const visit = ok<Visit>(
      await call('visits.create', {
        factoryId: factoryA,
        visitDate: '2026-11-01',
        notes: '看了复卷线',
        followUps: [{ text: '寄 3 包竹浆样品', dueDate: '2026-12-05' }],
      }),
    )
    const waiting = ok<Sample>(
      await call('samples.create', {
        source: 'visit',
        visitId: visit.id,
        factoryId: factoryA,
        skuId: paper.sku.id,
        name: '三层抽纸 A 样',
        status: 'received',
      }),
    )
    const rejected = ok<Sample>(
      await call('samples.create', {
        source: 'selectionCenter',
        factoryId: factoryA,
        skuId: paper.sku.id,
        name: '三层抽纸 旧样',
        status: 'received',
      }),
    )
    ok(await call('samples.transition', { id: rejected.id, to: 'evaluating' }))
    ok(await call('samples.transition', { id: rejected.id, to: 'rejected', reason: '掉屑' }))
    const { recommendation, samples } = ok<SkuSummaryReport>(await call('reports.sku', { id: paper.sku.id }))
    expect(recommendation.samplesAwaiting.map((s) => s.id)).toEqual([waiting.id])
    expect(samples.map((s) => s.id).sort()).toEqual([waiting.id, rejected.id].sort())
    expect(recommendation.openFollowUps.map((f) => f.text)).toEqual(['寄 3 包竹浆样品'])
  })
})

describe('summaries over the demo data', () => {
  let core: TempCore
  let samples: SampleSummary[]
  const call = (name: string, input: unknown) => core.dispatch(name, input)

  beforeAll(async () => {
    core = await createTempCore({ demo: true })
    samples = ok<SampleSummary[]>(await call('samples.list', {}))
  }, 30_000)
  afterAll(async () => {
    await core.dispose()
  })

  it('lists every planned factory of a tour, visited or not, with scores, notes and open follow-ups', async () => {
    const tours = ok<TourSummary[]>(await call('tours.list', {}))
    const jinjiang = tours.find((t) => t.name.includes('晋江'))!
    const report = ok<TourReport>(await call('reports.tour', { id: jinjiang.id }))
    const planned = report.tour.plannedFactories.map((f) => f.factoryId)
    expect(planned.length).toBe(6)
    // Planned factories first, in plan order, then any visited off the plan.
    expect(report.factories.slice(0, planned.length).map((f) => f.factoryId)).toEqual(planned)
    expect(report.factories.every((f) => f.planned || f.visited)).toBe(true)
    const notVisited = report.factories.filter((f) => !f.visited)
    expect(notVisited.map((f) => f.factoryName)).toContain('南安市晟源纸品有限公司')
    expect(notVisited.every((f) => f.visits.length === 0 && f.openFollowUps.length === 0)).toBe(true)
    // Every visit of the tour sits under its factory with its score and notes.
    const visits = report.factories.flatMap((f) => f.visits.map((v) => v.id))
    expect(visits.sort()).toEqual(report.visits.map((v) => v.id).sort())
    const scored = report.factories.flatMap((f) => f.visits).filter((v) => v.averageScore !== null)
    expect(scored.length).toBeGreaterThan(0)
    expect(report.factories.some((f) => f.visits.some((v) => v.notes.length > 0))).toBe(true)
    const open = report.visits.reduce((sum, v) => sum + v.openFollowUps, 0)
    expect(report.factories.reduce((sum, f) => sum + f.openFollowUps.length, 0)).toBe(open)
    expect(report.factories.flatMap((f) => f.openFollowUps).every((f) => !f.done)).toBe(true)
    // One recommendation per SKU the tour's samples are for, none twice.
    const skuIds = new Set(report.samples.map((s) => s.skuId).filter(Boolean))
    const recommended = report.recommendations.map((r) => r.skuId)
    expect(new Set(recommended).size).toBe(recommended.length)
    for (const id of skuIds) expect(recommended).toContain(id)
  })

  it('keeps a sample’s own photos apart from its visit’s and factory’s', async () => {
    const sample = samples.find((s) => s.name === '竹浆混合三层抽纸 100抽')!
    const report = ok<SampleReport>(await call('reports.sample', { id: sample.id }))
    expect(report.photos.length).toBeGreaterThan(0)
    expect(report.photos.every((p) => p.ownerTable === 'samples' && p.ownerId === sample.id)).toBe(true)
    expect(report.factoryPhotos.length).toBeGreaterThan(0)
    expect(
      report.factoryPhotos.every(
        (p) =>
          (p.ownerTable === 'visits' && p.ownerId === sample.visitId) ||
          (p.ownerTable === 'factories' && p.ownerId === sample.factoryId),
      ),
    ).toBe(true)

    const summary = ok<SkuSummaryReport>(await call('reports.sku', { id: sample.skuId }))
    const skuSamples = new Set(summary.samples.map((s) => s.id))
    expect(summary.samplePhotos.length).toBeGreaterThan(0)
    expect(summary.samplePhotos.every((p) => p.ownerTable === 'samples' && skuSamples.has(p.ownerId))).toBe(
      true,
    )
    const best = summary.recommendation.best
    expect(
      summary.factoryPhotos.every((p) => p.ownerTable === 'factories' && p.ownerId === best?.factoryId),
    ).toBe(true)
  })
})
