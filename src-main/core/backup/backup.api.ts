import type { HandlersFor } from '../api/handlers'
import type { backupCalls } from './backup.contract'

export const backupHandlers: HandlersFor<typeof backupCalls> = {
  'backup.list': (_input, ctx) => ctx.backups.list(),
  'backup.create': (_input, ctx) => ctx.backups.create('manual'),
  'backup.restore': (input, ctx) => ctx.backups.restore(input.name),
}
