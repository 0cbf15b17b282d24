import type { HandlersFor } from '../api/handlers'
import type { tourCalls } from './tours.contract'
import { createTour, deleteTour, getTour, listTours, planTour, updateTour } from './tours.service'

export const tourHandlers: HandlersFor<typeof tourCalls> = {
  'tours.list': (input, ctx) => listTours(ctx, input),
  'tours.get': (input, ctx) => getTour(ctx, input.id),
  'tours.create': (input, ctx) => createTour(ctx, input),
  'tours.plan': (input, ctx) => planTour(ctx, input),
  'tours.update': (input, ctx) => updateTour(ctx, input.id, input.values),
  'tours.delete': async (input, ctx) => {
    await deleteTour(ctx, input.id)
    return { id: input.id }
  },
}
