import type { HandlersFor } from '../api/handlers'
import type { searchCalls } from './search.contract'
import { searchRecords } from './search.service'

export const searchHandlers: HandlersFor<typeof searchCalls> = {
  'search.query': (input, ctx) => searchRecords(ctx, input),
}
