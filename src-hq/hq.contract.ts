import { z } from 'zod'
import { defineCalls } from '../src-main/core/api/define'
import { storableText as text, wireCalls } from '../src-main/core/sync/wire/sync-wire.contract'
import { adminCalls } from './admin.contract'

export * from '../src-main/core/sync/wire/sync-wire.contract'

/**
 * Every HQ route: the sync wire (shared with the laptop, in core) plus the admin's device routes and
 * the console's calls.
 */
export const hqCalls = defineCalls({
  ...wireCalls,
  'admin.codes.create': {
    summary: 'Mints an enrolment code (admin token).',
    input: z.object({}).strict(),
    output: z.object({ code: z.string(), expiresAt: z.string() }),
  },
  'admin.devices.list': {
    summary: 'Every enrolled device (admin token).',
    input: z.object({}).strict(),
    output: z.object({
      devices: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          nodeId: z.string(),
          createdAt: z.string(),
          revokedAt: z.string().nullable(),
        }),
      ),
    }),
  },
  'admin.devices.revoke': {
    summary: 'Revokes a device: its token stops working at once (admin token).',
    input: z.object({ deviceId: text().min(1).max(128) }).strict(),
    output: z.object({ revoked: z.boolean() }),
  },
  ...adminCalls,
})

export type HqCalls = typeof hqCalls
export type HqCallName = keyof HqCalls & string
