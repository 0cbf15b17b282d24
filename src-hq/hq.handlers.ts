import type { Kysely } from 'kysely'
import type { InputOf, OutputOf } from '../src-main/core/api/define'
import type { BlobStore } from './blobs/blob-store'
import { adminHandlers } from './admin.handlers'
import type { HqDB } from './db/schema'
import { listDevices, revokeDevice, type DeviceRow } from './devices.repository'
import { enrolDevice, mintEnrolmentCode } from './enrolment'
import { MAX_PULL_BYTES, type HqCalls } from './hq.contract'
import {
  confirmCursor,
  countHeldFrom,
  heldStamps,
  holdsCursorAtSaveEnd,
  holdsPlace,
  logHead,
} from './hq-identity'
import { readMessages } from './messages.repository'
import { pushMessages } from './push.service'
import { SYNC_SCHEMA_VERSION } from '../src-main/core/sync/synced-tables'
import type { UpdateFeed } from './updates/update-feed'

/** What every HQ handler receives: the database, the caller (once authenticated) and the clock. */
export interface HqContext {
  db: Kysely<HqDB>
  databaseKind: 'sqlite' | 'postgres'
  version: string
  now: () => Date
  maxDriftMs?: number
  /** Photo and document originals: files beside SQLite, rows of the database on PostgreSQL. */
  blobs: BlobStore
  /** HQ's own HLC node, which stamps its writes to the HQ-owned tables. */
  hqNode: string
  /** HQ's identity, kept in its database (hq-identity.ts). */
  hqId: string
  /** The authenticated device; routes that need one are only reached with it set. */
  device?: DeviceRow
  /** The console's login, as this request's cookie sees it (set by the HTTP server). */
  session?: AdminSessionPort
  /** The desktop app's update feed, for the console's list (absent when this HQ serves none). */
  updates?: UpdateFeed
}

/** Starts and ends the console's session cookie for one request. */
export interface AdminSessionPort {
  /** Checks the admin token; when it is right, starts a session (its cookie goes with the reply). */
  login(token: string): Promise<{ expiresAt: Date } | null>
  /** Ends the session of this request's cookie and clears the cookie; false when there was none. */
  logout(): Promise<boolean>
}

/** Who may call a route: anyone, an enrolled device, or the HQ admin. */
export type Access = 'public' | 'device' | 'admin'

export const ACCESS: Record<keyof HqCalls, Access> = {
  health: 'public',
  enrol: 'public',
  push: 'device',
  pull: 'device',
  hello: 'device',
  held: 'device',
  'photos.missing': 'device',
  directory: 'device',
  'admin.codes.create': 'admin',
  'admin.devices.list': 'admin',
  'admin.devices.revoke': 'admin',
  // Login guards itself (a wrong token is refused and rate-limited like enrolment).
  'admin.login': 'public',
  'admin.logout': 'public',
  'admin.session': 'admin',
  'admin.codes.list': 'admin',
  'admin.devices.activity': 'admin',
  'admin.rows.list': 'admin',
  'admin.rows.create': 'admin',
  'admin.rows.update': 'admin',
  'admin.rows.delete': 'admin',
  'admin.updates.list': 'admin',
}

type HqHandlers = {
  [K in keyof HqCalls]: (input: InputOf<HqCalls[K]>, ctx: HqContext) => Promise<OutputOf<HqCalls[K]>>
}

function deviceOf(ctx: HqContext): DeviceRow {
  if (!ctx.device) throw new Error('device route reached without an authenticated device')
  return ctx.device
}

export const hqHandlers: HqHandlers = {
  health: async (_input, ctx) => ({
    ok: true,
    version: ctx.version,
    database: ctx.databaseKind,
    schemaVersion: SYNC_SCHEMA_VERSION,
  }),
  enrol: async (input, ctx) => ({ ...(await enrolDevice(ctx.db, input, ctx.now())), hqId: ctx.hqId }),
  push: async (input, ctx) => ({
    ...(await pushMessages(
      { db: ctx.db, device: deviceOf(ctx), now: ctx.now(), maxDriftMs: ctx.maxDriftMs },
      input.messages,
      input.seen,
    )),
    // Read after the work, as close to the reply as the handler gets: laptops measure their clock by it.
    time: ctx.now().toISOString(),
  }),
  pull: async (input, ctx) => {
    deviceOf(ctx)
    await confirmCursor(ctx.db, input.after, input.mark)
    const page = await readMessages(ctx.db, input.after, input.limit, MAX_PULL_BYTES)
    const last = page.messages.at(-1)
    return {
      after: input.after,
      messages: page.messages.map((m) => ({
        seq: m.seq,
        hlc: m.hlc,
        table: m.table_name,
        row: m.row_id,
        column: m.column_name,
        value: m.value,
        device: m.origin_device,
        base: m.base_hlc,
        ...(m.seen_seq === null ? {} : { seen: m.seen_seq }),
      })),
      cursor: last ? last.seq : input.after,
      more: page.more,
      hqId: ctx.hqId,
      time: ctx.now().toISOString(),
    }
  },
  hello: async (input, ctx) => ({
    hqId: ctx.hqId,
    cursorHeld: await holdsCursorAtSaveEnd(ctx.db, input.cursor, input.mark),
    held: await countHeldFrom(ctx.db, deviceOf(ctx).node_id),
    ackedHeld: await holdsPlace(ctx.db, input.acked),
    head: await logHead(ctx.db),
  }),
  held: (input, ctx) => heldStamps(ctx.db, deviceOf(ctx).node_id, input.after, input.limit),
  'photos.missing': async (input, ctx) => {
    deviceOf(ctx)
    return { missing: await ctx.blobs.missing(input.hashes) }
  },
  directory: async (_input, ctx) => {
    deviceOf(ctx)
    // Revoked devices stay listed: their old edits still need a name.
    return {
      devices: (await listDevices(ctx.db)).map((d) => ({ id: d.id, name: d.name, nodeId: d.node_id })),
    }
  },
  'admin.codes.create': (_input, ctx) => mintEnrolmentCode(ctx.db, ctx.now()),
  'admin.devices.list': async (_input, ctx) => ({
    devices: (await listDevices(ctx.db)).map((d) => ({
      id: d.id,
      name: d.name,
      nodeId: d.node_id,
      createdAt: d.created_at,
      revokedAt: d.revoked_at,
    })),
  }),
  'admin.devices.revoke': async (input, ctx) => ({
    revoked: await revokeDevice(ctx.db, input.deviceId, ctx.now().toISOString()),
  }),
  ...adminHandlers,
}
