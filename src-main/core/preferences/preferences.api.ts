import type { HandlersFor } from '../api/handlers'
import type { preferenceCalls } from './preferences.contract'
import { getPreferences, setPreferences } from './preferences.service'

export const preferenceHandlers: HandlersFor<typeof preferenceCalls> = {
  'preferences.get': (_input, ctx) => getPreferences(ctx),
  'preferences.set': (input, ctx) => setPreferences(ctx, input),
}
