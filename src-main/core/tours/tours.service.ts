import type { Transaction } from 'kysely'
import type { CoreContext } from '../api/context'
import { AppError, notFound } from '../api/errors'
import type { DB } from '../db/schema'
import { localDate } from '../targets/targets.service'
import { listVisits } from '../visits/visits.service'
import { listLiveVisits, tourVisitDateRange } from '../visits/visits.repository'
import { factoryGlances } from '../visits/factory-glance'
import { listLiveContactsOf } from '../factories/factory-contacts.repository'
import { FactoryStatus } from '../factories/factories.contract'
import { inTransaction, insertRow, requireLiveReference, tombstoneRow, updateRow } from '../write/write-path'
import {
  PlannedDays,
  TourFields,
  type PlanValues,
  type Tour,
  type TourPhase,
  type TourSummary,
  type TourValues,
} from './tours.contract'
import { findLiveTour, findPlannedFactories, listLiveTours, type TourRow } from './tours.repository'
import { toursTable } from './tours.columns'
import { readJson } from '../write/stored-columns'

function tourColumns(values: TourValues, days: PlannedDays): Record<string, unknown> {
  return {
    name: values.name,
    start_date: values.startDate,
    end_date: values.endDate,
    belts: JSON.stringify(values.belts),
    members: JSON.stringify(values.members),
    planned_factory_ids: JSON.stringify(values.plannedFactoryIds),
    planned_days: daysText(values.plannedFactoryIds, days),
    notes: values.notes,
  }
}

/**
 * The stored text of the planned days: only planned factories, keys in plan order, so the same plan is
 * always the same text (an unchanged plan writes and syncs nothing).
 */
function daysText(planned: readonly string[], days: PlannedDays): string {
  return JSON.stringify(Object.fromEntries(planned.filter((id) => days[id]).map((id) => [id, days[id]])))
}

function plannedDaysOf(row: TourRow): PlannedDays {
  return readJson(row.planned_days, PlannedDays, {})
}

/** Visiting order: by day (undated last), then the plan's order. */
function visitingOrder(planned: readonly string[], days: PlannedDays): string[] {
  const index = new Map(planned.map((id, i) => [id, i]))
  const dayOf = (id: string) => days[id] ?? '\uffff'
  return [...planned].sort((a, b) =>
    dayOf(a) !== dayOf(b) ? (dayOf(a) < dayOf(b) ? -1 : 1) : index.get(a)! - index.get(b)!,
  )
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
  const days = plannedDaysOf(row)
  const planned = visitingOrder(plannedIds(row), days)
  const visits = (await listVisits(ctx, { tourId: id })).reverse()
  const visited = new Set(visits.map((v) => v.factoryId))
  const [factories, glances, contacts] = await Promise.all([
    findPlannedFactories(ctx.db, planned),
    factoryGlances(ctx.db, planned),
    listLiveContactsOf(ctx.db, planned),
  ])
  const firstContact = new Map<string, (typeof contacts)[number]>()
  for (const contact of contacts)
    if (!firstContact.has(contact.factory_id)) firstContact.set(contact.factory_id, contact)
  const plannedSet = new Set(planned)
  const byDate = new Map<string, Tour['itinerary'][number]['visits']>()
  for (const visit of visits) {
    const day = byDate.get(visit.visitDate) ?? []
    day.push({
      visitId: visit.id,
      factoryId: visit.factoryId,
      factoryName: visit.factoryName,
      ...(visit.factoryDeleted ? { factoryDeleted: true } : {}),
      planned: plannedSet.has(visit.factoryId),
      averageScore: visit.averageScore,
      openFollowUps: visit.openFollowUps,
    })
    byDate.set(visit.visitDate, day)
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
    plannedFactories: planned.map((factoryId) => {
      const factory = factories.get(factoryId)
      const contact = firstContact.get(factoryId)
      const status = FactoryStatus.safeParse(factory?.status)
      return {
        factoryId,
        factoryName: factory?.name ?? null,
        ...(factory?.deleted_at ? { factoryDeleted: true } : {}),
        day: days[factoryId] ?? null,
        province: factory?.province ?? null,
        city: factory?.city ?? null,
        address: factory?.address ?? null,
        status: status.success ? status.data : null,
        contact: contact ? { name: contact.name, role: contact.role, phone: contact.phone } : null,
        glance: glances.get(factoryId)!,
        visited: visited.has(factoryId),
      }
    }),
    plannedDays: days,
    itinerary: [...byDate].map(([date, dayVisits]) => ({ date, visits: dayVisits })),
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
    return insertRow(trx, ctx.write, toursTable, tourColumns(values, {}))
  })
  return getTour(ctx, id)
}

/**
 * New dates must still contain every visit recorded in the tour (a visit's date is checked against them)
 * and every day planned for a factory still on the plan.
 */
export async function updateTour(ctx: CoreContext, id: string, values: TourValues): Promise<Tour> {
  await inTransaction(ctx.db, async (trx) => {
    const current = await findLiveTour(trx, id)
    if (!current) throw notFound('tour', id)
    await checkPlannedFactories(trx, values, ['values'])
    const days = plannedDaysOf(current)
    const plannedDates = values.plannedFactoryIds.flatMap((f) => (days[f] ? [days[f]] : [])).sort()
    const dayOutside = (field: 'startDate' | 'endDate', date: string) =>
      new AppError('validation', 'errors.validation', `a factory planned on ${date} would fall outside`, [
        { path: ['values', field], messageKey: 'errors.tour.plannedOutside', params: { date } },
      ])
    const firstDay = plannedDates.at(0)
    const lastDay = plannedDates.at(-1)
    if (firstDay !== undefined && firstDay < values.startDate) throw dayOutside('startDate', firstDay)
    if (lastDay !== undefined && lastDay > values.endDate) throw dayOutside('endDate', lastDay)
    const { first, last } = await tourVisitDateRange(trx, id)
    const outside = (field: 'startDate' | 'endDate', date: string) =>
      new AppError('validation', 'errors.validation', `a visit on ${date} would fall outside the tour`, [
        { path: ['values', field], messageKey: 'errors.tour.visitsOutside', params: { date } },
      ])
    if (first !== null && first < values.startDate) throw outside('startDate', first)
    if (last !== null && last > values.endDate) throw outside('endDate', last)
    await updateRow(trx, ctx.write, toursTable, id, tourColumns(values, days))
  })
  return getTour(ctx, id)
}

/** Writes the itinerary: order and days of the planned factories, in one save (one sync unit). */
export async function planTour(ctx: CoreContext, input: PlanValues): Promise<Tour> {
  await inTransaction(ctx.db, async (trx) => {
    const row = await findLiveTour(trx, input.id)
    if (!row) throw notFound('tour', input.id)
    for (const [index, stop] of input.stops.entries()) {
      await requireLiveReference(trx, 'factories', stop.factoryId, ['stops', index, 'factoryId'])
      if (stop.day !== null && (stop.day < row.start_date || stop.day > row.end_date)) {
        throw new AppError('validation', 'errors.validation', `day ${stop.day} is outside the tour`, [
          {
            path: ['stops', index, 'day'],
            messageKey: 'errors.tour.dayOutside',
            params: { start: row.start_date, end: row.end_date },
          },
        ])
      }
    }
    const ids = input.stops.map((s) => s.factoryId)
    const days: PlannedDays = Object.fromEntries(
      input.stops.flatMap((s) => (s.day ? [[s.factoryId, s.day]] : [])),
    )
    await updateRow(trx, ctx.write, toursTable, input.id, {
      planned_factory_ids: JSON.stringify(ids),
      planned_days: daysText(ids, days),
    })
  })
  return getTour(ctx, input.id)
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
