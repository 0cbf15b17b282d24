import type { HandlersFor } from '../api/handlers'
import type { visitCalls } from './visits.contract'
import {
  createFollowUp,
  createVisit,
  deleteFollowUp,
  deleteVisit,
  factoryScorecard,
  getVisit,
  listFollowUps,
  listVisits,
  setFollowUpDone,
  updateFollowUp,
  updateVisit,
} from './visits.service'

export const visitHandlers: HandlersFor<typeof visitCalls> = {
  'visits.list': (input, ctx) => listVisits(ctx, input),
  'visits.get': (input, ctx) => getVisit(ctx, input.id),
  'visits.create': (input, ctx) => createVisit(ctx, input),
  'visits.update': (input, ctx) => updateVisit(ctx, input.id, input.values),
  'visits.delete': async (input, ctx) => {
    await deleteVisit(ctx, input.id)
    return { id: input.id }
  },
  'followUps.list': (input, ctx) => listFollowUps(ctx, input),
  'followUps.create': (input, ctx) => {
    const { visitId, ...values } = input
    return createFollowUp(ctx, visitId, values)
  },
  'followUps.update': (input, ctx) => updateFollowUp(ctx, input.id, input.values),
  'followUps.setDone': (input, ctx) => setFollowUpDone(ctx, input.id, input.done),
  'followUps.delete': async (input, ctx) => {
    await deleteFollowUp(ctx, input.id)
    return { id: input.id }
  },
  'factories.scorecard': (input, ctx) => factoryScorecard(ctx, input.factoryId),
}
