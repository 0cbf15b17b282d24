import { z } from 'zod'
import { defineCalls } from '../src-main/core/api/define'
import { CategoryInput } from '../src-main/core/categories/categories.contract'
import { DemandSignalInput } from '../src-main/core/demand/demand.contract'
import { BenchmarkInput, SkuInput } from '../src-main/core/skus/skus.contract'

/**
 * The HQ console's routes: the admin's session, enrolment codes, and the HQ-owned tables, whose values
 * are checked with the very schemas the laptop's forms and services use. Pure zod, shared with the
 * console page.
 */

/** The tables HQ writes and devices only read (the same list as HQ_OWNED_TABLES). */
export const OWNED_TABLE_NAMES = ['skus', 'benchmarks', 'demand_signals', 'categories'] as const
export const OwnedTableName = z.enum(OWNED_TABLE_NAMES)
export type OwnedTableName = z.infer<typeof OwnedTableName>

/** The laptop's schema of each owned table's values. */
export const OWNED_VALUES = {
  skus: SkuInput,
  benchmarks: BenchmarkInput,
  demand_signals: DemandSignalInput,
  categories: CategoryInput,
} as const satisfies Record<OwnedTableName, z.ZodObject>

/** Admin token, as `npm run hq` saved it (base64url, 43 characters). */
const AdminToken = z.string().trim().min(1, 'errors.required').max(200, 'errors.tooLong')
const RowId = z.uuid('errors.id.invalid')

/** One row of an owned table per table: {table, ...} with that table's values schema. */
function perTable<E extends z.ZodRawShape>(extra: E) {
  const variant = <T extends OwnedTableName>(table: T) =>
    z.object({ table: z.literal(table), ...extra, values: OWNED_VALUES[table].strict() }).strict()
  return z.discriminatedUnion('table', [
    variant('skus'),
    variant('benchmarks'),
    variant('demand_signals'),
    variant('categories'),
  ])
}

export const OwnedRow = z.object({
  id: z.string(),
  /** The row's values in the shape of the table's schema (camelCase, as the forms hold them). */
  values: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type OwnedRow = z.infer<typeof OwnedRow>

/** What became of an enrolment code. */
export const CodeState = z.enum(['open', 'used', 'expired', 'exhausted'])
export type CodeState = z.infer<typeof CodeState>

export const adminCalls = defineCalls({
  'admin.login': {
    summary: 'Trades the admin token for a session cookie (HttpOnly, SameSite=Strict, 12 hours).',
    input: z.object({ token: AdminToken }).strict(),
    output: z.object({ expiresAt: z.string() }),
  },
  'admin.logout': {
    summary: 'Ends the session of the cookie sent with it.',
    input: z.object({}).strict(),
    output: z.object({ ended: z.boolean() }),
  },
  'admin.session': {
    summary: 'Answers only when the session cookie or admin token is good (the console’s start-up check).',
    input: z.object({}).strict(),
    output: z.object({ database: z.enum(['sqlite', 'postgres']), nodeId: z.string() }),
  },
  'admin.codes.list': {
    summary: 'The most recent enrolment codes (their public first part only) and what became of them.',
    input: z.object({}).strict(),
    output: z.object({
      codes: z.array(
        z.object({
          /** The code's first four characters; the rest is never stored. */
          prefix: z.string(),
          createdAt: z.string(),
          expiresAt: z.string(),
          attempts: z.number().int(),
          state: CodeState,
          usedAt: z.string().nullable(),
          /** Name of the device enrolled with it. */
          deviceName: z.string().nullable(),
        }),
      ),
    }),
  },
  'admin.devices.activity': {
    summary: 'Per device, how many messages it pushed and when it last pushed.',
    input: z.object({}).strict(),
    output: z.object({
      activity: z.array(
        z.object({ deviceId: z.string(), messages: z.number().int(), lastPushAt: z.string() }),
      ),
    }),
  },
  'admin.rows.list': {
    summary: 'Live rows of an HQ-owned table, as HQ’s log has them (newest value per field).',
    input: z.object({ table: OwnedTableName }).strict(),
    output: z.object({ rows: z.array(OwnedRow) }),
  },
  'admin.rows.create': {
    summary: 'Adds a row to an HQ-owned table: one message per column, under HQ’s own clock.',
    input: perTable({}),
    output: OwnedRow,
  },
  'admin.rows.update': {
    summary: 'Replaces a row’s values; only changed columns become messages.',
    input: perTable({ id: RowId }),
    output: OwnedRow,
  },
  'admin.rows.delete': {
    summary: 'Deletes a row of an HQ-owned table (a tombstone message).',
    input: z.object({ table: OwnedTableName, id: RowId }).strict(),
    output: z.object({ id: z.string() }),
  },
  'admin.updates.list': {
    summary: 'The installer builds and blockmaps HQ serves at /updates/, newest upload first.',
    input: z.object({}).strict(),
    output: z.object({
      files: z.array(
        z.object({
          fileName: z.string(),
          size: z.number().int(),
          uploadedAt: z.string(),
          /** The channel file listing it (latest.yml …); null for a blockmap or a replaced version. */
          channel: z.string().nullable(),
          version: z.string().nullable(),
          /** base64, as latest.yml has it; null when no channel file lists the file. */
          sha512: z.string().nullable(),
        }),
      ),
    }),
  },
})
