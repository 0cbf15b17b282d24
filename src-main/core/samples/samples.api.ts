import type { HandlersFor } from '../api/handlers'
import type { sampleCalls } from './samples.contract'
import {
  createSample,
  deleteSample,
  evaluateSample,
  findSampleByCode,
  getSample,
  listSamples,
  transitionSample,
  updateSample,
} from './samples.service'

export const sampleHandlers: HandlersFor<typeof sampleCalls> = {
  'samples.list': (input, ctx) => listSamples(ctx, input),
  'samples.get': (input, ctx) => getSample(ctx, input.id),
  'samples.findByCode': (input, ctx) => findSampleByCode(ctx, input.code),
  'samples.create': (input, ctx) => createSample(ctx, input),
  'samples.update': (input, ctx) => updateSample(ctx, input.id, input.values),
  'samples.transition': (input, ctx) => transitionSample(ctx, input),
  'samples.evaluate': (input, ctx) => evaluateSample(ctx, input.id, input.evaluation),
  'samples.delete': async (input, ctx) => {
    await deleteSample(ctx, input.id)
    return { id: input.id }
  },
}
