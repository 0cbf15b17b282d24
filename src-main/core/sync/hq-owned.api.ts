import { HQ_OWNED_TABLES } from './wire/sync-wire.contract'
import type { HandlersFor } from '../api/handlers'
import type { hqOwnedCalls } from './hq-owned.contract'
import { isEnrolled } from './hq-owned'

export const hqOwnedHandlers: HandlersFor<typeof hqOwnedCalls> = {
  'sync.hqOwned': async (_input, ctx) => ({
    enrolled: await isEnrolled(ctx.db),
    hqOwnedTables: [...HQ_OWNED_TABLES],
  }),
}
