import type { HandlersFor } from '../api/handlers'
import type { rateCalls } from './rates.contract'
import { deleteRate, listRates, setRate } from './rates.service'

export const rateHandlers: HandlersFor<typeof rateCalls> = {
  'rates.list': (_input, ctx) => listRates(ctx),
  'rates.set': (input, ctx) => setRate(ctx, input.currency, input.rate),
  'rates.delete': async (input, ctx) => {
    await deleteRate(ctx, input.currency)
    return { currency: input.currency }
  },
}
