import type { InputOf, OutputOf } from '../src-main/core/api/define'
import { ENROLMENT_MAX_ATTEMPTS } from './hq.contract'
import type { adminCalls, CodeState } from './admin.contract'
import { deviceActivity, listRecentCodes } from './admin.repository'
import { HqError } from './hq-error'
import type { HqContext } from './hq.handlers'
import { createOwnedRow, deleteOwnedRow, listOwnedRows, updateOwnedRow } from './owned/owned-rows.service'

type AdminCalls = typeof adminCalls
type AdminHandlers = {
  [K in keyof AdminCalls]: (input: InputOf<AdminCalls[K]>, ctx: HqContext) => Promise<OutputOf<AdminCalls[K]>>
}

/** How many enrolment codes the console lists. */
const RECENT_CODES = 30

function sessionOf(ctx: HqContext) {
  if (!ctx.session) throw new Error('admin session route reached without the server’s session port')
  return ctx.session
}

function codeState(
  row: { used_at: string | null; attempts: number; expires_at: string },
  now: Date,
): CodeState {
  if (row.used_at !== null) return 'used'
  if (row.attempts >= ENROLMENT_MAX_ATTEMPTS) return 'exhausted'
  return Date.parse(row.expires_at) <= now.getTime() ? 'expired' : 'open'
}

const writeContext = (ctx: HqContext) => ({ db: ctx.db, hqNode: ctx.hqNode, now: ctx.now() })

export const adminHandlers: AdminHandlers = {
  'admin.login': async (input, ctx) => {
    const started = await sessionOf(ctx).login(input.token)
    if (!started) {
      throw new HqError('unauthorized', 'errors.hq.adminTokenWrong', 'wrong admin token', [
        { path: ['token'], messageKey: 'errors.hq.adminTokenWrong' },
      ])
    }
    return { expiresAt: started.expiresAt.toISOString() }
  },
  'admin.logout': async (_input, ctx) => ({ ended: await sessionOf(ctx).logout() }),
  'admin.session': async (_input, ctx) => ({ database: ctx.databaseKind, nodeId: ctx.hqNode }),
  'admin.codes.list': async (_input, ctx) => {
    const now = ctx.now()
    return {
      codes: (await listRecentCodes(ctx.db, RECENT_CODES)).map((row) => ({
        prefix: row.id,
        createdAt: row.created_at,
        expiresAt: row.expires_at,
        attempts: row.attempts,
        state: codeState(row, now),
        usedAt: row.used_at,
        deviceName: row.device_name,
      })),
    }
  },
  'admin.devices.activity': async (_input, ctx) => ({ activity: await deviceActivity(ctx.db) }),
  'admin.rows.list': async (input, ctx) => ({ rows: await listOwnedRows(ctx.db, input.table) }),
  'admin.rows.create': (input, ctx) => createOwnedRow(writeContext(ctx), input.table, input.values),
  'admin.rows.update': (input, ctx) => updateOwnedRow(writeContext(ctx), input.table, input.id, input.values),
  'admin.rows.delete': async (input, ctx) => {
    await deleteOwnedRow(writeContext(ctx), input.table, input.id)
    return { id: input.id }
  },
  'admin.updates.list': async (_input, ctx) => ({ files: ctx.updates ? await ctx.updates.list() : [] }),
}
