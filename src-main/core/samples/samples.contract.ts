import { z } from 'zod'
import { defineCalls } from '../api/define'
import { CategoryOverride } from '../categories/categories.contract'
import { Sha256 } from '../photos/photos.contract'
import { MAX_SCORE, MIN_SCORE } from '../domain/scorecard'
import { INITIAL_SAMPLE_STATUSES, SAMPLE_STATUSES } from '../domain/sample-workflow'

/**
 * Samples from visits and the offline selection center: code, specs, where the physical sample is kept,
 * the status workflow with its history, and the evaluation against the brand benchmark.
 */

const text = (max: number) => z.string().trim().max(max, 'errors.tooLong')
export const RecordId = z.uuid('errors.id.invalid')

export const SAMPLE_SOURCES = ['visit', 'selectionCenter'] as const
export const SampleSource = z.enum(SAMPLE_SOURCES)
export const SampleStatus = z.enum(SAMPLE_STATUSES)
export type SampleStatus = z.infer<typeof SampleStatus>

/** Dimensions a form offers for the evaluation; buyers may add their own. */
export const SUGGESTED_EVALUATION_DIMENSIONS = [
  'appearance',
  'texture',
  'strength',
  'absorbency',
  'scent',
  'packaging',
] as const

export const VERDICTS = ['better', 'onPar', 'worse'] as const
export const Verdict = z.enum(VERDICTS)

export const SpecEntry = z
  .object({ key: text(40).min(1, 'errors.required'), value: text(200).default('') })
  .strict()

export const SampleFields = z.object({
  /** Where it came from: handed over in a visit, or picked at the offline selection center. */
  source: SampleSource,
  /** The visit it came from; required for source 'visit', absent otherwise. */
  visitId: RecordId.nullable().default(null),
  factoryId: RecordId,
  /** The SKU brief it is a candidate for, where known. */
  skuId: RecordId.nullable().default(null),
  /** Category for the policy check; '' takes the SKU's category. */
  category: text(40).default(''),
  /** Needed to register in an excluded category; recorded on the sample. */
  categoryOverride: CategoryOverride.nullable().default(null),
  name: text(100).min(1, 'errors.required'),
  /** Key/value specs in the buyer's order, e.g. 层数: 3, 抽数: 130. */
  specs: z.array(SpecEntry).max(50, 'errors.tooMany').default([]),
  /** Where the physical sample is kept, e.g. 选品中心 B-3 架. */
  storageLocation: text(200).default(''),
  notes: text(5000).default(''),
})

type SourceShape = { source: string; visitId: string | null }
function checkSource(value: SourceShape, ctx: z.RefinementCtx): void {
  if (value.source === 'visit' && value.visitId === null)
    ctx.addIssue({ code: 'custom', path: ['visitId'], message: 'errors.sample.visitRequired' })
  if (value.source === 'selectionCenter' && value.visitId !== null)
    ctx.addIssue({ code: 'custom', path: ['visitId'], message: 'errors.sample.visitNotAllowed' })
}

export const SampleUpdateValues = SampleFields.strict().superRefine(checkSource)
export type SampleValues = z.output<typeof SampleUpdateValues>

const SampleCreateFields = SampleFields.extend({
  /** 'received' when it was handed over in the meeting, else 'requested'. */
  status: z.enum(INITIAL_SAMPLE_STATUSES).default('requested'),
  /** Who registers it, for the history. */
  by: text(40).default(''),
})

export const SampleCreateInput = SampleCreateFields.strict().superRefine(checkSource)
export type SampleCreateValues = z.output<typeof SampleCreateInput>

/** Most photos one registration links: a table's worth of angles, not a whole shoot. */
export const MAX_STAGED_PHOTOS = 50

/**
 * What the sample form sends: the sample, and the photos taken before it was saved. Their bytes are
 * already stored (uploaded while the form was open); registering links them in the same transaction,
 * so a failed save leaves no photo attached to nothing.
 */
export const SampleRegisterInput = SampleCreateFields.extend({
  photos: z
    .array(z.object({ sha256: Sha256, caption: text(500).default('') }).strict())
    .max(MAX_STAGED_PHOTOS, 'errors.tooMany')
    .default([]),
})
  .strict()
  .superRefine(checkSource)
export type SampleRegisterValues = z.output<typeof SampleRegisterInput>

export const EvaluationScore = z
  .object({
    dimension: text(40).min(1, 'errors.required'),
    score: z
      .number('errors.score.range')
      .int('errors.score.range')
      .min(MIN_SCORE, 'errors.score.range')
      .max(MAX_SCORE, 'errors.score.range'),
    note: text(500).default(''),
  })
  .strict()

/** The sample against the brand benchmark: per-dimension scores and a verdict. */
export const EvaluationInput = z
  .object({
    /** The benchmark product compared with, e.g. 维达 超韧 3层 130抽. */
    benchmark: text(100).default(''),
    scores: z.array(EvaluationScore).max(20, 'errors.tooMany').default([]),
    verdict: Verdict,
    note: text(2000).default(''),
  })
  .strict()
  .superRefine((value, ctx) => {
    const seen = new Set<string>()
    value.scores.forEach((s, i) => {
      if (seen.has(s.dimension))
        ctx.addIssue({
          code: 'custom',
          path: ['scores', i, 'dimension'],
          message: 'errors.sample.dimensionDuplicate',
        })
      seen.add(s.dimension)
    })
  })
export type EvaluationValues = z.output<typeof EvaluationInput>

export const Evaluation = z.object({
  benchmark: z.string(),
  scores: z.array(z.object({ dimension: z.string(), score: z.number().int(), note: z.string() })),
  verdict: Verdict,
  note: z.string(),
  evaluatedAt: z.string(),
})

export const StatusChange = z.object({
  id: z.string(),
  /** null for the status it was registered with. */
  from: SampleStatus.nullable(),
  to: SampleStatus,
  reason: z.string(),
  /** Who made the change, as typed ('' when not given). */
  by: z.string(),
  deviceId: z.string(),
  at: z.string(),
})

export const Sample = SampleFields.extend({
  id: z.string(),
  /** Human code on the label, e.g. S-2026-K7QX-00042. */
  code: z.string(),
  status: SampleStatus,
  /** Reason given with the latest transition (the rejection reason once rejected). */
  statusReason: z.string(),
  /** Statuses it may move to next. */
  nextStatuses: z.array(SampleStatus),
  factoryName: z.string().nullable(),
  /** Present (true) when the factory has been deleted: its name is still shown, with a restore. */
  factoryDeleted: z.boolean().optional(),
  skuName: z.string().nullable(),
  visitDate: z.string().nullable(),
  /** Present (true) when the visit it came from has been deleted: its date is still shown, with a restore. */
  visitDeleted: z.boolean().optional(),
  evaluation: Evaluation.nullable(),
  /** Every transition, oldest first. */
  history: z.array(StatusChange),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type Sample = z.output<typeof Sample>

export const SampleSummary = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  source: SampleSource,
  category: z.string(),
  /** Registered in an excluded category with an override. */
  overridden: z.boolean(),
  factoryId: z.string(),
  factoryName: z.string().nullable(),
  /** Present (true) when the factory has been deleted: its name is still shown, with a restore. */
  factoryDeleted: z.boolean().optional(),
  skuId: z.string().nullable(),
  skuName: z.string().nullable(),
  visitId: z.string().nullable(),
  status: SampleStatus,
  storageLocation: z.string(),
  verdict: Verdict.nullable(),
  updatedAt: z.string(),
})
export type SampleSummary = z.infer<typeof SampleSummary>

const byId = z.object({ id: RecordId }).strict()

export const sampleCalls = defineCalls({
  'samples.list': {
    summary:
      'Lists live samples, newest first, filtered by status, factory, SKU, visit or a substring of ' +
      'code, name, category or storage location.',
    input: z
      .object({
        search: text(100).default(''),
        statuses: z.array(SampleStatus).max(SAMPLE_STATUSES.length).default([]),
        factoryId: RecordId.optional(),
        skuId: RecordId.optional(),
        visitId: RecordId.optional(),
      })
      .strict(),
    output: z.array(SampleSummary),
  },
  'samples.get': {
    summary: 'Returns one sample with its evaluation and status history.',
    input: byId,
    output: Sample,
  },
  'samples.findByCode': {
    summary: 'Returns the sample with a code as typed or scanned (case and O/0, I/1 look-alikes forgiven).',
    input: z.object({ code: text(40).min(1, 'errors.required') }).strict(),
    output: Sample,
  },
  'samples.create': {
    summary:
      'Registers a sample and gives it its code, linking the photos already uploaded for it; an excluded ' +
      'category needs an override with a reason.',
    input: SampleRegisterInput,
    output: Sample,
  },
  'samples.update': {
    summary: 'Replaces a sample’s fields (not its code or status); only changed fields are written.',
    input: z.object({ id: RecordId, values: SampleUpdateValues }).strict(),
    output: Sample,
  },
  'samples.transition': {
    summary:
      'Moves a sample along requested → received → evaluating → approved | rejected (rejecting needs a ' +
      'reason); the change is kept in its history.',
    input: z
      .object({ id: RecordId, to: SampleStatus, reason: text(1000).default(''), by: text(40).default('') })
      .strict(),
    output: Sample,
  },
  'samples.evaluate': {
    summary: 'Records (or, with null, clears) the evaluation against the brand benchmark.',
    input: z.object({ id: RecordId, evaluation: EvaluationInput.nullable() }).strict(),
    output: Sample,
  },
  'samples.delete': {
    summary: 'Deletes a sample (a tombstone); its code is never given out again.',
    input: byId,
    output: z.object({ id: z.string() }),
  },
})
