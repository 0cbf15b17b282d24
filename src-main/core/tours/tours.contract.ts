import { z } from 'zod'
import { defineCalls } from '../api/define'
import { IsoDateText } from '../domain/pricing/pricing.schema'

/** Tours through industrial belts: dates, route, who travels, which factories to see; shared with the forms. */

const text = (max: number) => z.string().trim().max(max, 'errors.tooLong')
export const RecordId = z.uuid('errors.id.invalid')

export const TourFields = z.object({
  name: text(100).min(1, 'errors.required'),
  /** First day, 'YYYY-MM-DD'. */
  startDate: IsoDateText,
  /** Last day (inclusive); not before startDate. */
  endDate: IsoDateText,
  /** Industrial belts on the route, e.g. 晋江纸品, 广州白云日化. */
  belts: z.array(text(40).min(1, 'errors.required')).max(20, 'errors.tooMany').default([]),
  /** Names of the buyers travelling. */
  members: z.array(text(40).min(1, 'errors.required')).max(30, 'errors.tooMany').default([]),
  /** Factories planned to be visited (each must exist); repeats are dropped. */
  plannedFactoryIds: z
    .array(RecordId)
    .max(200, 'errors.tooMany')
    .default([])
    .transform((ids) => [...new Set(ids)]),
  notes: text(5000).default(''),
})

export const TourInput = TourFields.strict().refine((t) => t.endDate >= t.startDate, {
  path: ['endDate'],
  message: 'errors.tour.dateOrder',
})
export type TourInput = z.input<typeof TourInput>
export type TourValues = z.output<typeof TourInput>

/** Where a tour stands against today (the device's local date). */
export const TourPhase = z.enum(['upcoming', 'ongoing', 'finished'])
export type TourPhase = z.infer<typeof TourPhase>

/** How many planned factories have been visited within the tour. */
export const TourProgress = z.object({
  /** Planned factories with at least one visit recorded in this tour. */
  visited: z.number().int(),
  /** Planned factories in all. */
  planned: z.number().int(),
})

export const TourSummary = z.object({
  id: z.string(),
  name: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  belts: z.array(z.string()),
  members: z.array(z.string()),
  phase: TourPhase,
  progress: TourProgress,
  /** Visits recorded in the tour, planned or not. */
  visitCount: z.number().int(),
  updatedAt: z.string(),
})
export type TourSummary = z.infer<typeof TourSummary>

/** One visit on a tour's itinerary. */
export const ItineraryVisit = z.object({
  visitId: z.string(),
  factoryId: z.string(),
  /** null only when the factory never reached this laptop. */
  factoryName: z.string().nullable(),
  /** Present (true) when the factory has been deleted: its name is still shown, with a restore. */
  factoryDeleted: z.boolean().optional(),
  /** Whether the factory was on the tour's plan. */
  planned: z.boolean(),
  /** Mean of the dimensions scored in the visit. */
  averageScore: z.number().nullable(),
  openFollowUps: z.number().int(),
})

export const Tour = TourFields.extend({
  id: z.string(),
  phase: TourPhase,
  progress: TourProgress,
  /** The planned factories, in plan order, and whether each has been visited in the tour. */
  plannedFactories: z.array(
    z.object({
      factoryId: z.string(),
      /** null only when the factory never reached this laptop. */
      factoryName: z.string().nullable(),
      /** Present (true) when the factory has been deleted: its name is still shown, with a restore. */
      factoryDeleted: z.boolean().optional(),
      city: z.string().nullable(),
      visited: z.boolean(),
    }),
  ),
  /** The tour's visits grouped by date, earliest day first; days without visits are left out. */
  itinerary: z.array(z.object({ date: z.string(), visits: z.array(ItineraryVisit) })),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type Tour = z.output<typeof Tour>

const byId = z.object({ id: RecordId }).strict()

export const tourCalls = defineCalls({
  'tours.list': {
    summary: 'Lists live tours, latest start first, with phase (against today) and progress.',
    input: z.object({ phase: TourPhase.optional() }).strict(),
    output: z.array(TourSummary),
  },
  'tours.get': {
    summary: 'Returns a tour with its planned factories, its itinerary (visits by date) and its progress.',
    input: byId,
    output: Tour,
  },
  'tours.create': {
    summary: 'Plans a tour; planned factories must exist.',
    input: TourInput,
    output: Tour,
  },
  'tours.update': {
    summary: 'Replaces a tour’s fields; its dates must still contain every visit recorded in it.',
    input: z.object({ id: RecordId, values: TourInput }).strict(),
    output: Tour,
  },
  'tours.delete': {
    summary: 'Deletes a tour (a tombstone); refused while visits are recorded in it.',
    input: byId,
    output: z.object({ id: z.string() }),
  },
})
