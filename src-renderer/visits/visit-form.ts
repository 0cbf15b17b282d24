import { SCORE_DIMENSIONS, type ScoreDimension } from '@core/domain/scorecard'
import {
  VisitCreateInput,
  VisitFields,
  type Scorecard,
  type Visit,
  type VisitCreateValues,
} from '@core/visits/visits.contract'
import type { FormErrors } from '@mantine/form'
import type { z } from 'zod'
import { validateWith } from '../forms/field-errors'

/** One dimension as the form holds it: '' while unscored, else '1'…'5' (a segmented control's value). */
export interface DimensionDraft {
  score: string
  note: string
}

/** A follow-up typed into a new visit. */
export interface FollowUpDraft {
  text: string
  dueDate: string | null
}

/** A visit as its form holds it. */
export interface VisitFormValues {
  factoryId: string | null
  tourId: string | null
  visitDate: string | null
  attendees: string[]
  scores: Record<ScoreDimension, DimensionDraft>
  notes: string
  followUps: FollowUpDraft[]
}

function emptyScores(): Record<ScoreDimension, DimensionDraft> {
  return Object.fromEntries(SCORE_DIMENSIONS.map((d) => [d, { score: '', note: '' }])) as Record<
    ScoreDimension,
    DimensionDraft
  >
}

/** What a new visit starts from: a factory and tour when opened from their pages. */
export interface VisitDefaults {
  /** The factory visited, when known. */
  factoryId?: string
  /** Its name, shown before any search. */
  factoryName?: string
  /** The tour the visit belongs to. */
  tourId?: string
  /** The day, 'YYYY-MM-DD'. */
  visitDate?: string
}

/** A dimension's score at the last visit that scored it, shown beside the score being given. */
export interface LastScore {
  score: number
  visitDate: string
}

/**
 * Per dimension, the score of the newest earlier visit that gave one (visits newest first, as the
 * scorecard lists them). The visit being edited is not its own last visit, nor is one after it.
 */
export function lastScoresOf(
  visits: readonly { id: string; visitDate: string; scores: Scorecard }[],
  current: { id: string | null; visitDate: string | null },
): Partial<Record<ScoreDimension, LastScore>> {
  const last: Partial<Record<ScoreDimension, LastScore>> = {}
  for (const visit of visits) {
    if (visit.id === current.id) continue
    if (current.id !== null && current.visitDate !== null && visit.visitDate > current.visitDate) continue
    for (const d of SCORE_DIMENSIONS) {
      const score = visit.scores[d].score
      if (score !== null && last[d] === undefined) last[d] = { score, visitDate: visit.visitDate }
    }
  }
  return last
}

export function newVisitValues(defaults: VisitDefaults, today: string): VisitFormValues {
  return {
    factoryId: defaults.factoryId ?? null,
    tourId: defaults.tourId ?? null,
    visitDate: defaults.visitDate ?? today,
    attendees: [],
    scores: emptyScores(),
    notes: '',
    followUps: [],
  }
}

export function visitFormValuesOf(visit: Visit): VisitFormValues {
  const scores = emptyScores()
  for (const d of SCORE_DIMENSIONS) {
    const given = visit.scores[d]
    scores[d] = { score: given.score === null ? '' : String(given.score), note: given.note }
  }
  return {
    factoryId: visit.factoryId,
    tourId: visit.tourId,
    visitDate: visit.visitDate,
    attendees: visit.attendees,
    scores,
    notes: visit.notes,
    followUps: [],
  }
}

function scorecardOf(values: VisitFormValues): Scorecard {
  return Object.fromEntries(
    SCORE_DIMENSIONS.map((d) => {
      const draft = values.scores[d]
      return [d, { score: draft.score === '' ? null : Number(draft.score), note: draft.note }]
    }),
  ) as Scorecard
}

/** The create call's input; empty required fields are left for the schema to name. */
export function toVisitCreateInput(values: VisitFormValues): z.input<typeof VisitCreateInput> {
  return {
    factoryId: values.factoryId ?? '',
    tourId: values.tourId,
    visitDate: values.visitDate ?? '',
    attendees: values.attendees,
    scores: scorecardOf(values),
    notes: values.notes,
    followUps: values.followUps.map((f) => ({ text: f.text, dueDate: f.dueDate })),
  }
}

/** The update call's values: the same fields without follow-ups (they have their own calls). */
export function toVisitUpdateValues(values: VisitFormValues): Omit<VisitCreateValues, 'followUps'> {
  const { followUps: _followUps, ...rest } = toVisitCreateInput(values) as VisitCreateValues
  return rest
}

export function validateVisit(values: VisitFormValues, editing: boolean): FormErrors {
  const empty = (['factoryId', 'visitDate'] as const).filter((k) => !values[k])
  return editing
    ? validateWith(VisitFields.strict(), toVisitUpdateValues(values), { empty })
    : validateWith(VisitCreateInput, toVisitCreateInput(values), { empty })
}
