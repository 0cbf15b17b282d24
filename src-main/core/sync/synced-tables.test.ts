import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrateToLatest, openDatabase, type AppDatabase } from '../db/connection'
import { columnMeta } from '../write/stored-columns'
import type { SyncedTableName } from '../write/write-path'
import {
  checkMessage,
  placeholdersOf,
  storedColumns,
  SYNC_SCHEMA_VERSION,
  SYNCED_TABLES,
} from './synced-tables'

/**
 * The registry of synced tables against the database the migrations make: a column added by a
 * migration but not declared (or declared but not migrated), a nullable column the schema refuses null
 * for (or the reverse), a default or placeholder the schema refuses, fails here, so what HQ and apply
 * check cannot drift from the tables. (The row types are checked at compile time: defineSyncedTable.)
 */

interface PragmaColumn {
  name: string
  type: string
  notnull: number
  dflt_value: string | null
  pk: number
}

/**
 * The registry's tables and columns per version: changing the registry means raising
 * SYNC_SCHEMA_VERSION and adding the new fingerprint here, so laptops that HQ refused as
 * 'unknown_schema' send again once HQ runs the new version.
 */
const FINGERPRINTS: Record<number, string> = {
  1: '5a8238dde94d',
  // factory_contacts (migration 0011): contacts as rows of their own.
  2: 'abd2b4f2590e',
  // documents and certificates (migration 0013), factories.credit_code_note (0014), quote links and
  // SKU unit scale (0016).
  3: 'eeeea2d25e03',
  // tours.planned_days (migration 0020): the day of each planned factory on the itinerary; sample_requests
  // (migration 0017): samples a factory promised to send, followed to the door.
  4: 'e1467a8f6918',
}

function fingerprint(): string {
  const columns = Object.keys(SYNCED_TABLES)
    .sort()
    .flatMap((table) =>
      Object.keys(storedColumns(table as SyncedTableName))
        .sort()
        .map((column) => `${table}.${column}`),
    )
  return createHash('sha256').update(columns.join('\n')).digest('hex').slice(0, 12)
}

/** A DEFAULT clause's value as the JSON a message would carry for it. */
function defaultValue(column: PragmaColumn): unknown {
  const text = column.dflt_value!
  if (/^'.*'$/s.test(text)) return text.slice(1, -1).replaceAll("''", "'")
  if (text.toUpperCase() === 'NULL') return null
  return Number(text)
}

describe('the registry of synced tables', () => {
  let dir: string
  let database: AppDatabase

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'workbench-registry-'))
    database = openDatabase({ file: join(dir, 'db.sqlite'), checkpointAfterMs: 0 })
    await migrateToLatest(database.db)
  })
  afterAll(async () => {
    await database.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const pragma = (table: string) =>
    database.sqlite
      .prepare('SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?)')
      .all(table) as PragmaColumn[]

  it.each(Object.keys(SYNCED_TABLES))(
    'declares every column of %s as migrated, nullable exactly where it is',
    (table) => {
      const name = table as SyncedTableName
      const migrated = pragma(table)
      const schemas = storedColumns(name)
      expect(migrated.map((c) => c.name).sort()).toEqual(['id', ...Object.keys(schemas)].sort())
      expect(migrated.find((c) => c.name === 'id')?.pk).toBe(1)
      for (const column of migrated.filter((c) => c.name !== 'id')) {
        const schema = schemas[column.name]!
        expect({ column: column.name, takesNull: schema.safeParse(null).success }).toEqual({
          column: column.name,
          takesNull: column.notnull === 0,
        })
        // A default the database fills in must be a value the schema (and so every reader) accepts;
        // required text may default to '' as its placeholder does (see the next test).
        if (column.dflt_value !== null) {
          const value = defaultValue(column)
          const accepted =
            schema.safeParse(value).success || (columnMeta(schema)?.required === true && value === '')
          expect({ column: column.name, default: accepted }).toEqual({
            column: column.name,
            default: true,
          })
        }
        // SQLite's type affinity matches the value's type (numbers in INTEGER/REAL, text in TEXT).
        const placeholder = columnMeta(schema)?.placeholder
        expect({ column: column.name, declared: columnMeta(schema) !== undefined }).toEqual({
          column: column.name,
          declared: true,
        })
        if (placeholder !== null) {
          expect({ column: column.name, type: typeof placeholder }).toEqual({
            column: column.name,
            type: /INT|REAL|NUM/.test(column.type.toUpperCase()) ? 'number' : 'string',
          })
        }
      }
    },
  )

  it.each(Object.keys(SYNCED_TABLES))('fills a partial %s row with values its columns accept', (table) => {
    const schemas = storedColumns(table as SyncedTableName)
    for (const [column, value] of Object.entries(placeholdersOf(table as SyncedTableName))) {
      const schema = schemas[column]!
      const accepted = schema.safeParse(value).success
      expect({ column, accepted }).toEqual({ column, accepted: true })
    }
  })

  it('lists every table the migrations make, but the local bookkeeping ones', () => {
    const tables = (
      database.sqlite
        .prepare(
          `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
           AND name NOT LIKE 'kysely_%' AND name NOT LIKE 'search_%'`,
        )
        .all() as { name: string }[]
    ).map((t) => t.name)
    const local = [
      'meta',
      'change_log',
      'sync_conflicts',
      'sync_rejections',
      'sync_quarantine',
      'sync_parked',
      'synced_saves',
      'delete_conflicts',
    ]
    expect(tables.filter((t) => !local.includes(t)).sort()).toEqual(Object.keys(SYNCED_TABLES).sort())
  })

  it('has a schema version that names its tables and columns', () => {
    expect(
      FINGERPRINTS[SYNC_SCHEMA_VERSION],
      `the registry changed: raise SYNC_SCHEMA_VERSION and record ${fingerprint()} for it`,
    ).toBe(fingerprint())
  })
})

describe('a message checked as a local save is', () => {
  const row = '01937a9e-2f4b-7c3d-8e5f-6a7b8c9d0e1f'
  const factory = (column: string, value: unknown, id = row) =>
    checkMessage({ table: 'factories', row: id, column, value: JSON.stringify(value) })

  it('accepted with a value a save could write', () => {
    expect(factory('status', 'qualified')).toMatchObject({ kind: 'ok', value: 'qualified' })
    expect(
      factory('contacts', JSON.stringify([{ name: '李娜', role: '', phone: '', wechat: '' }])).kind,
    ).toBe('ok')
    expect(factory('deleted_at', null).kind).toBe('ok')
    expect(
      checkMessage({ table: 'photos', row: 'a'.repeat(64), column: 'mime', value: '"image/jpeg"' }).kind,
    ).toBe('ok')
  })

  it('refused with the field and why, for what no save could write', () => {
    expect(factory('status', 'hacked')).toMatchObject({ kind: 'invalid', field: 'status' })
    expect(factory('contacts', 'not json')).toMatchObject({
      kind: 'invalid',
      field: 'contacts',
      problem: { messageKey: 'errors.sync.notJson' },
    })
    expect(factory('contacts', JSON.stringify([{ role: 'boss' }]))).toMatchObject({
      kind: 'invalid',
      field: 'contacts',
      reason: expect.stringContaining('at 0.name'),
    })
    expect(factory('capacity', '吨'.repeat(60_000))).toMatchObject({
      kind: 'invalid',
      problem: { messageKey: 'errors.tooLong' },
    })
    expect(factory('status', 'hacked')).toMatchObject({
      problem: {
        messageKey: 'errors.invalidOption',
        params: { options: 'prospect, qualified, paused, blacklisted' },
      },
    })
    expect(factory('name', 'a\u0000b')).toMatchObject({
      kind: 'invalid',
      problem: { messageKey: 'errors.sync.unstorableText' },
    })
    expect(factory('notes', 'half \ud800 pair')).toMatchObject({ kind: 'invalid', field: 'notes' })
    expect(factory('name', '甲', '../../not-a-uuid')).toMatchObject({ kind: 'invalid', field: 'id' })
    expect(factory('name', null)).toMatchObject({ kind: 'invalid', field: 'name' })
    expect(factory('updated_at', 'yesterday')).toMatchObject({ kind: 'invalid', field: 'updated_at' })
    expect(factory('id', row)).toMatchObject({ kind: 'invalid', field: 'id' })
    expect(checkMessage({ table: 'quotes', row, column: 'round', value: '1.5' })).toMatchObject({
      kind: 'invalid',
    })
    expect(checkMessage({ table: 'quotes', row, column: 'moq_packs', value: '1e309' }).kind).toBe('invalid')
    expect(checkMessage({ table: 'meta', row, column: 'value', value: '"x"' })).toMatchObject({
      kind: 'invalid',
      field: 'table',
    })
  })

  it('unknown (kept for a later version) for a table or column this version does not have', () => {
    expect(checkMessage({ table: 'no_such_table', row, column: 'name', value: '"x"' }).kind).toBe('unknown')
    expect(factory('evil_column', 'x').kind).toBe('unknown')
  })
})
