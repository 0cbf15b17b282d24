import type { CoreContext } from '../api/context'
import { addDays, daysFrom } from '../domain/sample-request'
import { getPreferences } from '../preferences/preferences.service'
import { listLateSampleRequests } from '../sample-requests/sample-requests.service'
import type { SampleStatus } from '../samples/samples.contract'
import { localDate } from '../targets/targets.service'
import { toFollowUpItem } from '../visits/visits.service'
import { DUE_SOON_DAYS, EXPIRING_WITHIN_DAYS, TODAY_LIST_LIMIT, type Today } from './today.contract'
import {
  listOpenFollowUpsDue,
  listQuotesExpiring,
  listSamplesAwaitingEvaluation,
  listStaleBenchmarks,
} from './today.repository'

/**
 * What needs doing on the buyer's today. "Today" is localDate(now), the date follow-ups judge overdue
 * by, so a follow-up is overdue here exactly when its visit calls it overdue.
 */
export async function getToday(ctx: CoreContext): Promise<Today> {
  const now = ctx.write.now()
  const today = localDate(now)
  const limit = TODAY_LIST_LIMIT
  const { staleBenchmarkDays } = await getPreferences(ctx)
  const [overdue, due, awaiting, late, expiring, stale] = await Promise.all([
    listOpenFollowUpsDue(ctx.db, { to: addDays(today, -1), limit }),
    listOpenFollowUpsDue(ctx.db, { from: today, to: addDays(today, DUE_SOON_DAYS), limit }),
    listSamplesAwaitingEvaluation(ctx.db, limit),
    listLateSampleRequests(ctx),
    listQuotesExpiring(ctx.db, { from: today, to: addDays(today, EXPIRING_WITHIN_DAYS), limit }),
    listStaleBenchmarks(ctx.db, addDays(today, -staleBenchmarkDays)),
  ])
  return {
    today,
    overdueFollowUps: { total: overdue.total, items: overdue.rows.map((r) => toFollowUpItem(r, today)) },
    dueFollowUps: { total: due.total, items: due.rows.map((r) => toFollowUpItem(r, today)) },
    samplesToEvaluate: {
      total: awaiting.total,
      items: awaiting.rows.map((row) => ({
        id: row.id,
        code: row.code,
        name: row.name,
        factoryId: row.factory_id,
        factoryName: row.factory_name,
        status: row.status as SampleStatus,
        since: row.updated_at,
        days: Math.max(0, daysFrom(localDate(new Date(row.updated_at)), today)),
      })),
    },
    lateSampleRequests: { total: late.length, items: late.slice(0, limit) },
    expiringQuotes: {
      total: expiring.total,
      items: expiring.rows.map((row) => ({
        id: row.id,
        threadId: row.thread_id,
        round: row.round,
        skuId: row.sku_id,
        skuName: row.sku_name,
        factoryId: row.factory_id,
        factoryName: row.factory_name,
        validUntil: row.valid_until,
        daysLeft: daysFrom(today, row.valid_until),
      })),
    },
    staleBenchmarks: {
      total: stale.length,
      items: stale.slice(0, limit).map((row) => ({
        skuId: row.sku_id,
        skuName: row.sku_name,
        latestObservedAt: row.observed_at,
        brand: row.brand,
        channel: row.channel,
        daysOld: daysFrom(row.observed_at, today),
      })),
    },
    staleBenchmarkDays,
    dueSoonDays: DUE_SOON_DAYS,
    expiringWithinDays: EXPIRING_WITHIN_DAYS,
  }
}
