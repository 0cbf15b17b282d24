import { z } from 'zod'
import { defineCalls } from '../api/define'
import { MAX_SCORE, MIN_SCORE, SCORE_DIMENSIONS } from '../domain/scorecard'
import { IsoDateText } from '../domain/pricing/pricing.schema'

/**
 * Factory visits with their capability scorecard and follow-ups, and a factory's scorecard across
 * visits. Shared with the renderer's forms; messages are i18n keys.
 */

const text = (max: number) => z.string().trim().max(max, 'errors.tooLong')
export const RecordId = z.uuid('errors.id.invalid')

/** A whole score from 1 to 5, or null for a dimension left unscored. */
export const ScoreValue = z
  .number('errors.score.range')
  .int('errors.score.range')
  .min(MIN_SCORE, 'errors.score.range')
  .max(MAX_SCORE, 'errors.score.range')
  .nullable()

export const DimensionScore = z
  .object({
    score: ScoreValue.default(null),
    note: text(1000).default(''),
  })
  .strict()
export type DimensionScore = z.output<typeof DimensionScore>

const unscored = () => DimensionScore.default({ score: null, note: '' })

/** One score and note per dimension; a dimension left out is unscored. */
export const Scorecard = z
  .object({
    design: unscored(),
    rnd: unscored(),
    quickResponse: unscored(),
    /** 开款能力 */
    newProductDevelopment: unscored(),
    /** 产业带地位 */
    beltLeadership: unscored(),
    qualitySystem: unscored(),
    capacity: unscored(),
  })
  .strict() satisfies z.ZodType<Record<(typeof SCORE_DIMENSIONS)[number], DimensionScore>>
export type Scorecard = z.output<typeof Scorecard>

export const FollowUpInput = z
  .object({
    text: text(500).min(1, 'errors.required'),
    /** 'YYYY-MM-DD', or null when no date was agreed. */
    dueDate: IsoDateText.nullable().default(null),
  })
  .strict()
export type FollowUpValues = z.output<typeof FollowUpInput>

export const FollowUp = z.object({
  id: z.string(),
  visitId: z.string(),
  text: z.string(),
  dueDate: z.string().nullable(),
  done: z.boolean(),
  /** When it was ticked done; null while open. */
  doneAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type FollowUp = z.infer<typeof FollowUp>

export const VisitFields = z.object({
  factoryId: RecordId,
  /** The tour this visit belongs to; the visit date must fall within the tour's dates. */
  tourId: RecordId.nullable().default(null),
  visitDate: IsoDateText,
  /** Who attended, both sides. */
  attendees: z.array(text(40).min(1, 'errors.required')).max(30, 'errors.tooMany').default([]),
  scores: Scorecard.default(() => Scorecard.parse({})),
  notes: text(5000).default(''),
})
export type VisitValues = z.output<typeof VisitFields>

export const VisitCreateInput = VisitFields.extend({
  /** Follow-ups agreed in the meeting, created with the visit. */
  followUps: z.array(FollowUpInput).max(50, 'errors.tooMany').default([]),
}).strict()
export type VisitCreateValues = z.output<typeof VisitCreateInput>

export const Visit = VisitFields.extend({
  id: z.string(),
  /** null only when the factory never reached this laptop. */
  factoryName: z.string().nullable(),
  /** Present (true) when the factory has been deleted: its name is still shown, with a restore. */
  factoryDeleted: z.boolean().optional(),
  tourName: z.string().nullable(),
  /** Mean of the dimensions scored in this visit. */
  averageScore: z.number().nullable(),
  followUps: z.array(FollowUp),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type Visit = z.output<typeof Visit>

export const VisitSummary = z.object({
  id: z.string(),
  factoryId: z.string(),
  factoryName: z.string().nullable(),
  /** Present (true) when the factory has been deleted: its name is still shown, with a restore. */
  factoryDeleted: z.boolean().optional(),
  tourId: z.string().nullable(),
  tourName: z.string().nullable(),
  visitDate: z.string(),
  attendees: z.array(z.string()),
  averageScore: z.number().nullable(),
  /** How many of the seven dimensions were scored. */
  scoredCount: z.number().int(),
  openFollowUps: z.number().int(),
  updatedAt: z.string(),
})
export type VisitSummary = z.infer<typeof VisitSummary>

/** A follow-up with where it came from, for lists across visits. */
export const FollowUpItem = FollowUp.extend({
  factoryId: z.string(),
  factoryName: z.string().nullable(),
  /** Present (true) when the factory has been deleted: its name is still shown, with a restore. */
  factoryDeleted: z.boolean().optional(),
  visitDate: z.string(),
  /** Open and due before today. */
  overdue: z.boolean(),
})
export type FollowUpItem = z.infer<typeof FollowUpItem>

export const DimensionSummary = z.object({
  dimension: z.enum(SCORE_DIMENSIONS),
  latest: z.number().int().nullable(),
  latestDate: z.string().nullable(),
  latestVisitId: z.string().nullable(),
  /** The note given with the latest score. */
  latestNote: z.string(),
  previous: z.number().int().nullable(),
  /** latest − previous: how the score moved since the previous visit that scored it. */
  delta: z.number().int().nullable(),
  average: z.number().nullable(),
  count: z.number().int(),
})

export const FactoryScorecard = z.object({
  factoryId: z.string(),
  factoryName: z.string(),
  /** Visits newest first, with their scores. */
  visits: z.array(
    z.object({
      id: z.string(),
      visitDate: z.string(),
      tourId: z.string().nullable(),
      tourName: z.string().nullable(),
      attendees: z.array(z.string()),
      scores: Scorecard,
      averageScore: z.number().nullable(),
    }),
  ),
  /** One entry per dimension, in the fixed dimension order (for the radar chart). */
  dimensions: z.array(DimensionSummary),
  /** Mean of the dimensions' latest scores, and of their averages. */
  overall: z.object({ latest: z.number().nullable(), average: z.number().nullable() }),
  /** Open follow-ups from every visit, earliest due first (undated last). */
  openFollowUps: z.array(FollowUpItem),
})
export type FactoryScorecard = z.output<typeof FactoryScorecard>

const byId = z.object({ id: RecordId }).strict()

export const visitCalls = defineCalls({
  'visits.list': {
    summary: 'Lists live visits, newest first, optionally of one factory or one tour.',
    input: z.object({ factoryId: RecordId.optional(), tourId: RecordId.optional() }).strict(),
    output: z.array(VisitSummary),
  },
  'visits.get': {
    summary: 'Returns one visit with its scorecard and follow-ups.',
    input: byId,
    output: Visit,
  },
  'visits.create': {
    summary:
      'Records a visit with its scorecard (1–5 per dimension, or unscored) and follow-ups; the factory must ' +
      'exist and, with a tour, the date must fall within the tour.',
    input: VisitCreateInput,
    output: Visit,
  },
  'visits.update': {
    summary: 'Replaces a visit’s fields and scores (follow-ups have their own calls).',
    input: z.object({ id: RecordId, values: VisitFields.strict() }).strict(),
    output: Visit,
  },
  'visits.delete': {
    summary: 'Deletes a visit and its follow-ups (tombstones).',
    input: byId,
    output: z.object({ id: z.string() }),
  },
  'followUps.list': {
    summary: 'Lists follow-ups across visits (open by default), earliest due first, with their factory.',
    input: z
      .object({
        factoryId: RecordId.optional(),
        visitId: RecordId.optional(),
        status: z.enum(['open', 'done', 'all']).default('open'),
      })
      .strict(),
    output: z.array(FollowUpItem),
  },
  'followUps.create': {
    summary: 'Adds a follow-up to a visit.',
    input: FollowUpInput.extend({ visitId: RecordId }).strict(),
    output: FollowUp,
  },
  'followUps.update': {
    summary: 'Changes a follow-up’s text or due date.',
    input: z.object({ id: RecordId, values: FollowUpInput }).strict(),
    output: FollowUp,
  },
  'followUps.setDone': {
    summary: 'Ticks a follow-up done (recording when) or reopens it.',
    input: z.object({ id: RecordId, done: z.boolean() }).strict(),
    output: FollowUp,
  },
  'followUps.delete': {
    summary: 'Deletes a follow-up (a tombstone).',
    input: byId,
    output: z.object({ id: z.string() }),
  },
  'factories.scorecard': {
    summary:
      'A factory’s scorecard: visit history, latest and average score per dimension, each score’s change ' +
      'since the previous visit, and open follow-ups.',
    input: z.object({ factoryId: RecordId }).strict(),
    output: FactoryScorecard,
  },
})
