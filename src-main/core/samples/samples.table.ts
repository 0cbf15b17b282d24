/** Row of `samples`: a physical sample from a visit or the selection center. */
export interface SamplesTable {
  id: string
  /** Human code printed on the label, e.g. S-2026-K7QX-00042 (see samples.service for why it is unique). */
  code: string
  /** 'visit' | 'selectionCenter' */
  source: string
  /** The visit it was handed over in (source 'visit'), else null. */
  visit_id: string | null
  factory_id: string
  sku_id: string | null
  category: string
  /** Why a buyer registered it in an excluded category; '' when no override was needed. */
  category_override_reason: string
  name: string
  /** JSON {key, value}[] in the order the buyer entered them. */
  specs: string
  /** Where the physical sample is kept (shelf, box, office). */
  storage_location: string
  /** requested | received | evaluating | approved | rejected */
  status: string
  /** Reason given with the latest transition (required for rejected). */
  status_reason: string
  /** JSON {dimension, score, note}[] — evaluation against the brand benchmark. */
  evaluation_scores: string
  /** better | onPar | worse, or null before evaluation. */
  evaluation_verdict: string | null
  evaluation_note: string
  /** The benchmark product it was compared with, e.g. 维达 超韧 3层 130抽. */
  evaluation_benchmark: string
  evaluated_at: string | null
  notes: string
  created_at: string
  updated_at: string
  /** Tombstone: set when deleted, so the deletion syncs. */
  deleted_at: string | null
}

/** Row of `sample_status_history`: one status transition; rows are only ever appended. */
export interface SampleStatusHistoryTable {
  id: string
  sample_id: string
  /** null for the status a sample was registered with. */
  from_status: string | null
  to_status: string
  reason: string
  /** Who made the change, as the buyer typed it ('' when not given). */
  actor: string
  /** The device that recorded it. */
  device_id: string
  /** When (ISO timestamp). */
  changed_at: string
  created_at: string
  updated_at: string
  deleted_at: string | null
}
