import type { CoreContext } from '../api/context'
import type { Profile } from './profile.contract'

/** The meta row holding the buyer name; meta is local key/value state that never syncs. */
const BUYER_NAME_KEY = 'profile.buyer_name'

export async function getProfile(ctx: Pick<CoreContext, 'db'>): Promise<Profile> {
  const row = await ctx.db
    .selectFrom('meta')
    .select('value')
    .where('key', '=', BUYER_NAME_KEY)
    .executeTakeFirst()
  return { buyerName: row?.value ?? '' }
}

export async function setProfile(ctx: Pick<CoreContext, 'db'>, profile: Profile): Promise<Profile> {
  await ctx.db
    .insertInto('meta')
    .values({ key: BUYER_NAME_KEY, value: profile.buyerName })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: profile.buyerName }))
    .execute()
  return getProfile(ctx)
}
