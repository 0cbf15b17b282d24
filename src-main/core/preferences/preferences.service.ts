import type { CoreContext } from '../api/context'
import { DEFAULT_STALE_BENCHMARK_DAYS } from '../domain/pricing'
import type { Preferences } from './preferences.contract'

/** The meta row holding the stale age; meta is local key/value state that never syncs. */
const STALE_DAYS_KEY = 'preferences.stale_benchmark_days'

/** The stored value read as a day count; anything unreadable reads as the default. */
function readDays(value: string | undefined): number {
  const days = Number(value)
  return value !== undefined && Number.isInteger(days) && days >= 0 && days <= 3650
    ? days
    : DEFAULT_STALE_BENCHMARK_DAYS
}

export async function getPreferences(ctx: Pick<CoreContext, 'db'>): Promise<Preferences> {
  const row = await ctx.db
    .selectFrom('meta')
    .select('value')
    .where('key', '=', STALE_DAYS_KEY)
    .executeTakeFirst()
  return { staleBenchmarkDays: readDays(row?.value) }
}

export async function setPreferences(
  ctx: Pick<CoreContext, 'db'>,
  preferences: Preferences,
): Promise<Preferences> {
  const value = String(preferences.staleBenchmarkDays)
  await ctx.db
    .insertInto('meta')
    .values({ key: STALE_DAYS_KEY, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute()
  return getPreferences(ctx)
}
