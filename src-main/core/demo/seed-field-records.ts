import type { CoreContext } from '../api/context'
import { AppError } from '../api/errors'
import { CategoryInput } from '../categories/categories.contract'
import { createCategory } from '../categories/categories.service'
import { EvaluationInput, SampleCreateInput } from '../samples/samples.contract'
import { createSample, evaluateSample, transitionSample } from '../samples/samples.service'
import { SampleRequestCreateInput, ShipInput } from '../sample-requests/sample-requests.contract'
import { createSampleRequest, shipSampleRequest } from '../sample-requests/sample-requests.service'
import { localDate } from '../targets/targets.service'
import { TourInput } from '../tours/tours.contract'
import { createTour } from '../tours/tours.service'
import { VisitCreateInput } from '../visits/visits.contract'
import { createVisit, setFollowUpDone } from '../visits/visits.service'
import demo from '../../../resources/demo/field-records.json'

/**
 * Demo field records: the category policy (宠物主粮 excluded), two past tours and one planned, repeat
 * visits of the same factories (so scores show their movement), follow-ups some done, and samples in
 * every status with their history, and sample requests (禾映's promised for last Friday and not shipped,
 * so Today shows it late on a fresh demo; one on its way; one not due yet). Each record is written as of its own day (days before the seeding
 * day), so the history reads like weeks of work rather than one instant.
 */

const DAY_MS = 24 * 60 * 60 * 1000

type Scores = Record<string, [number, string]>

async function idByName(ctx: CoreContext, table: 'factories' | 'skus', name: string): Promise<string> {
  const row = await ctx.db
    .selectFrom(table)
    .select('id')
    .where('name', '=', name)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  if (!row)
    throw new AppError(
      'internal',
      'errors.internal',
      `demo field record names an unknown ${table} row: ${name}`,
    )
  return row.id
}

export async function seedDemoFieldRecords(ctx: CoreContext): Promise<void> {
  const now = ctx.write.now().getTime()
  // The same context writing as of `days` before today (noon, so local dates never slip a day).
  const asOf = (days: number): CoreContext => {
    const at = new Date(now - days * DAY_MS)
    at.setHours(12, 0, 0, 0)
    return { ...ctx, write: { ...ctx.write, now: () => at } }
  }
  const daysAgo = (days: number) => localDate(new Date(now - days * DAY_MS))

  for (const category of demo.categories) await createCategory(ctx, CategoryInput.parse(category))

  const tours = new Map<string, string>()
  for (const { key, startDaysAgo, endDaysAgo, planned, ...tour } of demo.tours) {
    const plannedFactoryIds = await Promise.all(planned.map((name) => idByName(ctx, 'factories', name)))
    const values = TourInput.parse({
      ...tour,
      startDate: daysAgo(startDaysAgo),
      endDate: daysAgo(endDaysAgo),
      plannedFactoryIds,
    })
    tours.set(key, (await createTour(asOf(Math.max(startDaysAgo + 14, 0)), values)).id)
  }

  const visits = new Map<string, { id: string; factoryId: string; daysAgo: number }>()
  for (const visit of demo.visits) {
    const factoryId = await idByName(ctx, 'factories', visit.factory)
    const scores = Object.fromEntries(
      Object.entries(visit.scores as unknown as Scores).map(([dimension, [score, note]]) => [
        dimension,
        { score, note },
      ]),
    )
    const values = VisitCreateInput.parse({
      factoryId,
      tourId: 'tour' in visit && visit.tour ? tours.get(visit.tour) : null,
      visitDate: daysAgo(visit.daysAgo),
      attendees: visit.attendees,
      scores,
      notes: visit.notes,
      followUps: visit.followUps.map((f) => ({ text: f.text, dueDate: daysAgo(f.dueDaysAgo) })),
    })
    const created = await createVisit(asOf(visit.daysAgo), values)
    for (const [index, followUp] of visit.followUps.entries()) {
      const doneDaysAgo = 'doneDaysAgo' in followUp ? followUp.doneDaysAgo : undefined
      if (typeof doneDaysAgo === 'number') {
        await setFollowUpDone(asOf(doneDaysAgo), created.followUps[index]!.id, true)
      }
    }
    visits.set(visit.key, { id: created.id, factoryId, daysAgo: visit.daysAgo })
  }

  for (const sample of demo.samples) {
    const visit = 'visit' in sample && sample.visit ? visits.get(sample.visit) : undefined
    const factoryId =
      visit?.factoryId ?? (await idByName(ctx, 'factories', (sample as { factory: string }).factory))
    const values = SampleCreateInput.parse({
      source: visit ? 'visit' : 'selectionCenter',
      visitId: visit?.id ?? null,
      factoryId,
      skuId: sample.sku ? await idByName(ctx, 'skus', sample.sku) : null,
      category: 'category' in sample ? sample.category : '',
      categoryOverride: 'override' in sample ? { override: true, reason: sample.override } : null,
      name: sample.name,
      specs: sample.specs.map(([key, value]) => ({ key, value })),
      storageLocation: sample.storage,
      status: sample.initial,
      by: visit ? '王敏' : '周婷',
    })
    const created = await createSample(asOf(sample.registeredDaysAgo), values)
    for (const [to, days, reason] of sample.steps as [string, number, string][]) {
      const at = asOf(days)
      if (to === 'approved' || to === 'rejected') {
        const { scores, ...evaluation } = sample.evaluation as NonNullable<
          (typeof demo.samples)[0]['evaluation']
        >
        const parsed = EvaluationInput.parse({
          ...evaluation,
          scores: scores.map(([dimension, score, note]) => ({ dimension, score, note })),
        })
        await evaluateSample(at, created.id, parsed)
      }
      await transitionSample(at, { id: created.id, to: to as 'received', reason, by: '李强' })
    }
  }

  // Days back to the last Friday before today (a week back on a Friday), so that promise has passed.
  const lastFriday = (new Date(now).getDay() + 2) % 7 || 7
  for (const request of demo.sampleRequests) {
    const visit = visits.get(request.visit)!
    const values = SampleRequestCreateInput.parse({
      factoryId: visit.factoryId,
      visitId: visit.id,
      skuId: 'sku' in request && request.sku ? await idByName(ctx, 'skus', request.sku) : null,
      item: request.item,
      quantity: request.quantity,
      requestedOn: daysAgo(request.requestedDaysAgo),
      promisedShipDate: daysAgo('promisedLastFriday' in request ? lastFriday : request.promisedDaysAgo),
      notes: request.notes,
    })
    const created = await createSampleRequest(asOf(request.requestedDaysAgo), values)
    if ('shipped' in request && request.shipped) {
      const { daysAgo: shippedDaysAgo, ...shipping } = request.shipped
      await shipSampleRequest(asOf(shippedDaysAgo), ShipInput.parse({ id: created.id, ...shipping }))
    }
  }
}
