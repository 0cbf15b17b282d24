import type { HandlersFor } from '../api/handlers'
import type { skuCalls } from './skus.contract'
import {
  createBenchmark,
  createSku,
  deleteBenchmark,
  deleteSku,
  getSku,
  listBenchmarks,
  listSkus,
  updateBenchmark,
  updateSku,
} from './skus.service'

export const skuHandlers: HandlersFor<typeof skuCalls> = {
  'skus.list': (input, ctx) => listSkus(ctx, input),
  'skus.get': (input, ctx) => getSku(ctx, input.id),
  'skus.create': (input, ctx) => createSku(ctx, input),
  'skus.update': (input, ctx) => updateSku(ctx, input.id, input.values),
  'skus.delete': async (input, ctx) => {
    await deleteSku(ctx, input.id)
    return { id: input.id }
  },
  'benchmarks.list': (input, ctx) => listBenchmarks(ctx, input.skuId),
  'benchmarks.create': (input, ctx) => createBenchmark(ctx, input),
  'benchmarks.update': (input, ctx) => updateBenchmark(ctx, input.id, input.values),
  'benchmarks.delete': async (input, ctx) => {
    await deleteBenchmark(ctx, input.id)
    return { id: input.id }
  },
}
