import { z } from 'zod'
import { MAX_SCORE, MIN_SCORE, type ScoreDimension } from '../domain/scorecard'
import { defineSyncedTable, stored } from '../write/stored-columns'
import type { VisitsTable } from './visits.table'
import { VisitFields } from './visits.contract'

type ScoreColumn = `score_${string}` & keyof VisitsTable
type NoteColumn = `note_${string}` & keyof VisitsTable

/** The score and note columns of each dimension. */
export const DIMENSION_COLUMNS: Record<ScoreDimension, { score: ScoreColumn; note: NoteColumn }> = {
  design: { score: 'score_design', note: 'note_design' },
  rnd: { score: 'score_rnd', note: 'note_rnd' },
  quickResponse: { score: 'score_quick_response', note: 'note_quick_response' },
  newProductDevelopment: { score: 'score_new_product_development', note: 'note_new_product_development' },
  beltLeadership: { score: 'score_belt_leadership', note: 'note_belt_leadership' },
  qualitySystem: { score: 'score_quality_system', note: 'note_quality_system' },
  capacity: { score: 'score_capacity', note: 'note_capacity' },
}

const score = () => stored.nullable(stored.int(MIN_SCORE, MAX_SCORE))
const note = () => stored.text(1000)

/** Visits as stored: one score and note column per scorecard dimension, attendees as JSON text. */
export const visitsTable = defineSyncedTable({
  name: 'visits',
  entity: 'visit',
  rowId: 'uuid',
  columns: z.object({
    factory_id: stored.reference(),
    tour_id: stored.nullable(stored.reference()),
    visit_date: stored.date(),
    attendees: stored.json(VisitFields.shape.attendees, []),
    // Written out (not generated from DIMENSION_COLUMNS) so the compiler checks them against the row.
    score_design: score(),
    note_design: note(),
    score_rnd: score(),
    note_rnd: note(),
    score_quick_response: score(),
    note_quick_response: note(),
    score_new_product_development: score(),
    note_new_product_development: note(),
    score_belt_leadership: score(),
    note_belt_leadership: note(),
    score_quality_system: score(),
    note_quality_system: note(),
    score_capacity: score(),
    note_capacity: note(),
    notes: stored.text(5000),
  }),
})

/** A visit's follow-ups, one row each. */
export const followUpsTable = defineSyncedTable({
  name: 'visit_follow_ups',
  entity: 'follow-up',
  rowId: 'uuid',
  columns: z.object({
    visit_id: stored.reference(),
    text: stored.text(500, { required: true }),
    due_date: stored.nullable(stored.date()),
    done: stored.int(0, 1),
    done_at: stored.nullable(stored.timestamp()),
  }),
})
