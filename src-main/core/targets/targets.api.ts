import type { HandlersFor } from '../api/handlers'
import type { targetCalls } from './targets.contract'
import { negotiationSheet } from './negotiation-sheet'
import { compareSku, comparisonInputs, skuCurves, targetDashboard } from './targets.service'

export const targetHandlers: HandlersFor<typeof targetCalls> = {
  'targets.inputs': (input, ctx) => comparisonInputs(ctx, input.skuId),
  'targets.compare': (input, ctx) => compareSku(ctx, input.skuId, input.whatIf),
  'targets.negotiation': (input, ctx) => negotiationSheet(ctx, input),
  'targets.curves': (input, ctx) => skuCurves(ctx, input.skuId),
  'targets.dashboard': (input, ctx) => targetDashboard(ctx, input),
}
