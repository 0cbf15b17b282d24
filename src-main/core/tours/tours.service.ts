import type { Transaction } from 'kysely'
import type { CoreContext } from '../api/context'
import { AppError, notFound } from '../api/errors'
import type { DB } from '../db/schema'
import { localDate } from '../targets/targets.service'
import { listVisits } from '../visits/visits.service'
import { listLiveVisits, tourVisitDateRange, factoryLabelsWithDeleted } from '../visits/visits.repository'
import { inTransaction, insertRow, requireLiveReference, tombstoneRow, updateRow } from '../write/write-path'
import { TourFields, type Tour, type TourPhase, type TourSummary, type TourValues } from './tours.contract'
import { findLiveTour, listLiveTours, type TourRow } from './tours.repository'
import { toursTable } from './tours.columns'
import { readJson } from '../write/stored-columns'

function tourColumns(values: TourValues): Record<string, unknown> {
  return {
    name: values.name,
    start_date: values.startDate,
    end_date: values.endDate,
    belts: JSON.stringify(values.belts),
    members: JSON.stringify(values.members),
    planned_factory_ids: JSON.stringify(values.plannedFactoryIds),
    notes: values.notes,
  }
}

function phaseOf(row: TourRow, today: string): TourPhase {
  if (today < row.start_date) return 'upcoming'
  if (today > row.end_date) return 'finished'
  return 'ongoing'
}

function plannedIds(row: TourRow): string[] {
  return readJson(row.planned_factory_ids, TourFields.shape.plannedFactoryIds, [])
}

/** Planned factories that have a visit recorded in the tour, over those planned. */
function progressOf(planned: readonly string[], visitedFactoryIds: ReadonlySet<string>) {
  return { visited: planned.filter((id) => visitedFactoryIds.has(id)).length, planned: planned.length }
}

export async function getTour(ctx: CoreContext, id: string): Promise<Tour> {
  const row = await findLiveTour(ctx.db, id)
  if (!row) throw notFound('tour', id)
  const planned = plannedIds(row)
  const visits = (await listVisits(ctx, { tourId: id })).reverse()
  const visited = new Set(visits.map((v) => v.factoryId))
  const factories = await factoryLabelsWithDeleted(ctx.db, planned)
  const plannedSet = new Set(planned)
  const days = new Map<string, Tour['itinerary'][number]['visits']>()
  for (const visit of visits) {
    const day = days.get(visit.visitDate) ?? []
    day.push({
      visitId: visit.id,
      factoryId: visit.factoryId,
      factoryName: visit.factoryName,
      ...(visit.factoryDeleted ? { factoryDeleted: true } : {}),
      planned: plannedSet.has(visit.factoryId),
      averageScore: visit.averageScore,
      openFollowUps: visit.openFollowUps,
    })
    days.set(visit.visitDate, day)
  }
  return {
    id: row.id,
    name: row.name,
    startDate: row.start_date,
    endDate: row.end_date,
    belts: readJson(row.belts, TourFields.shape.belts, []),
    members: readJson(row.members, TourFields.shape.members, []),
    plannedFactoryIds: planned,
    notes: row.notes,
    phase: phaseOf(row, localDate(ctx.write.now())),
    progress: progressOf(planned, visited),
    plannedFactories: planned.map((factoryId) => ({
      factoryId,
      factoryName: factories.get(factoryId)?.name ?? null,
      ...(factories.get(factoryId)?.deleted ? { factoryDeleted: true } : {}),
      city: factories.get(factoryId)?.city ?? null,
      visited: visited.has(factoryId),
    })),
    itinerary: [...days].map(([date, dayVisits]) => ({ date, visits: dayVisits })),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

export async function listTours(ctx: CoreContext, filter: { phase?: TourPhase }): Promise<TourSummary[]> {
  const today = localDate(ctx.write.now())
  const rows = (await listLiveTours(ctx.db)).filter(
    (r) => !filter.phase || phaseOf(r, today) === filter.phase,
  )
  const summaries: TourSummary[] = []
  for (const row of rows) {
    const visits = await listLiveVisits(ctx.db, { tourId: row.id })
    const planned = plannedIds(row)
    summaries.push({
      id: row.id,
      name: row.name,
      startDate: row.start_date,
      endDate: row.end_date,
      belts: readJson(row.belts, TourFields.shape.belts, []),
      members: readJson(row.members, TourFields.shape.members, []),
      phase: phaseOf(row, today),
      progress: progressOf(planned, new Set(visits.map((v) => v.factory_id))),
      visitCount: visits.length,
      updatedAt: row.updated_at,
    })
  }
  return summaries
}

async function checkPlannedFactories(
  trx: Transaction<DB>,
  values: TourValues,
  prefix: string[],
): Promise<void> {
  for (const [index, factoryId] of values.plannedFactoryIds.entries()) {
    await requireLiveReference(trx, 'factories', factoryId, [...prefix, 'plannedFactoryIds', index])
  }
}

export async function createTour(ctx: CoreContext, values: TourValues): Promise<Tour> {
  const id = await inTransaction(ctx.db, async (trx) => {
    await checkPlannedFactories(trx, values, [])
    return insertRow(trx, ctx.write, toursTable, tourColumns(values))
  })
  return getTour(ctx, id)
}

/** New dates must still contain every visit recorded in the tour (a visit's date is checked against them). */
export async function updateTour(ctx: CoreContext, id: string, values: TourValues): Promise<Tour> {
  await inTransaction(ctx.db, async (trx) => {
    if (!(await findLiveTour(trx, id))) throw notFound('tour', id)
    await checkPlannedFactories(trx, values, ['values'])
    const { first, last } = await tourVisitDateRange(trx, id)
    const outside = (field: 'startDate' | 'endDate', date: string) =>
      new AppError('validation', 'errors.validation', `a visit on ${date} would fall outside the tour`, [
        { path: ['values', field], messageKey: 'errors.tour.visitsOutside', params: { date } },
      ])
    if (first !== null && first < values.startDate) throw outside('startDate', first)
    if (last !== null && last > values.endDate) throw outside('endDate', last)
    await updateRow(trx, ctx.write, toursTable, id, tourColumns(values))
  })
  return getTour(ctx, id)
}

/** Refused while visits are recorded in the tour: they would point at a deleted tour. */
export async function deleteTour(ctx: CoreContext, id: string): Promise<void> {
  await inTransaction(ctx.db, async (trx) => {
    const { first } = await tourVisitDateRange(trx, id)
    if (first !== null) {
      throw new AppError('conflict', 'errors.tour.hasVisits', `tour ${id} still has visits`, [
        { path: ['id'], messageKey: 'errors.tour.hasVisits' },
      ])
    }
    await tombstoneRow(trx, ctx.write, toursTable, id)
  })
}
