import type { Transaction } from 'kysely'
import type { CoreContext } from '../api/context'
import { AppError, notFound } from '../api/errors'
import type { DB } from '../db/schema'
import {
  roundScore,
  SCORE_DIMENSIONS,
  summarizeScorecard,
  visitAverage,
  type ScoreSet,
} from '../domain/scorecard'
import { localDate } from '../targets/targets.service'
import { findLiveTour, tourNames } from '../tours/tours.repository'
import { inTransaction, insertRow, requireLiveReference, tombstoneRow, updateRow } from '../write/write-path'
import type {
  FactoryScorecard,
  FollowUp,
  FollowUpItem,
  FollowUpValues,
  Scorecard,
  Visit,
  VisitCreateValues,
  VisitSummary,
  VisitValues,
} from './visits.contract'
import { VisitFields } from './visits.contract'
import {
  factoryLabels,
  factoryLabelsWithDeleted,
  findLiveFollowUp,
  findLiveVisit,
  listFollowUpItems,
  listFollowUpsOfVisits,
  listLiveVisits,
  type FollowUpItemRow,
  type FollowUpRow,
  type VisitRow,
} from './visits.repository'
import { DIMENSION_COLUMNS, followUpsTable, visitsTable } from './visits.columns'
const readAttendees = (text: string) => readJson(text, VisitFields.shape.attendees, [])
/** Attendees decode leniently: a row stored before values were checked reads as none, not a 500. */

import { readJson } from '../write/stored-columns'

function visitColumns(values: VisitValues): Record<string, unknown> {
  const columns: Record<string, unknown> = {
    factory_id: values.factoryId,
    tour_id: values.tourId,
    visit_date: values.visitDate,
    attendees: JSON.stringify(values.attendees),
    notes: values.notes,
  }
  for (const dimension of SCORE_DIMENSIONS) {
    const { score, note } = DIMENSION_COLUMNS[dimension]
    columns[score] = values.scores[dimension].score
    columns[note] = values.scores[dimension].note
  }
  return columns
}

function scorecardOf(row: VisitRow): Scorecard {
  const entries = SCORE_DIMENSIONS.map((dimension) => {
    const { score, note } = DIMENSION_COLUMNS[dimension]
    return [dimension, { score: row[score] as number | null, note: row[note] as string }] as const
  })
  return Object.fromEntries(entries) as Scorecard
}

function scoreSetOf(scores: Scorecard): ScoreSet {
  return Object.fromEntries(SCORE_DIMENSIONS.map((d) => [d, scores[d].score])) as ScoreSet
}

function toFollowUp(row: FollowUpRow): FollowUp {
  return {
    id: row.id,
    visitId: row.visit_id,
    text: row.text,
    dueDate: row.due_date,
    done: row.done === 1,
    doneAt: row.done_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

export function toFollowUpItem(row: FollowUpItemRow, today: string): FollowUpItem {
  const followUp = toFollowUp(row)
  return {
    ...followUp,
    factoryId: row.factory_id,
    factoryName: row.factory_name,
    ...(row.factory_deleted_at !== null ? { factoryDeleted: true } : {}),
    visitDate: row.visit_date,
    overdue: !followUp.done && followUp.dueDate !== null && followUp.dueDate < today,
  }
}

/** Earliest due first; undated ones after every dated one, then in recording order. */
function byDueDate(a: FollowUpItem, b: FollowUpItem): number {
  if (a.dueDate !== b.dueDate) {
    if (a.dueDate === null) return 1
    if (b.dueDate === null) return -1
    return a.dueDate < b.dueDate ? -1 : 1
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/**
 * The visit's references, inside the write's transaction: a live factory and, with a tour, a live tour
 * whose dates contain the visit date. `prefix` is where the values sit in the call's input.
 */
async function checkVisit(trx: Transaction<DB>, values: VisitValues, prefix: string[]): Promise<void> {
  await requireLiveReference(trx, 'factories', values.factoryId, [...prefix, 'factoryId'])
  if (values.tourId === null) return
  await requireLiveReference(trx, 'tours', values.tourId, [...prefix, 'tourId'])
  const tour = await findLiveTour(trx, values.tourId)
  if (tour && (values.visitDate < tour.start_date || values.visitDate > tour.end_date)) {
    throw new AppError(
      'validation',
      'errors.validation',
      `visit date ${values.visitDate} is outside the tour (${tour.start_date} – ${tour.end_date})`,
      [
        {
          path: [...prefix, 'visitDate'],
          messageKey: 'errors.visit.outsideTour',
          params: { start: tour.start_date, end: tour.end_date },
        },
      ],
    )
  }
}

export async function getVisit(ctx: CoreContext, id: string): Promise<Visit> {
  const row = await findLiveVisit(ctx.db, id)
  if (!row) throw notFound('visit', id)
  const [factories, tours, followUps] = await Promise.all([
    factoryLabelsWithDeleted(ctx.db, [row.factory_id]),
    tourNames(ctx.db, row.tour_id ? [row.tour_id] : []),
    listFollowUpsOfVisits(ctx.db, [row.id]),
  ])
  const scores = scorecardOf(row)
  return {
    id: row.id,
    factoryId: row.factory_id,
    factoryName: factories.get(row.factory_id)?.name ?? null,
    ...(factories.get(row.factory_id)?.deleted ? { factoryDeleted: true } : {}),
    tourId: row.tour_id,
    tourName: row.tour_id ? (tours.get(row.tour_id) ?? null) : null,
    visitDate: row.visit_date,
    attendees: readAttendees(row.attendees),
    scores,
    averageScore: visitAverage(scoreSetOf(scores)),
    notes: row.notes,
    followUps: followUps.map(toFollowUp),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

export async function listVisits(
  ctx: CoreContext,
  filter: { factoryId?: string; tourId?: string },
): Promise<VisitSummary[]> {
  const rows = await listLiveVisits(ctx.db, filter)
  const [factories, tours, followUps] = await Promise.all([
    factoryLabelsWithDeleted(
      ctx.db,
      rows.map((r) => r.factory_id),
    ),
    tourNames(
      ctx.db,
      rows.flatMap((r) => (r.tour_id ? [r.tour_id] : [])),
    ),
    listFollowUpsOfVisits(
      ctx.db,
      rows.map((r) => r.id),
    ),
  ])
  const open = new Map<string, number>()
  for (const f of followUps) if (f.done === 0) open.set(f.visit_id, (open.get(f.visit_id) ?? 0) + 1)
  return rows.map((row) => {
    const scores = scoreSetOf(scorecardOf(row))
    return {
      id: row.id,
      factoryId: row.factory_id,
      factoryName: factories.get(row.factory_id)?.name ?? null,
      ...(factories.get(row.factory_id)?.deleted ? { factoryDeleted: true } : {}),
      tourId: row.tour_id,
      tourName: row.tour_id ? (tours.get(row.tour_id) ?? null) : null,
      visitDate: row.visit_date,
      attendees: readAttendees(row.attendees),
      averageScore: visitAverage(scores),
      scoredCount: SCORE_DIMENSIONS.filter((d) => scores[d] !== null).length,
      openFollowUps: open.get(row.id) ?? 0,
      updatedAt: row.updated_at,
    }
  })
}

function followUpColumns(visitId: string, values: FollowUpValues): Record<string, unknown> {
  return { visit_id: visitId, text: values.text, due_date: values.dueDate, done: 0, done_at: null }
}

export async function createVisit(ctx: CoreContext, values: VisitCreateValues): Promise<Visit> {
  const { followUps, ...visit } = values
  const id = await inTransaction(ctx.db, async (trx) => {
    await checkVisit(trx, visit, [])
    const visitId = await insertRow(trx, ctx.write, visitsTable, visitColumns(visit))
    for (const followUp of followUps) {
      await insertRow(trx, ctx.write, followUpsTable, followUpColumns(visitId, followUp))
    }
    return visitId
  })
  return getVisit(ctx, id)
}

export async function updateVisit(ctx: CoreContext, id: string, values: VisitValues): Promise<Visit> {
  await inTransaction(ctx.db, async (trx) => {
    if (!(await findLiveVisit(trx, id))) throw notFound('visit', id)
    await checkVisit(trx, values, ['values'])
    await updateRow(trx, ctx.write, visitsTable, id, visitColumns(values))
  })
  return getVisit(ctx, id)
}

/** Deletes the visit and its follow-ups together, so no orphaned follow-up stays open. */
export async function deleteVisit(ctx: CoreContext, id: string): Promise<void> {
  await inTransaction(ctx.db, async (trx) => {
    const followUps = await listFollowUpsOfVisits(trx, [id])
    await tombstoneRow(trx, ctx.write, visitsTable, id)
    for (const followUp of followUps) await tombstoneRow(trx, ctx.write, followUpsTable, followUp.id)
  })
}

export async function getFollowUp(ctx: CoreContext, id: string): Promise<FollowUp> {
  const row = await findLiveFollowUp(ctx.db, id)
  if (!row) throw notFound('follow-up', id)
  return toFollowUp(row)
}

export async function listFollowUps(
  ctx: CoreContext,
  filter: { factoryId?: string; visitId?: string; status: 'open' | 'done' | 'all' },
): Promise<FollowUpItem[]> {
  const done = filter.status === 'all' ? undefined : filter.status === 'done'
  const rows = await listFollowUpItems(ctx.db, { factoryId: filter.factoryId, visitId: filter.visitId, done })
  const today = localDate(ctx.write.now())
  return rows.map((row) => toFollowUpItem(row, today)).sort(byDueDate)
}

export async function createFollowUp(
  ctx: CoreContext,
  visitId: string,
  values: FollowUpValues,
): Promise<FollowUp> {
  const id = await inTransaction(ctx.db, async (trx) => {
    await requireLiveReference(trx, 'visits', visitId, ['visitId'])
    return insertRow(trx, ctx.write, followUpsTable, followUpColumns(visitId, values))
  })
  return getFollowUp(ctx, id)
}

export async function updateFollowUp(
  ctx: CoreContext,
  id: string,
  values: FollowUpValues,
): Promise<FollowUp> {
  await inTransaction(ctx.db, (trx) =>
    updateRow(trx, ctx.write, followUpsTable, id, { text: values.text, due_date: values.dueDate }),
  )
  return getFollowUp(ctx, id)
}

/** Ticking done twice keeps the first done-at; reopening clears it. Only the changed columns sync. */
export async function setFollowUpDone(ctx: CoreContext, id: string, done: boolean): Promise<FollowUp> {
  await inTransaction(ctx.db, async (trx) => {
    const row = await findLiveFollowUp(trx, id)
    if (!row) throw notFound('follow-up', id)
    if ((row.done === 1) === done) return
    const doneAt = done ? ctx.write.now().toISOString() : null
    await updateRow(trx, ctx.write, followUpsTable, id, { done: done ? 1 : 0, done_at: doneAt })
  })
  return getFollowUp(ctx, id)
}

export async function deleteFollowUp(ctx: CoreContext, id: string): Promise<void> {
  await inTransaction(ctx.db, (trx) => tombstoneRow(trx, ctx.write, followUpsTable, id))
}

function meanOf(values: (number | null)[]): number | null {
  const given = values.filter((v): v is number => v !== null)
  return given.length > 0 ? roundScore(given.reduce((a, b) => a + b, 0) / given.length) : null
}

/** A factory's scorecard across its visits; the math is in domain/scorecard.ts. */
export async function factoryScorecard(ctx: CoreContext, factoryId: string): Promise<FactoryScorecard> {
  const factory = (await factoryLabels(ctx.db, [factoryId])).get(factoryId)
  if (!factory) {
    throw new AppError('not_found', 'errors.notFound', `factory ${factoryId} not found`, [
      { path: ['factoryId'], messageKey: 'errors.notFound', params: { entity: 'factory' } },
    ])
  }
  const rows = await listLiveVisits(ctx.db, { factoryId })
  const tours = await tourNames(
    ctx.db,
    rows.flatMap((r) => (r.tour_id ? [r.tour_id] : [])),
  )
  const visits = rows.map((row) => {
    const scores = scorecardOf(row)
    return {
      id: row.id,
      visitDate: row.visit_date,
      tourId: row.tour_id,
      tourName: row.tour_id ? (tours.get(row.tour_id) ?? null) : null,
      attendees: readAttendees(row.attendees),
      scores,
      averageScore: visitAverage(scoreSetOf(scores)),
    }
  })
  const notes = new Map(visits.map((v) => [v.id, v.scores]))
  const dimensions = summarizeScorecard(
    visits.map((v) => ({ id: v.id, visitDate: v.visitDate, scores: scoreSetOf(v.scores) })),
  ).map((summary) => ({
    ...summary,
    latestNote: summary.latestVisitId
      ? (notes.get(summary.latestVisitId)?.[summary.dimension].note ?? '')
      : '',
  }))
  return {
    factoryId,
    factoryName: factory.name,
    visits,
    dimensions,
    overall: {
      latest: meanOf(dimensions.map((d) => d.latest)),
      average: meanOf(dimensions.map((d) => d.average)),
    },
    openFollowUps: await listFollowUps(ctx, { factoryId, status: 'open' }),
  }
}
