import type { HandlersFor } from '../api/handlers'
import type { exportCalls } from './exports.contract'
import { exportComparison, exportFactories, exportTargets } from './exports.service'
import { exportSamples, exportTours, exportVisits } from './list-exports.service'

export const exportHandlers: HandlersFor<typeof exportCalls> = {
  'exports.factories': (input, ctx) => exportFactories(ctx, input),
  'exports.comparison': (input, ctx) => exportComparison(ctx, input.skuId, input.whatIf, input.language),
  'exports.targets': (input, ctx) => exportTargets(ctx, input),
  'exports.samples': (input, ctx) => exportSamples(ctx, input),
  'exports.visits': (input, ctx) => exportVisits(ctx, input),
  'exports.tours': (input, ctx) => exportTours(ctx, input),
}
