import type { HandlersFor } from '../api/handlers'
import type { todayCalls } from './today.contract'
import { getToday } from './today.service'

export const todayHandlers: HandlersFor<typeof todayCalls> = {
  'today.get': (_input, ctx) => getToday(ctx),
}
