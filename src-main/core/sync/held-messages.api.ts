import type { HandlersFor } from '../api/handlers'
import type { heldMessageCalls } from './held-messages.contract'
import { listQuarantine } from './quarantine-list'

export const heldMessageHandlers: HandlersFor<typeof heldMessageCalls> = {
  'sync.quarantine': (input, ctx) => listQuarantine(ctx.db, ctx.write.clock.node, input),
}
