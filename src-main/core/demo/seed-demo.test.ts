import { afterEach, describe, expect, it } from 'vitest'
import { ok } from '../../../test/integration/support/api-result'
import { createTempCore, type TempCore } from '../../../test/integration/support/temp-core'
import type { FactoryStats } from '../factories/factories.contract'
import type { Category } from '../categories/categories.contract'
import type { DemandSignal } from '../demand/demand.contract'
import type { Sample, SampleSummary } from '../samples/samples.contract'
import type { SampleRequest } from '../sample-requests/sample-requests.contract'
import type { Today } from '../today/today.contract'
import type { TargetDashboardRow } from '../targets/targets.contract'
import type { TourSummary } from '../tours/tours.contract'
import type { FactoryScorecard, FollowUpItem } from '../visits/visits.contract'

/** The demo a new user sees: a lived-in workbench, valid by the same rules as a buyer's own data. */
describe('demo data', () => {
  let core: TempCore | undefined
  afterEach(async () => {
    await core?.dispose()
  })

  it('fills an empty workbench once: factories across the belts, SKUs that meet, nearly meet and miss', async () => {
    core = await createTempCore({ demo: true })
    const stats = ok<FactoryStats>(await core.dispatch('factories.stats', {}))
    expect(stats.total).toBeGreaterThanOrEqual(30)
    const targets = ok<TargetDashboardRow[]>(await core.dispatch('targets.dashboard', {}))
    expect(new Set(targets.map((t) => t.status))).toEqual(new Set(['met', 'within10', 'missed', 'noQuote']))
    expect(targets.every((t) => t.status === 'noQuote' || t.bestFactoryName)).toBe(true)

    // Every SKU has six months of demand on the channels it sells on.
    for (const { skuId } of targets) {
      const demand = ok<DemandSignal[]>(await core.dispatch('demand.list', { skuId }))
      expect(new Set(demand.map((d) => d.month)).size).toBe(6)
      expect(demand.every((d) => d.monthlyUnits > 0)).toBe(true)
    }

    // Samples in every status, each with a photo.
    const samples = ok<{ id: string; status: string }[]>(await core.dispatch('samples.list', {}))
    expect(new Set(samples.map((s) => s.status))).toEqual(
      new Set(['requested', 'received', 'evaluating', 'approved', 'rejected']),
    )
    for (const sample of samples) {
      const { items } = ok<{ items: unknown[] }>(
        await core.dispatch('photos.list', { ownerTable: 'samples', ownerId: sample.id }),
      )
      expect(items.length).toBeGreaterThan(0)
    }

    // A restart does not seed again.
    const { dataDir } = core
    await core.close()
    const reopened = await createTempCore({ demo: true, dataDir })
    core = reopened
    expect(ok<FactoryStats>(await reopened.dispatch('factories.stats', {})).total).toBe(stats.total)
  })

  it('has tours, repeat visits whose scores moved, follow-ups and samples in every status', async () => {
    core = await createTempCore({ demo: true })
    const call = core.dispatch
    const tours = ok<TourSummary[]>(await call('tours.list', {}))
    expect(tours.map((t) => t.phase).sort()).toEqual(['finished', 'finished', 'upcoming'])
    const jinjiang = tours.find((t) => t.name.startsWith('晋江'))!
    expect(jinjiang.progress).toEqual({ visited: 5, planned: 6 })

    const [heying] = ok<{ items: { id: string }[] }>(await call('factories.list', { search: '禾映' })).items
    const card = ok<FactoryScorecard>(await call('factories.scorecard', { factoryId: heying!.id }))
    expect(card.visits).toHaveLength(3)
    expect(card.dimensions.find((d) => d.dimension === 'design')).toMatchObject({
      latest: 4,
      previous: 3,
      delta: 1,
    })
    expect(card.openFollowUps.map((f) => f.text)).toEqual(['寄 SGS 柔软度检测报告'])

    const done = ok<FollowUpItem[]>(await call('followUps.list', { status: 'done' }))
    expect(done.length).toBeGreaterThan(2)
    expect(ok<FollowUpItem[]>(await call('followUps.list', {})).some((f) => f.overdue)).toBe(true)

    const samples = ok<SampleSummary[]>(await call('samples.list', {}))
    expect(new Set(samples.map((s) => s.status))).toEqual(
      new Set(['requested', 'received', 'evaluating', 'approved', 'rejected']),
    )
    expect(samples.filter((s) => s.skuName !== null).length).toBeGreaterThan(3)
    const petFood = samples.find((s) => s.category === '宠物主粮')!
    expect(petFood.overridden).toBe(true)
    const rejected = ok<Sample>(
      await call('samples.get', { id: samples.find((s) => s.status === 'rejected')!.id }),
    )
    expect(rejected.history.map((h) => h.to)).toEqual(['received', 'evaluating', 'rejected'])
    expect(rejected.statusReason).not.toBe('')
    expect(rejected.evaluation?.verdict).toBe('worse')
    const excluded = ok<Category[]>(await call('categories.list', {})).filter((c) => c.status === 'excluded')
    expect(excluded.map((c) => c.name)).toEqual(['宠物主粮'])
  })

  it('has sample requests, and Today shows the one 禾映 promised for last Friday as late', async () => {
    core = await createTempCore({ demo: true })
    const today = ok<Today>(await core.dispatch('today.get', {}))
    const [late] = today.lateSampleRequests.items
    expect(today.lateSampleRequests.total).toBe(1)
    expect(late).toMatchObject({ factoryName: '晋江禾映纸业有限公司', status: 'requested' })
    expect(late!.late?.reason).toBe('notShipped')
    // Last Friday: a Friday, one to seven days before today.
    expect(new Date(`${late!.promisedShipDate}T00:00:00Z`).getUTCDay()).toBe(5)
    expect(late!.late!.daysLate).toBeGreaterThanOrEqual(1)
    expect(late!.late!.daysLate).toBeLessThanOrEqual(7)
    const requests = ok<SampleRequest[]>(await core.dispatch('sampleRequests.list', {}))
    expect(requests.map((r) => r.status).sort()).toEqual(['requested', 'requested', 'shipped'])
    expect(today.overdueFollowUps.total).toBeGreaterThan(0)
    expect(today.samplesToEvaluate.total).toBeGreaterThan(0)
  })

  it('is skipped with --no-demo', async () => {
    core = await createTempCore({ demo: false })
    expect(ok<FactoryStats>(await core.dispatch('factories.stats', {})).total).toBe(0)
  })
})
