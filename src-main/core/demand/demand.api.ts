import type { HandlersFor } from '../api/handlers'
import type { demandCalls } from './demand.contract'
import {
  createDemandSignal,
  deleteDemandSignal,
  listDemandSignals,
  updateDemandSignal,
} from './demand.service'

export const demandHandlers: HandlersFor<typeof demandCalls> = {
  'demand.list': (input, ctx) => listDemandSignals(ctx, input.skuId),
  'demand.create': (input, ctx) => createDemandSignal(ctx, input),
  'demand.update': (input, ctx) => updateDemandSignal(ctx, input.id, input.values),
  'demand.delete': async (input, ctx) => {
    await deleteDemandSignal(ctx, input.id)
    return { id: input.id }
  },
}
