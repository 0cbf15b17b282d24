import type { HandlersFor } from '../api/handlers'
import type { sampleRequestCalls } from './sample-requests.contract'
import {
  createSampleRequest,
  deleteSampleRequest,
  getSampleRequest,
  listSampleRequests,
  receiveSampleRequest,
  shipSampleRequest,
  updateSampleRequest,
} from './sample-requests.service'

export const sampleRequestHandlers: HandlersFor<typeof sampleRequestCalls> = {
  'sampleRequests.list': (input, ctx) => listSampleRequests(ctx, input),
  'sampleRequests.get': (input, ctx) => getSampleRequest(ctx, input.id),
  'sampleRequests.create': (input, ctx) => createSampleRequest(ctx, input),
  'sampleRequests.update': (input, ctx) => updateSampleRequest(ctx, input.id, input.values),
  'sampleRequests.ship': (input, ctx) => shipSampleRequest(ctx, input),
  'sampleRequests.receive': (input, ctx) => receiveSampleRequest(ctx, input),
  'sampleRequests.delete': async (input, ctx) => {
    await deleteSampleRequest(ctx, input.id)
    return { id: input.id }
  },
}
