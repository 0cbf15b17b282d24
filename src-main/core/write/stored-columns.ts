import type { Selectable } from 'kysely'
import { z } from 'zod'
import type { DB } from '../db/schema'
import { storableText } from '../sync/wire/sync-wire.contract'
import type { SyncedTable, SyncedTableName } from './write-path'

/**
 * Schemas of column values as SQLite stores them, the building blocks of each synced table's one
 * declaration (<feature>.columns.ts). The write path checks a local save with them, and so do HQ's push
 * and the laptop's apply for every incoming message: a value no local save could have written is
 * refused everywhere alike. Every text is free of NUL and lone surrogates (storableText); JSON columns
 * are JSON text whose decoded value fits the contract's shape.
 */

/** How a column's value is filled in when a row is created from a partial record. */
interface ColumnMeta {
  /** A value readers can use until the column's own message arrives (valid for the column). */
  placeholder: unknown
  /** Required text (never empty); its placeholder is a dash until the column's own message arrives. */
  required?: boolean
}

const META = new WeakMap<z.ZodType, ColumnMeta>()

function withMeta<S extends z.ZodType>(schema: S, meta: ColumnMeta): S {
  META.set(schema, meta)
  return schema
}

/** The placeholder and flags of a column schema built here (undefined for one built elsewhere). */
export function columnMeta(schema: z.ZodType): ColumnMeta | undefined {
  return META.get(schema)
}

const NIL_UUID = '00000000-0000-0000-0000-000000000000'
/** What required text reads as before its own message arrives (a name shown as '—'). */
const MISSING_TEXT = '—'
const EPOCH = '1970-01-01T00:00:00.000Z'

/** Reports a nested schema's issues as issues of the JSON column, their paths inside the value. */
function jsonText<T>(shape: z.ZodType<T>, max: number) {
  return storableText()
    .max(max, 'errors.tooLong')
    .superRefine((text, ctx) => {
      let value: unknown
      try {
        value = JSON.parse(text)
      } catch {
        ctx.addIssue({ code: 'custom', message: 'errors.sync.notJson' })
        return
      }
      const result = shape.safeParse(value)
      if (!result.success) {
        for (const issue of result.error.issues) {
          ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path as (string | number)[] })
        }
      }
    })
}

export const stored = {
  /** Free text up to `max` characters (a contract's text(max)); `required`: never empty. */
  text(max: number, options: { required?: boolean } = {}) {
    const base = storableText().max(max, 'errors.tooLong')
    return withMeta(options.required ? base.min(1, 'errors.required') : base, {
      placeholder: options.required ? MISSING_TEXT : '',
      required: options.required,
    })
  },
  /**
   * A contract's own check of a text field (a decimal, a date, a code): the stored text must pass it
   * unchanged. `placeholder` must pass too.
   */
  checked(check: z.ZodType, placeholder: string) {
    const schema = storableText().refine((v) => {
      const result = check.safeParse(v)
      return result.success && result.data === v
    }, 'errors.sync.invalidText')
    return withMeta(schema, { placeholder })
  },
  /** Text matching `pattern` (a contract's format check, for text stored as the contract leaves it). */
  matching(pattern: RegExp, placeholder: string) {
    return withMeta(storableText().regex(pattern, 'errors.sync.invalidText'), { placeholder })
  },
  /** Text `test` accepts. */
  satisfying(test: (value: string) => boolean, placeholder: string) {
    return withMeta(storableText().refine(test, 'errors.sync.invalidText'), { placeholder })
  },
  /** One of a contract's enum values. */
  oneOf<const T extends readonly [string, ...string[]]>(values: T) {
    return withMeta(z.enum(values), { placeholder: values[0] })
  },
  /** A reference to another row: its UUID. */
  reference() {
    return withMeta(z.uuid('errors.id.invalid'), { placeholder: NIL_UUID })
  },
  /** A whole number in [min, max]. */
  int(min: number, max: number, placeholder = min) {
    return withMeta(z.number().int('errors.integer').min(min).max(max), { placeholder })
  },
  /** A calendar date 'YYYY-MM-DD'. */
  date() {
    return withMeta(
      storableText().refine((v) => {
        const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v)
        if (!m) return false
        const day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
        return day.toISOString().slice(0, 10) === v
      }, 'errors.date.invalid'),
      { placeholder: EPOCH.slice(0, 10) },
    )
  },
  /** An instant in UTC, as Date.toISOString() writes it. */
  timestamp() {
    return withMeta(z.iso.datetime({ offset: false, message: 'errors.sync.timestamp' }), {
      placeholder: EPOCH,
    })
  },
  /** JSON text whose value fits `shape`; `placeholder` is a decoded value that fits it too. */
  json<T>(shape: z.ZodType<T>, placeholder: T, max = 200_000) {
    return withMeta(jsonText(shape, max), { placeholder: JSON.stringify(placeholder) })
  },
  /** A column a save may leave out (a legacy one older versions still send); placeholder as `schema`'s. */
  optional<S extends z.ZodType>(schema: S) {
    return withMeta(schema.optional(), META.get(schema) ?? { placeholder: null })
  },
  /** Any of these columns may also be null (its placeholder is null). */
  nullable<S extends z.ZodType>(schema: S) {
    return withMeta(schema.nullable(), { placeholder: null })
  },
}

/** The bookkeeping columns every synced table has, which the write path sets itself. */
export const BOOKKEEPING_COLUMNS = {
  created_at: stored.timestamp(),
  updated_at: stored.timestamp(),
  deleted_at: stored.nullable(stored.timestamp()),
}

/** Row ids: UUIDs (UUIDv7 from newRowId); photos use their content's SHA-256. */
export const ROW_IDS = {
  uuid: z.uuid('errors.id.invalid'),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'errors.photo.hash'),
}

/**
 * Decodes a JSON column for a reader; a value that does not fit (a row written before the columns
 * were checked) reads as `fallback` instead of failing the whole list.
 */
export function readJson<T>(text: string, shape: z.ZodType<T>, fallback: T): T {
  try {
    const result = shape.safeParse(JSON.parse(text))
    return result.success ? result.data : fallback
  } catch {
    return fallback
  }
}

type Bookkeeping = { [K in keyof typeof BOOKKEEPING_COLUMNS]: z.output<(typeof BOOKKEEPING_COLUMNS)[K]> }
// A column a save may leave out (a legacy one) is still a column of the row.
type StoredRowOf<S extends z.ZodRawShape> = {
  [K in keyof S]: Exclude<z.output<S[K]>, undefined>
} & Bookkeeping & {
    id: string
  }
type Mismatch<Row, Stored> = {
  [K in keyof Row | keyof Stored]: K extends keyof Row
    ? K extends keyof Stored
      ? [Stored[K]] extends [Row[K]]
        ? [null extends Row[K] ? 1 : 0] extends [null extends Stored[K] ? 1 : 0]
          ? never
          : K
        : K
      : K
    : K
}[keyof Row | keyof Stored]

/**
 * Declares a synced table. It compiles only when the column schemas agree with the table's row type
 * (src-main/core/<feature>/<feature>.table.ts): the same column names, each schema's value assignable
 * to the column's type, null allowed exactly where the column is nullable. `mismatch` names the columns
 * that disagree.
 */
export function defineSyncedTable<N extends SyncedTableName, S extends z.ZodRawShape>(
  table: SyncedTable<N, S> &
    ([Mismatch<Selectable<DB[N]>, StoredRowOf<S>>] extends [never]
      ? unknown
      : { mismatch: Mismatch<Selectable<DB[N]>, StoredRowOf<S>> }),
): SyncedTable<N, S> {
  return table
}
