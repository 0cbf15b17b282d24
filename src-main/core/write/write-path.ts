import { CompiledQuery, type Kysely, type Transaction } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import type { z } from 'zod'
import { AppError, notFound, validationError } from '../api/errors'
import type { DB } from '../db/schema'
import { indexNewRows, indexNewRowsOf, indexRow } from '../search/search-index'
import { refuseHqOwnedWrite } from '../sync/hq-owned'
import type { HlcClock } from '../sync/hlc'

/**
 * The one write path. Every mutation of a synced table goes through these functions, which validate the
 * columns, write the row and append one change-log message per changed column — all inside the caller's
 * transaction, so a row never exists without its messages nor a message without its row.
 */

/** Names of tables that sync field by field: every table but the local bookkeeping ones. */
export type SyncedTableName = Exclude<
  keyof DB,
  | 'meta'
  | 'change_log'
  | 'sync_conflicts'
  | 'sync_rejections'
  | 'synced_saves'
  | 'delete_conflicts'
  | 'sync_quarantine'
  | 'sync_parked'
>

/**
 * A synced table: its name and the zod schema of its writable columns as stored (snake_case, JSON
 * encoded). Declared once per table (<feature>.columns.ts, with defineSyncedTable) and listed in the
 * registry (sync/synced-tables.ts) that HQ's push and the laptop's apply check messages with.
 */
export interface SyncedTable<
  N extends SyncedTableName = SyncedTableName,
  S extends z.ZodRawShape = z.ZodRawShape,
> {
  name: N
  /** Schema of the columns other than id and the bookkeeping timestamps. */
  columns: z.ZodObject<S>
  /** Entity name used in error messages. */
  entity: string
  /** What the row ids are: UUIDs, or (photos) the SHA-256 of the content. */
  rowId: 'uuid' | 'sha256'
}

/** What the write path needs besides the transaction: the device's clock and id. */
export interface WriteContext {
  clock: HlcClock
  deviceId: string
  /** Wall clock for created_at / updated_at / deleted_at (injectable for tests). */
  now: () => Date
}

type Row = Record<string, unknown>

/** Runs `work` in one SQLite transaction; everything it writes commits together or not at all. */
export function inTransaction<T>(db: Kysely<DB>, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  return db.transaction().execute(work)
}

/**
 * The strict schemas of each table's columns, built once: zod compiles an object schema on its first
 * parse, and deriving a new one per write cost more than the write's SQL (and fed the GC).
 */
const strictSchemas = new WeakMap<z.ZodObject, { whole: z.ZodObject; partial: z.ZodObject }>()

function strictColumns(table: SyncedTable, partial: boolean): z.ZodObject {
  let schemas = strictSchemas.get(table.columns)
  if (!schemas) {
    schemas = { whole: table.columns.strict(), partial: table.columns.partial().strict() }
    strictSchemas.set(table.columns, schemas)
  }
  return partial ? schemas.partial : schemas.whole
}

function parseColumns(table: SyncedTable, values: Row, partial: boolean): Row {
  const result = strictColumns(table, partial).safeParse(values)
  if (!result.success) throw validationError(result.error)
  return result.data as Row
}

async function recordChanges(
  trx: Transaction<DB>,
  ctx: WriteContext,
  table: SyncedTableName,
  rowId: string,
  changes: Row,
): Promise<void> {
  const hlc = ctx.clock.tick()
  const messages = Object.entries(changes).map(([column, value]) => ({
    hlc,
    table_name: table,
    row_id: rowId,
    column_name: column,
    value: JSON.stringify(value ?? null),
    device_id: ctx.deviceId,
    sent_at: null,
  }))
  if (messages.length > 0) await trx.insertInto('change_log').values(messages).execute()
}

// Kysely cannot type a table chosen at run time; the registry above restricts the names.
function dynamic(trx: Transaction<DB>): Transaction<Record<string, Row>> {
  return trx as unknown as Transaction<Record<string, Row>>
}

/** A fresh row id: UUIDv7, so ids sort by creation time. */
export function newRowId(): string {
  return uuidv7()
}

/**
 * Inserts a new row and returns its id: a new UUIDv7, or `id` when the caller needs it beforehand (a
 * quote's first round names its own thread).
 */
export async function insertRow(
  trx: Transaction<DB>,
  ctx: WriteContext,
  table: SyncedTable,
  values: Row,
  id: string = newRowId(),
): Promise<string> {
  await refuseHqOwnedWrite(trx, table.name)
  const columns = parseColumns(table, values, false)
  const stamp = ctx.now().toISOString()
  const row = { ...columns, created_at: stamp, updated_at: stamp, deleted_at: null }
  await dynamic(trx)
    .insertInto(table.name)
    .values({ id, ...row })
    .execute()
  await recordChanges(trx, ctx, table.name, id, row)
  // The search index changes in the same transaction, so it never shows a row that did not commit.
  await indexRow(trx, table.name, id)
  return id
}

// SQLite binds at most 32,766 parameters per statement; stay well below.
const MAX_PARAMS = 30_000

/**
 * Multi-row INSERTs of plain values, compiled here rather than by the query builder (whose per-value
 * nodes cost more than SQLite's work for thousands of rows). Names come from table definitions, never
 * from input.
 */
async function insertValues(
  trx: Transaction<DB>,
  table: string,
  columns: readonly string[],
  rows: readonly unknown[][],
): Promise<void> {
  const perInsert = Math.max(1, Math.floor(MAX_PARAMS / columns.length))
  const names = columns.map((c) => `"${c}"`).join(', ')
  const placeholders = `(${columns.map(() => '?').join(', ')})`
  for (let i = 0; i < rows.length; i += perInsert) {
    const chunk = rows.slice(i, i + perInsert)
    const text = `INSERT INTO "${table}" (${names}) VALUES ${chunk.map(() => placeholders).join(', ')}`
    await trx.executeQuery(CompiledQuery.raw(text, chunk.flat()))
  }
}

/**
 * Inserts many new rows of one table in multi-row statements (an import): the same validation, one
 * change-log message per column with one HLC per row, and the search index, as insertRow gives each
 * row. Returns the new ids in input order; a row that fails validation fails the whole call, its
 * index in `valuesList` first in the error's field paths.
 */
export async function insertRows(
  trx: Transaction<DB>,
  ctx: WriteContext,
  table: SyncedTable,
  valuesList: readonly Row[],
  /** The new rows' ids when the caller needs them beforehand (a factory's contacts name it). */
  givenIds?: readonly string[],
): Promise<string[]> {
  if (valuesList.length === 0) return []
  await refuseHqOwnedWrite(trx, table.name)
  const schema = strictColumns(table, false)
  const stamp = ctx.now().toISOString()
  const rows: Row[] = valuesList.map((values, index) => {
    const result = schema.safeParse(values)
    if (!result.success) {
      const error = validationError(result.error)
      throw new AppError(
        error.code,
        error.messageKey,
        `row ${index}: ${error.message}`,
        error.fields.map((f) => ({ ...f, path: [index, ...f.path] })),
      )
    }
    return { ...(result.data as Row), created_at: stamp, updated_at: stamp, deleted_at: null }
  })
  const ids = givenIds ? [...givenIds] : rows.map(() => newRowId())
  if (ids.length !== rows.length) throw new Error(`insertRows: ${ids.length} ids for ${rows.length} rows`)
  const columns = ['id', ...Object.keys(rows[0] as Row)]
  await insertValues(
    trx,
    table.name,
    columns,
    rows.map((row, index) => [ids[index], ...columns.slice(1).map((c) => row[c])]),
  )
  const messageColumns = ['hlc', 'table_name', 'row_id', 'column_name', 'value', 'device_id', 'sent_at']
  const messages = rows.flatMap((row, index) => {
    const hlc = ctx.clock.tick()
    return Object.entries(row).map(([column, value]) => [
      hlc,
      table.name,
      ids[index],
      column,
      JSON.stringify(value ?? null),
      ctx.deviceId,
      null,
    ])
  })
  await insertValues(trx, 'change_log', messageColumns, messages)
  await indexNewRows(trx, table.name, ids)
  return ids
}

async function loadLive(trx: Transaction<DB>, table: SyncedTable, id: string): Promise<Row> {
  const row = await dynamic(trx).selectFrom(table.name).selectAll().where('id', '=', id).executeTakeFirst()
  if (!row || row.deleted_at != null) throw notFound(table.entity, id)
  return row
}

/**
 * Checks, inside the write's transaction, that a referenced row exists and is live. References between
 * synced tables are not SQLite foreign keys (sync may deliver a child before its parent), so services
 * check them here; the error sits on the input field that holds the reference.
 */
export async function requireLiveReference(
  trx: Transaction<DB>,
  table: SyncedTableName,
  id: string,
  field: (string | number)[],
): Promise<void> {
  const row = await dynamic(trx)
    .selectFrom(table)
    .select('id')
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  if (!row) {
    throw new AppError('validation', 'errors.validation', `${field.join('.')}: no live ${table} row ${id}`, [
      { path: field, messageKey: 'errors.reference.missing', params: { table } },
    ])
  }
}

/**
 * Writes the given columns of a live row; only columns whose value changes are written and recorded,
 * so two devices editing different fields never overwrite each other. Returns the changed column names.
 */
export async function updateRow(
  trx: Transaction<DB>,
  ctx: WriteContext,
  table: SyncedTable,
  id: string,
  values: Row,
): Promise<string[]> {
  await refuseHqOwnedWrite(trx, table.name)
  const columns = parseColumns(table, values, true)
  const current = await loadLive(trx, table, id)
  const changed = Object.fromEntries(Object.entries(columns).filter(([key, value]) => current[key] !== value))
  const changedNames = Object.keys(changed)
  if (changedNames.length === 0) return []
  const row = { ...changed, updated_at: ctx.now().toISOString() }
  await dynamic(trx).updateTable(table.name).set(row).where('id', '=', id).execute()
  await recordChanges(trx, ctx, table.name, id, row)
  await indexRow(trx, table.name, id)
  return changedNames
}

/** Soft-deletes a live row: sets its tombstone, which syncs like any other field. */
export async function tombstoneRow(
  trx: Transaction<DB>,
  ctx: WriteContext,
  table: SyncedTable,
  id: string,
): Promise<void> {
  await refuseHqOwnedWrite(trx, table.name)
  await loadLive(trx, table, id)
  const stamp = ctx.now().toISOString()
  const row = { deleted_at: stamp, updated_at: stamp }
  await dynamic(trx).updateTable(table.name).set(row).where('id', '=', id).execute()
  await recordChanges(trx, ctx, table.name, id, row)
  await indexRow(trx, table.name, id)
}

/**
 * Brings a soft-deleted row back: clears its tombstone, which syncs like any other field (the newer
 * null wins over the delete everywhere), and puts the row back in the search index. The row's other
 * fields are as they were, edits that arrived while it was deleted included. Returns false, changing
 * nothing, when the row is live already.
 */
export async function restoreRow(
  trx: Transaction<DB>,
  ctx: WriteContext,
  table: SyncedTable,
  id: string,
): Promise<boolean> {
  await refuseHqOwnedWrite(trx, table.name)
  const row = await dynamic(trx)
    .selectFrom(table.name)
    .select('deleted_at')
    .where('id', '=', id)
    .executeTakeFirst()
  if (!row) throw notFound(table.entity, id)
  if (row.deleted_at == null) return false
  const changes = { deleted_at: null, updated_at: ctx.now().toISOString() }
  await dynamic(trx).updateTable(table.name).set(changes).where('id', '=', id).execute()
  await recordChanges(trx, ctx, table.name, id, changes)
  await indexRow(trx, table.name, id)
  return true
}

/** Fields of one row that won last-writer-wins against the local copy (sync's apply step). */
export interface RemoteRowWrite {
  table: SyncedTableName
  id: string
  /** The winning column values. */
  values: Row
  /** Values for the row's other required columns, used only when the row does not exist yet. */
  placeholders: Row
}

/**
 * Writes fields that arrived from other devices: creates a missing row (fields arrive one by one, in
 * any order) or sets the given columns, then updates the search index once per row. Sync decides which
 * fields win and records their messages itself, in the same transaction.
 */
export async function writeRemoteRows(trx: Transaction<DB>, writes: RemoteRowWrite[]): Promise<void> {
  const created = await rowsNotYetStored(trx, writes)
  for (const write of writes) {
    await dynamic(trx)
      .insertInto(write.table)
      .values({ ...write.placeholders, ...write.values, id: write.id })
      .onConflict((oc) => oc.column('id').doUpdateSet(write.values))
      .execute()
    if (!created.get(write.table)?.has(write.id)) await indexRow(trx, write.table, write.id)
  }
  // Rows this page created (a first sync brings thousands) are indexed in bulk, as an import's are.
  await indexNewRowsOf(trx, created)
}

/** Per table, the ids among `writes` that have no row yet (so no search document either). */
async function rowsNotYetStored(
  trx: Transaction<DB>,
  writes: readonly RemoteRowWrite[],
): Promise<Map<SyncedTableName, Set<string>>> {
  const byTable = new Map<SyncedTableName, Set<string>>()
  for (const write of writes) {
    let ids = byTable.get(write.table)
    if (!ids) byTable.set(write.table, (ids = new Set()))
    ids.add(write.id)
  }
  for (const [table, ids] of byTable) {
    const all = [...ids]
    for (let i = 0; i < all.length; i += 500) {
      const stored = await dynamic(trx)
        .selectFrom(table)
        .select('id')
        .where('id', 'in', all.slice(i, i + 500))
        .execute()
      for (const row of stored) ids.delete(String(row.id))
    }
  }
  return byTable
}
