import type { HandlersFor } from '../api/handlers'
import type { factoryCalls } from './factories.contract'
import {
  createFactory,
  deleteFactory,
  factoryStats,
  getFactory,
  listFactories,
  updateFactory,
} from './factories.service'

export const factoryHandlers: HandlersFor<typeof factoryCalls> = {
  'factories.list': (input, ctx) => listFactories(ctx, input),
  'factories.stats': (_input, ctx) => factoryStats(ctx),
  'factories.get': (input, ctx) => getFactory(ctx, input.id),
  'factories.create': (input, ctx) => createFactory(ctx, input),
  'factories.update': (input, ctx) => updateFactory(ctx, input.id, input.values, input.removedContactIds),
  'factories.delete': async (input, ctx) => {
    await deleteFactory(ctx, input.id)
    return { id: input.id }
  },
}
