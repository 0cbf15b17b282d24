/**
 * Row of `visits`: one factory visit with its scorecard. Each dimension has its own score and note
 * columns, so two buyers scoring different dimensions offline both keep their edits after sync.
 */
export interface VisitsTable {
  id: string
  factory_id: string
  /** The tour this visit was part of, or null for a visit outside any tour. */
  tour_id: string | null
  visit_date: string
  /** JSON string[] — who attended (both sides). */
  attendees: string
  /** 1–5, or null when not scored on this visit. */
  score_design: number | null
  note_design: string
  score_rnd: number | null
  note_rnd: string
  score_quick_response: number | null
  note_quick_response: string
  score_new_product_development: number | null
  note_new_product_development: string
  score_belt_leadership: number | null
  note_belt_leadership: string
  score_quality_system: number | null
  note_quality_system: string
  score_capacity: number | null
  note_capacity: string
  notes: string
  created_at: string
  updated_at: string
  /** Tombstone: set when deleted, so the deletion syncs. */
  deleted_at: string | null
}

/** Row of `visit_follow_ups`: one to-do agreed in a visit; a row each so ticks merge per follow-up. */
export interface VisitFollowUpsTable {
  id: string
  visit_id: string
  text: string
  /** 'YYYY-MM-DD' or null when no date was agreed. */
  due_date: string | null
  /** 0 or 1. */
  done: number
  /** When it was ticked done (ISO timestamp), null while open. */
  done_at: string | null
  created_at: string
  updated_at: string
  /** Tombstone: set when deleted, so the deletion syncs. */
  deleted_at: string | null
}
