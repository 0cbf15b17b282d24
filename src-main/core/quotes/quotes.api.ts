import type { HandlersFor } from '../api/handlers'
import type { quoteCalls } from './quotes.contract'
import {
  createQuote,
  deleteQuote,
  getQuote,
  listQuotes,
  listRounds,
  reviseQuote,
  updateQuote,
} from './quotes.service'

export const quoteHandlers: HandlersFor<typeof quoteCalls> = {
  'quotes.list': (input, ctx) => listQuotes(ctx, input),
  'quotes.get': (input, ctx) => getQuote(ctx, input.id),
  'quotes.rounds': (input, ctx) => listRounds(ctx, input.threadId),
  'quotes.create': (input, ctx) => createQuote(ctx, input),
  'quotes.revise': (input, ctx) => reviseQuote(ctx, input.id, input.values),
  'quotes.update': (input, ctx) => updateQuote(ctx, input.id, input.values),
  'quotes.delete': async (input, ctx) => {
    await deleteQuote(ctx, input.id)
    return { id: input.id }
  },
}
