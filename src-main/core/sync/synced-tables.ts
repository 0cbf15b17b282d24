import type { z } from 'zod'
import { fieldErrorsFromZod } from '../api/errors'
import type { DB } from '../db/schema'
import { categoriesTable } from '../categories/categories.columns'
import { demandSignalsTable } from '../demand/demand.columns'
import { factoriesTable } from '../factories/factories.columns'
import { photoLinksTable, photosTable } from '../photos/photos.columns'
import { quotesTable } from '../quotes/quotes.columns'
import { currencyRatesTable } from '../rates/rates.columns'
import { samplesTable, statusHistoryTable } from '../samples/samples.columns'
import { sampleRequestsTable } from '../sample-requests/sample-requests.columns'
import { benchmarksTable, skusTable } from '../skus/skus.columns'
import { toursTable } from '../tours/tours.columns'
import { followUpsTable, visitsTable } from '../visits/visits.columns'
import { factoryContactsTable } from '../factories/factory-contacts.columns'
import { certificatesTable } from '../certificates/certificates.columns'
import { documentsTable } from '../documents/documents.columns'
import { BOOKKEEPING_COLUMNS, columnMeta, ROW_IDS } from '../write/stored-columns'
import type { SyncedTable, SyncedTableName } from '../write/write-path'

/**
 * The registry of every synced table: the one declaration of its columns (<feature>.columns.ts) that
 * the write path checks local saves with, HQ checks pushed messages with (src-hq/push.service.ts) and
 * the laptop checks pulled messages with (apply.ts). A table in DB that is neither listed here nor
 * excluded from SyncedTableName (local bookkeeping) fails to compile; synced-tables.test.ts fails when
 * a migrated table and its declaration disagree.
 *
 * Adding a synced table: declare it with defineSyncedTable in its feature's columns file, add one
 * entry here, and raise SYNC_SCHEMA_VERSION (the test pins the version to the registry's columns).
 */
export const SYNCED_TABLES = {
  factories: factoriesTable,
  factory_contacts: factoryContactsTable,
  skus: skusTable,
  benchmarks: benchmarksTable,
  quotes: quotesTable,
  currency_rates: currencyRatesTable,
  tours: toursTable,
  visits: visitsTable,
  visit_follow_ups: followUpsTable,
  samples: samplesTable,
  sample_status_history: statusHistoryTable,
  sample_requests: sampleRequestsTable,
  categories: categoriesTable,
  demand_signals: demandSignalsTable,
  photos: photosTable,
  photo_links: photoLinksTable,
  documents: documentsTable,
  certificates: certificatesTable,
} satisfies { [N in SyncedTableName]: SyncedTable<N> }

/**
 * Version of the registry's tables and columns. HQ states it in its health and push replies; a laptop
 * whose changes HQ refused as unknown ('unknown_schema') sends them again once HQ's version rises.
 */
export const SYNC_SCHEMA_VERSION = 4

/** This version's tables that never sync (bookkeeping): no version will take messages for them. */
const LOCAL_TABLES: ReadonlySet<string> = new Set([
  'meta',
  'change_log',
  'sync_conflicts',
  'sync_rejections',
  'synced_saves',
  'delete_conflicts',
  'sync_quarantine',
  'sync_parked',
] satisfies Exclude<keyof DB, SyncedTableName>[])
const isLocalTable = (name: string) => LOCAL_TABLES.has(name) || /^(sqlite|kysely|search)_/.test(name)

export function isSyncedTable(name: string): name is SyncedTableName {
  return Object.hasOwn(SYNCED_TABLES, name)
}

export function syncedTable(name: SyncedTableName): SyncedTable {
  return SYNCED_TABLES[name] as unknown as SyncedTable
}

const storedShapes = new Map<SyncedTableName, Record<string, z.ZodType>>()

/** Every stored column of a table but its id: the declared columns and the bookkeeping ones. */
export function storedColumns(name: SyncedTableName): Record<string, z.ZodType> {
  let shape = storedShapes.get(name)
  if (!shape) {
    shape = { ...syncedTable(name).columns.shape, ...BOOKKEEPING_COLUMNS }
    storedShapes.set(name, shape)
  }
  return shape
}

/**
 * Values for every column of a row created by its first arriving fields (a partial record): each is a
 * value readers can use (JSON lists '[]', enums their first value, references the nil UUID, required text
 * '—'), overwritten
 * when that column's own message arrives.
 */
export function placeholdersOf(name: SyncedTableName): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(storedColumns(name)).map(([column, schema]) => [
      column,
      columnMeta(schema)?.placeholder ?? null,
    ]),
  )
}

/** What a message for one field of a synced table is, checked against this version's registry. */
export type MessageVerdict =
  | { kind: 'ok'; table: SyncedTableName; value: unknown }
  /** A table or column this version does not know (a newer version's): parked, not refused for good. */
  | { kind: 'unknown'; reason: string }
  /**
   * A value no local save could have written: refused for good. `problem`: the reason as an i18n key
   * and its parameters, as a form shows a field's error.
   */
  | { kind: 'invalid'; field: string; reason: string; problem: FieldProblem }

/** Why a value was refused, as the app's field errors say it (an 'errors.…' key and its parameters). */
export interface FieldProblem {
  messageKey: string
  params?: Record<string, string | number>
}

function invalid(field: string, reason: string, messageKey: string): MessageVerdict {
  return { kind: 'invalid', field, reason, problem: { messageKey } }
}

function invalidBy(field: string, prefix: string, error: z.ZodError): MessageVerdict {
  const [first] = fieldErrorsFromZod(error)
  return {
    kind: 'invalid',
    field,
    reason: `${prefix}${issueText(error)}`,
    problem: first
      ? { messageKey: first.messageKey, params: first.params }
      : { messageKey: 'errors.invalid' },
  }
}

function issueText(error: z.ZodError): string {
  const issue = error.issues[0]
  if (!issue) return 'invalid value'
  const path = issue.path.length > 0 ? ` at ${issue.path.join('.')}` : ''
  return `${issue.message}${path}`
}

/** Checks one message (table, row id, column, JSON text of the value) as a local save would be checked. */
export function checkMessage(message: {
  table: string
  row: string
  column: string
  value: string
}): MessageVerdict {
  const { table, row, column } = message
  if (isLocalTable(table)) return invalid('table', `${table} never syncs`, 'errors.sync.localTable')
  if (!isSyncedTable(table)) return { kind: 'unknown', reason: `this version has no synced table ${table}` }
  if (column === 'id') return invalid('id', 'the row id is not a field', 'errors.id.invalid')
  const schema = storedColumns(table)[column]
  if (!schema) return { kind: 'unknown', reason: `this version's ${table} has no column ${column}` }
  const id = ROW_IDS[syncedTable(table).rowId].safeParse(row)
  if (!id.success) return invalidBy('id', 'row id: ', id.error)
  let value: unknown
  try {
    value = JSON.parse(message.value)
  } catch {
    return invalid(column, 'the value is not JSON', 'errors.sync.notJson')
  }
  const checked = schema.safeParse(value)
  if (!checked.success) return invalidBy(column, '', checked.error)
  return { kind: 'ok', table, value }
}
