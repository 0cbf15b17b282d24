import type { HandlersFor } from '../api/handlers'
import type { systemCalls } from './system.contract'

export const systemHandlers: HandlersFor<typeof systemCalls> = {
  'app.info': async (_input, ctx) => {
    const { count } = await ctx.db
      .selectFrom('change_log')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('sent_at', 'is', null)
      .executeTakeFirstOrThrow()
    return { ...ctx.app, deviceId: ctx.write.deviceId, unsentChanges: Number(count) }
  },
}
