import { z } from 'zod'
import { SAMPLE_STATUSES } from '../domain/sample-workflow'
import { defineSyncedTable, stored } from '../write/stored-columns'
import { EvaluationInput, SAMPLE_SOURCES, SampleFields, VERDICTS } from './samples.contract'

/** Samples as stored: specs and evaluation scores as JSON text of the contract's lists. */
export const samplesTable = defineSyncedTable({
  name: 'samples',
  entity: 'sample',
  rowId: 'uuid',
  columns: z.object({
    code: stored.text(40, { required: true }),
    source: stored.oneOf(SAMPLE_SOURCES),
    visit_id: stored.nullable(stored.reference()),
    factory_id: stored.reference(),
    sku_id: stored.nullable(stored.reference()),
    category: stored.text(40),
    category_override_reason: stored.text(500),
    name: stored.text(100, { required: true }),
    specs: stored.json(SampleFields.shape.specs, []),
    storage_location: stored.text(200),
    status: stored.oneOf(SAMPLE_STATUSES),
    status_reason: stored.text(1000),
    evaluation_scores: stored.json(EvaluationInput.shape.scores, []),
    evaluation_verdict: stored.nullable(stored.oneOf(VERDICTS)),
    evaluation_note: stored.text(2000),
    evaluation_benchmark: stored.text(100),
    evaluated_at: stored.nullable(stored.timestamp()),
    notes: stored.text(5000),
  }),
})

/** A sample's status changes, one row each (never edited, so history merges without conflicts). */
export const statusHistoryTable = defineSyncedTable({
  name: 'sample_status_history',
  entity: 'status change',
  rowId: 'uuid',
  columns: z.object({
    sample_id: stored.reference(),
    from_status: stored.nullable(stored.oneOf(SAMPLE_STATUSES)),
    to_status: stored.oneOf(SAMPLE_STATUSES),
    reason: stored.text(1000),
    actor: stored.text(40),
    device_id: stored.text(128, { required: true }),
    changed_at: stored.timestamp(),
  }),
})
