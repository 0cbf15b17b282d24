import type { HandlersFor } from '../api/handlers'
import type { profileCalls } from './profile.contract'
import { getProfile, setProfile } from './profile.service'

export const profileHandlers: HandlersFor<typeof profileCalls> = {
  'profile.get': (_input, ctx) => getProfile(ctx),
  'profile.set': (input, ctx) => setProfile(ctx, input),
}
