import type { HandlersFor } from '../api/handlers'
import type { reportCalls } from './reports.contract'
import { sampleReport, skuSummaryReport, tourReport, visitReport } from './reports.service'

export const reportHandlers: HandlersFor<typeof reportCalls> = {
  'reports.sample': (input, ctx) => sampleReport(ctx, input.id),
  'reports.visit': (input, ctx) => visitReport(ctx, input.id),
  'reports.sku': (input, ctx) => skuSummaryReport(ctx, input.id),
  'reports.tour': (input, ctx) => tourReport(ctx, input.id),
}
