import type { HandlersFor } from '../api/handlers'
import type { trashCalls } from './trash.contract'
import { listConflictsOfDeletes, listTrash, restoreRecord } from './trash.service'

export const trashHandlers: HandlersFor<typeof trashCalls> = {
  'trash.list': (input, ctx) => listTrash(ctx, input),
  'trash.restore': (input, ctx) => restoreRecord(ctx, input),
  'trash.conflicts': (input, ctx) => listConflictsOfDeletes(ctx, input),
}
