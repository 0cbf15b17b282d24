import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTempCore, type TempCore } from '../../../test/integration/support/temp-core'
import { failed, ok } from '../../../test/integration/support/api-result'
import type { SampleSummary } from '../samples/samples.contract'
import type { TourSummary } from '../tours/tours.contract'
import type { SampleReport, TourReport, VisitReport } from './reports.contract'

/** Report data over the demo set: one call gathers what a printed page shows. */

describe('reports API (demo data)', () => {
  let core: TempCore
  let samples: SampleSummary[]
  const call = (name: string, input: unknown) => core.dispatch(name, input)
  const sampleNamed = (name: string) => samples.find((s) => s.name === name)!

  beforeAll(async () => {
    core = await createTempCore({ demo: true })
    ok(await call('profile.set', { buyerName: '王敏' }))
    samples = ok<SampleSummary[]>(await call('samples.list', {}))
  }, 30_000)
  afterAll(async () => {
    await core.dispose()
  })

  it('gathers a sample with its QR code, photos, visit, scorecard and the SKU comparison', async () => {
    const summary = sampleNamed('竹浆混合三层抽纸 100抽')
    const report = ok<SampleReport>(await call('reports.sample', { id: summary.id }))
    expect(report.buyerName).toBe('王敏')
    expect(report.sample.code).toBe(summary.code)
    expect(report.qrSvg).toMatch(/^<svg[^>]*>/)
    expect(report.photos.length).toBeGreaterThan(0)
    expect(report.photos.every((p) => /^[0-9a-f]{64}$/.test(p.sha256))).toBe(true)
    expect(report.visit?.id).toBe(report.sample.visitId)
    expect(report.scorecard?.factoryName).toBe(summary.factoryName)
    // The same inputs targets.inputs gives the SKU page, plus each quote's pack as written.
    const inputs = ok<{ input: unknown }>(await call('targets.inputs', { skuId: summary.skuId }))
    expect(report.comparison?.input).toEqual(inputs.input)
    expect(report.comparison?.packTexts.map((p) => p.quoteId).sort()).toEqual(
      report.comparison?.labels.map((l) => l.quoteId).sort(),
    )
  })

  it('prints a sample without an SKU or visit with those sections empty', async () => {
    const unlinked = samples.find((s) => s.skuId === null && s.visitId === null)!
    const report = ok<SampleReport>(await call('reports.sample', { id: unlinked.id }))
    expect(report.comparison).toBeNull()
    expect(report.visit).toBeNull()
  })

  it('gathers a visit with its samples and a tour with every sample of its visits', async () => {
    const withVisit = sampleNamed('竹浆混合三层抽纸 100抽')
    const visit = ok<VisitReport>(await call('reports.visit', { id: withVisit.visitId }))
    expect(visit.samples.map((s) => s.id)).toContain(withVisit.id)
    const tours = ok<TourSummary[]>(await call('tours.list', {}))
    const tour = ok<TourReport>(await call('reports.tour', { id: visit.visit.tourId }))
    expect(tours.map((t) => t.id)).toContain(tour.tour.id)
    expect(tour.samples.map((s) => s.id)).toContain(withVisit.id)
    expect(tour.samples.every((s) => tour.visits.some((v) => v.id === s.visitId))).toBe(true)
    const dates = tour.visits.map((v) => v.visitDate)
    expect(dates).toEqual([...dates].sort())
  })

  it('answers not found for an unknown sample', async () => {
    const error = failed(await call('reports.sample', { id: '01890a5d-ac96-774b-bcce-b302099a8057' }))
    expect(error.code).toBe('not_found')
  })
})
