import type { HandlersFor } from '../api/handlers'
import { countUnsentRecords } from '../sync/sync.service'
import type { systemCalls } from './system.contract'

export const systemHandlers: HandlersFor<typeof systemCalls> = {
  // Counted as sync counts it (changes HQ refused for good are not waiting), so both screens agree.
  'app.info': async (_input, ctx) => ({
    ...ctx.app,
    deviceId: ctx.write.deviceId,
    unsentRecords: await countUnsentRecords(ctx.db),
  }),
}
