import { z } from 'zod'
import { defineCalls } from '../api/define'
import { IsoDateText } from '../domain/pricing/pricing.schema'
import { FactoryGlance, FactoryStatus } from '../factories/factories.contract'

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

/** Which day of the tour each planned factory is to be visited, by factory id (a factory may have none yet). */
export const PlannedDays = z.record(RecordId, IsoDateText)
export type PlannedDays = z.infer<typeof PlannedDays>

/** One stop of the itinerary as the buyer arranges it. */
export const PlanStop = z
  .object({
    factoryId: RecordId,
    /** The tour day, 'YYYY-MM-DD' within the tour's dates; null while not yet given a day. */
    day: IsoDateText.nullable().default(null),
  })
  .strict()

/**
 * The whole plan, in visiting order: each factory once, each day within the tour. The order within a
 * day is the order of the list (a drag or a move up/down sends the list again).
 */
export const PlanInput = z
  .object({
    id: RecordId,
    stops: z
      .array(PlanStop)
      .max(200, 'errors.tooMany')
      .superRefine((stops, ctx) => {
        const seen = new Set<string>()
        stops.forEach((stop, index) => {
          if (seen.has(stop.factoryId))
            ctx.addIssue({ code: 'custom', path: [index, 'factoryId'], message: 'errors.tour.planRepeat' })
          seen.add(stop.factoryId)
        })
      }),
  })
  .strict()
export type PlanInput = z.input<typeof PlanInput>
export type PlanValues = z.output<typeof PlanInput>

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
  /**
   * The planned factories in visiting order (days in date order, undated last; within a day the plan's
   * order), with what the buyer needs on the road and whether each has been visited in the tour.
   */
  plannedFactories: z.array(
    z.object({
      factoryId: z.string(),
      /** null only when the factory never reached this laptop. */
      factoryName: z.string().nullable(),
      /** Present (true) when the factory has been deleted: its name is still shown, with a restore. */
      factoryDeleted: z.boolean().optional(),
      /** The tour day planned for it; null while it has none. */
      day: z.string().nullable(),
      province: z.string().nullable(),
      city: z.string().nullable(),
      address: z.string().nullable(),
      status: FactoryStatus.nullable(),
      /** Its first contact (the one listed first on the factory), or null when it has none. */
      contact: z.object({ name: z.string(), role: z.string(), phone: z.string() }).nullable(),
      /** Last visit (any, not only this tour's), latest score and open follow-ups. */
      glance: FactoryGlance,
      visited: z.boolean(),
    }),
  ),
  /** The day planned for each factory (what tours.plan writes). */
  plannedDays: PlannedDays,
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
  'tours.plan': {
    summary:
      'Arranges the itinerary: the planned factories in visiting order, each with its tour day (within the ' +
      'tour’s dates) or none; every factory must exist.',
    input: PlanInput,
    output: Tour,
  },
  'tours.update': {
    summary:
      'Replaces a tour’s fields; its dates must still contain every visit recorded in it and every day ' +
      'planned for its factories (a factory taken off the plan loses its day).',
    input: z.object({ id: RecordId, values: TourInput }).strict(),
    output: Tour,
  },
  'tours.delete': {
    summary: 'Deletes a tour (a tombstone); refused while visits are recorded in it.',
    input: byId,
    output: z.object({ id: z.string() }),
  },
})
