import type { SyncedTableName } from '../write/write-path'
import type { SearchKind } from './search.contract'

/**
 * The registry of searchable tables: each says how one of its rows becomes a search document. The
 * index (search-index.ts) knows nothing about any table; a new searchable table adds one entry here.
 */

/** A row as read from its table (snake_case columns; lists are JSON text). */
export type SourceRow = Record<string, unknown>

/** Reads a live or tombstoned row of another table, for names shown in a document (a visit's factory). */
export type Lookup = (table: SyncedTableName, id: string) => Promise<SourceRow | undefined>

/** Reads the live rows of a table whose `column` holds `id` (a factory's contacts), for its document. */
export type Related = (table: SyncedTableName, column: string, id: string) => Promise<SourceRow[]>

/** What search sees of a record. */
export interface SearchDocument {
  /** The record's name, shown first and ranked above the rest. */
  title: string
  /** One line of context shown under the title. */
  subtitle: string
  /** Codes that find the record exactly (sample code, credit code, shop id); the first is shown. */
  codes: string[]
  /** Every other searchable text. */
  body: string[]
}

/** How one table's rows are indexed. */
export interface SearchSource {
  /** The kind of result its rows are. */
  kind: SearchKind
  /** The synced table. */
  table: SyncedTableName
  /** The document of a live row. */
  document(row: SourceRow, lookup: Lookup, related?: Related): Promise<SearchDocument>
  /**
   * Columns holding ids of rows whose title this document includes: when such a row's title changes,
   * this table's rows that point at it are re-indexed in the same transaction.
   */
  refersTo?: readonly { column: string; table: SyncedTableName }[]
  /**
   * Tables whose rows belong to this document (`column` holds this row's id): when one is written,
   * its owner is re-indexed in the same transaction. They have no documents of their own.
   */
  parts?: readonly { table: SyncedTableName; column: string }[]
}

function str(row: SourceRow | undefined, column: string): string {
  const value = row?.[column]
  return typeof value === 'string' ? value : ''
}

/** A JSON list column as strings: plain strings kept, objects contribute their string values. */
function list(row: SourceRow, column: string): string[] {
  let parsed: unknown
  try {
    parsed = JSON.parse(str(row, column) || '[]')
  } catch {
    return []
  }
  if (!Array.isArray(parsed)) return []
  return parsed.flatMap((item: unknown) =>
    typeof item === 'string'
      ? [item]
      : item && typeof item === 'object'
        ? Object.values(item).filter((v): v is string => typeof v === 'string' && v !== '')
        : [],
  )
}

function line(...parts: string[]): string {
  return parts.filter((p) => p !== '').join(' · ')
}

async function nameOf(lookup: Lookup, table: SyncedTableName, id: string): Promise<string> {
  return id ? str(await lookup(table, id), 'name') : ''
}

const CONTACT_TEXT = ['name', 'role', 'phone', 'wechat']

const factories: SearchSource = {
  kind: 'factory',
  table: 'factories',
  parts: [{ table: 'factory_contacts', column: 'factory_id' }],
  document: async (row, _lookup, related) => ({
    title: str(row, 'name'),
    subtitle: line(
      `${str(row, 'province')}${str(row, 'city')}`,
      str(row, 'industrial_belt'),
      list(row, 'categories').slice(0, 3).join('/'),
    ),
    codes: [str(row, 'credit_code'), str(row, 'shop_id')],
    body: [
      str(row, 'address'),
      ...list(row, 'categories'),
      ...list(row, 'oem_brands'),
      ...list(row, 'certifications'),
      str(row, 'capacity'),
      ...(related ? await related('factory_contacts', 'factory_id', str(row, 'id')) : []).flatMap((c) =>
        CONTACT_TEXT.map((column) => str(c, column)).filter((v) => v !== ''),
      ),
      str(row, 'notes'),
    ],
  }),
}

const skus: SearchSource = {
  kind: 'sku',
  table: 'skus',
  document: async (row) => ({
    title: str(row, 'name'),
    subtitle: line(str(row, 'category'), str(row, 'comparable_unit')),
    codes: [],
    body: [str(row, 'category'), str(row, 'benchmark_channel'), str(row, 'notes')],
  }),
}

const samples: SearchSource = {
  kind: 'sample',
  table: 'samples',
  refersTo: [{ column: 'factory_id', table: 'factories' }],
  document: async (row, lookup) => {
    const factory = await nameOf(lookup, 'factories', str(row, 'factory_id'))
    return {
      title: str(row, 'name'),
      subtitle: line(factory, str(row, 'category')),
      codes: [str(row, 'code')],
      body: [
        factory,
        str(row, 'category'),
        str(row, 'storage_location'),
        ...list(row, 'specs'),
        str(row, 'evaluation_benchmark'),
        str(row, 'evaluation_note'),
        str(row, 'status_reason'),
        str(row, 'notes'),
      ],
    }
  },
}

// Score notes of a visit, one column per scorecard dimension.
const VISIT_NOTES = [
  'note_design',
  'note_rnd',
  'note_quick_response',
  'note_new_product_development',
  'note_belt_leadership',
  'note_quality_system',
  'note_capacity',
]

const visits: SearchSource = {
  kind: 'visit',
  table: 'visits',
  refersTo: [
    { column: 'factory_id', table: 'factories' },
    { column: 'tour_id', table: 'tours' },
  ],
  document: async (row, lookup) => {
    const factory = await nameOf(lookup, 'factories', str(row, 'factory_id'))
    const tour = await nameOf(lookup, 'tours', str(row, 'tour_id'))
    return {
      // A visit is known by the factory it went to; the date and tour say which one.
      title: factory,
      subtitle: line(str(row, 'visit_date'), tour),
      codes: [],
      body: [tour, ...list(row, 'attendees'), ...VISIT_NOTES.map((c) => str(row, c)), str(row, 'notes')],
    }
  },
}

const tours: SearchSource = {
  kind: 'tour',
  table: 'tours',
  document: async (row) => ({
    title: str(row, 'name'),
    subtitle: line(`${str(row, 'start_date')} – ${str(row, 'end_date')}`, list(row, 'belts').join('/')),
    codes: [],
    body: [...list(row, 'belts'), ...list(row, 'members'), str(row, 'notes')],
  }),
}

/** Every searchable table. Order is irrelevant; a kind appears once. */
export const SEARCH_SOURCES: readonly SearchSource[] = [factories, skus, samples, visits, tours]
