import type { Kysely, Transaction } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import type { z } from 'zod'
import { OWNED_VALUES, type OwnedRow, type OwnedTableName } from '../admin.contract'
import type { HqDB } from '../db/schema'
import { HqError } from '../hq-error'
import { appendLocked, lockSequence, type NewMessage } from '../messages.repository'
import { nextHqTimestamp } from './hq-clock'
import { readLoggedRows, type LoggedRow } from './owned-rows.repository'
import { overrideReasonFor, policyFrom } from '../../src-main/core/domain/category-policy'
import { OWNED_TABLES, type CategoryRule, type Columns, type OwnedTable } from './owned-tables'

/**
 * HQ's writes to the tables it owns. HQ holds no copy of these tables: a row is what the log says
 * (newest message per field), and a write appends one message per changed column, stamped by HQ's
 * clock and written under the same sequence lock as a device's push, so laptops pull them like any
 * other device's change.
 */

/** What an HQ write needs: the database, HQ's HLC node and the time. */
export interface OwnedWriteContext {
  db: Kysely<HqDB>
  hqNode: string
  now: Date
}

/** Device name HQ's own messages carry. */
export const HQ_DEVICE = 'hq'

type AnyOwnedTable = OwnedTable<z.ZodType>
const tableOf = (name: OwnedTableName) => OWNED_TABLES[name] as unknown as AnyOwnedTable

const isLive = (row: LoggedRow) => row.columns.deleted_at == null && row.columns.created_at != null

/** The row as the console sees it, or null when its fields do not (yet) make a valid row. */
function toOwnedRow(name: OwnedTableName, row: LoggedRow): OwnedRow | null {
  try {
    const values = tableOf(name).valuesOf({ ...row.columns, id: row.id })
    if (!OWNED_VALUES[name].safeParse(values).success) return null
    return {
      id: row.id,
      values: values as Record<string, unknown>,
      createdAt: String(row.columns.created_at),
      updatedAt: String(row.columns.updated_at),
    }
  } catch {
    // A row missing a column its mapping reads (never written whole) is not shown.
    return null
  }
}

/** Live rows of an owned table, oldest first. */
export async function listOwnedRows(
  db: Kysely<HqDB> | Transaction<HqDB>,
  name: OwnedTableName,
): Promise<OwnedRow[]> {
  const rows = (await readLoggedRows(db, name)).filter(isLive)
  return rows
    .map((row) => toOwnedRow(name, row))
    .filter((row): row is OwnedRow => row !== null)
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0))
}

async function liveRow(trx: Transaction<HqDB>, name: OwnedTableName, id: string): Promise<LoggedRow> {
  const [row] = await readLoggedRows(trx, name, id)
  if (!row || !isLive(row)) {
    throw new HqError('not_found', 'errors.notFound', `${name} ${id} not found`, [
      { path: ['id'], messageKey: 'errors.notFound' },
    ])
  }
  return row
}

/**
 * References must point at live rows, a unique value must not be taken by another live row, and a row
 * under an excluded category needs an override reason. Answers the columns the checks decide (the
 * reason to store).
 */
async function checkValues(
  trx: Transaction<HqDB>,
  name: OwnedTableName,
  values: Record<string, unknown>,
  current: LoggedRow | null,
): Promise<Columns> {
  const table = tableOf(name)
  for (const ref of table.references(values)) {
    const [row] = await readLoggedRows(trx, ref.table, ref.id)
    if (!row || !isLive(row)) {
      throw new HqError(
        'validation',
        'errors.validation',
        `${ref.path.join('.')}: no live ${ref.table} ${ref.id}`,
        [{ path: ['values', ...ref.path], messageKey: 'errors.reference.missing' }],
      )
    }
  }
  if (table.unique) {
    const key = table.unique
    const taken = (await listOwnedRows(trx, name)).some(
      (row) => row.id !== current?.id && row.values[key] === values[key],
    )
    if (taken) {
      throw new HqError(
        'conflict',
        'errors.hq.duplicate',
        `${name}: ${String(values[key])} is already listed`,
        [{ path: ['values', key], messageKey: 'errors.hq.duplicate' }],
      )
    }
  }
  return table.categoryRule ? checkCategoryRule(trx, table.categoryRule, values, current) : {}
}

/** The laptop's category rule against HQ's own category policy. */
async function checkCategoryRule(
  trx: Transaction<HqDB>,
  rule: CategoryRule<Record<string, unknown>>,
  values: Record<string, unknown>,
  current: LoggedRow | null,
): Promise<Columns> {
  const category = rule.category(values).trim()
  const sameName = (await listOwnedRows(trx, 'categories')).filter(
    (row) => String(row.values.name).trim() === category,
  )
  const policy = policyFrom(
    category,
    sameName.map((row) => ({ status: String(row.values.status), note: String(row.values.note) })),
  )
  const reason = overrideReasonFor(
    policy,
    rule.override(values),
    current ? rule.previous(current.columns) : null,
  )
  if (reason === null) {
    throw new HqError(
      'validation',
      'errors.validation',
      `values.category: category ${category} is excluded; an override with a reason is required`,
      [{ path: ['values', 'category'], messageKey: 'errors.category.excluded', params: { category } }],
    )
  }
  return { [rule.reasonColumn]: reason }
}

/** Appends one message per column, under the lock already held; HQ has seen the whole log. */
async function appendColumns(
  trx: Transaction<HqDB>,
  ctx: OwnedWriteContext,
  last: number,
  name: OwnedTableName,
  id: string,
  columns: Columns,
): Promise<void> {
  const hlc = await nextHqTimestamp(trx, ctx.hqNode, ctx.now)
  const receivedAt = ctx.now.toISOString()
  const messages: NewMessage[] = Object.entries(columns).map(([column, value]) => ({
    hlc,
    table_name: name,
    row_id: id,
    column_name: column,
    value: JSON.stringify(value ?? null),
    node_id: ctx.hqNode,
    origin_device: HQ_DEVICE,
    device_id: HQ_DEVICE,
    received_at: receivedAt,
  }))
  await appendLocked(trx, last, messages, last)
}

/** One write under the sequence lock; answers the row as it now stands. */
async function write(
  ctx: OwnedWriteContext,
  name: OwnedTableName,
  id: string,
  work: (trx: Transaction<HqDB>, last: number) => Promise<void>,
): Promise<OwnedRow> {
  return ctx.db.transaction().execute(async (trx) => {
    await work(trx, await lockSequence(trx))
    const row = toOwnedRow(name, await liveRow(trx, name, id))
    if (!row) throw new Error(`${name} ${id} was written but does not read back`)
    return row
  })
}

/** Adds a row: every column, with its timestamps, as the laptop's insert would record them. */
export function createOwnedRow(
  ctx: OwnedWriteContext,
  name: OwnedTableName,
  values: Record<string, unknown>,
): Promise<OwnedRow> {
  const id = uuidv7()
  return write(ctx, name, id, async (trx, last) => {
    const decided = await checkValues(trx, name, values, null)
    const stamp = ctx.now.toISOString()
    const columns = {
      ...tableOf(name).columns(values),
      ...decided,
      created_at: stamp,
      updated_at: stamp,
      deleted_at: null,
    }
    await appendColumns(trx, ctx, last, name, id, columns)
  })
}

/** Replaces a row's values; only the columns that change become messages (with updated_at). */
export function updateOwnedRow(
  ctx: OwnedWriteContext,
  name: OwnedTableName,
  id: string,
  values: Record<string, unknown>,
): Promise<OwnedRow> {
  return write(ctx, name, id, async (trx, last) => {
    const current = await liveRow(trx, name, id)
    const decided = await checkValues(trx, name, values, current)
    const changed = Object.fromEntries(
      Object.entries({ ...tableOf(name).columns(values), ...decided }).filter(
        ([column, value]) => JSON.stringify(value) !== JSON.stringify(current.columns[column]),
      ),
    )
    if (Object.keys(changed).length === 0) return
    await appendColumns(trx, ctx, last, name, id, { ...changed, updated_at: ctx.now.toISOString() })
  })
}

/** Deletes a row: its tombstone is a message like any other field. */
export async function deleteOwnedRow(
  ctx: OwnedWriteContext,
  name: OwnedTableName,
  id: string,
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const last = await lockSequence(trx)
    await liveRow(trx, name, id)
    const stamp = ctx.now.toISOString()
    await appendColumns(trx, ctx, last, name, id, { deleted_at: stamp, updated_at: stamp })
  })
}
