import type { HandlersFor } from '../api/handlers'
import { photosRoot } from '../photos/photo-files'
import type { syncCalls } from './sync.contract'
import { enrol, syncNow, syncStatus } from './sync.service'

export const syncHandlers: HandlersFor<typeof syncCalls> = {
  'sync.enrol': (input, ctx) => enrol({ db: ctx.db, clock: ctx.write.clock }, input),
  'sync.now': (_input, ctx) =>
    syncNow({
      db: ctx.db,
      clock: ctx.write.clock,
      now: ctx.write.now,
      photos: ctx.photos,
      photosRoot: photosRoot(ctx.app.dataDir),
    }),
  'sync.status': (_input, ctx) => syncStatus(ctx.db),
}
