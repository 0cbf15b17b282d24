import type { HandlersFor } from '../api/handlers'
import { listConflicts, listRejections } from './sync-conflicts'
import type { syncCalls } from './sync.contract'
import { assertEnrolled, enrol, syncStatus } from './sync.service'

export const syncHandlers: HandlersFor<typeof syncCalls> = {
  'sync.enrol': (input, ctx) =>
    enrol({ db: ctx.db, clock: ctx.write.clock, vault: ctx.sync.vault, deviceId: ctx.write.deviceId }, input),
  'sync.now': (_input, ctx) => ctx.sync.runner.run(),
  'sync.start': async (_input, ctx) => {
    await assertEnrolled(ctx.db)
    return ctx.sync.runner.start()
  },
  'sync.progress': (_input, ctx) => ctx.sync.runner.progress(),
  'sync.cancel': (_input, ctx) => ctx.sync.runner.cancel(),
  'sync.conflicts': (input, ctx) => listConflicts(ctx.db, ctx.write.clock.node, input),
  'sync.rejections': (input, ctx) => listRejections(ctx.db, input),
  'sync.status': (_input, ctx) => syncStatus(ctx.db),
}
