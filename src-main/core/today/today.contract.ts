import { z } from 'zod'
import { defineCalls } from '../api/define'
import { SampleRequest } from '../sample-requests/sample-requests.contract'
import { SampleStatus } from '../samples/samples.contract'
import { FollowUpItem } from '../visits/visits.contract'

/**
 * Today (工作台): what needs doing on the buyer's today — follow-ups overdue and due, samples waiting
 * for evaluation, sample requests that are late, quotes about to expire, benchmarks gone stale — each
 * with what the renderer needs to link to its record. "Today" is the buyer's local date, as follow-ups
 * judge overdue. Each list shows its first items and says how many there are.
 */

/** Follow-ups due within this many days from today count as due. */
export const DUE_SOON_DAYS = 7
/** Quotes whose validity ends within this many days from today count as expiring. */
export const EXPIRING_WITHIN_DAYS = 14
/** At most this many items per list; `total` says how many there are. */
export const TODAY_LIST_LIMIT = 50

const list = <T extends z.ZodType>(item: T) => z.object({ total: z.number().int(), items: z.array(item) })

export const AwaitingSample = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  factoryId: z.string(),
  factoryName: z.string().nullable(),
  status: SampleStatus,
  /** When it last changed (it arrived, or its evaluation started). */
  since: z.string(),
  /** Whole days since then. */
  days: z.number().int(),
})

export const ExpiringQuote = z.object({
  id: z.string(),
  threadId: z.string(),
  round: z.number().int(),
  skuId: z.string(),
  skuName: z.string().nullable(),
  factoryId: z.string(),
  factoryName: z.string().nullable(),
  validUntil: z.string(),
  /** 0: expires today. */
  daysLeft: z.number().int(),
})

export const StaleBenchmark = z.object({
  skuId: z.string(),
  skuName: z.string(),
  /** The SKU's newest brand observation. */
  latestObservedAt: z.string(),
  brand: z.string(),
  channel: z.string(),
  /** Whole days since that observation. */
  daysOld: z.number().int(),
})

export const Today = z.object({
  /** The buyer's local date the lists are judged on. */
  today: z.string(),
  overdueFollowUps: list(FollowUpItem),
  /** Open, due today or within DUE_SOON_DAYS days. */
  dueFollowUps: list(FollowUpItem),
  samplesToEvaluate: list(AwaitingSample),
  lateSampleRequests: list(SampleRequest),
  /** Latest rounds valid until today or within EXPIRING_WITHIN_DAYS days. */
  expiringQuotes: list(ExpiringQuote),
  /** SKUs whose newest benchmark is older than the stale age (a local preference). */
  staleBenchmarks: list(StaleBenchmark),
  staleBenchmarkDays: z.number().int(),
  dueSoonDays: z.number().int(),
  expiringWithinDays: z.number().int(),
})
export type Today = z.infer<typeof Today>

export const todayCalls = defineCalls({
  'today.get': {
    summary:
      'What needs doing today: overdue and due follow-ups, samples waiting for evaluation, late sample ' +
      'requests, quotes expiring within 14 days and stale benchmarks, each linking to its record.',
    input: z.object({}).strict(),
    output: Today,
  },
})
