import { sql, type Kysely, type Transaction } from 'kysely'
import type { DB } from '../db/schema'
import type { SyncedTableName } from '../write/write-path'
import type { SearchKind } from './search.contract'
import {
  SEARCH_SOURCES,
  type Lookup,
  type Related,
  type SearchDocument,
  type SearchSource,
  type SourceRow,
} from './search-sources'
import { charCount, fold, normalize, normalizeCode } from './search-text'

/**
 * Keeps the search index (migration 0006_search) in step with the synced tables. The write path calls
 * indexRow after every insert, update and tombstone, inside the write's transaction, so a failed
 * write leaves the index untouched; ensureSearchIndex rebuilds everything at start-up when the
 * index's format or the set of searchable tables changed (and on the first start after the migration).
 */

/**
 * Each kind owns one block of document ids (slot × 2^40), so "only this kind" is a rowid range in every
 * index structure. Slots are stored in the database: never renumber one. Within a block ids count
 * down, so the newest record has the smallest id: FTS5 streams a doclist in ascending rowid order but
 * has to load all of it to go backwards, and "newest first, first 5" must stop early.
 */
const KIND_SLOT: Record<SearchKind, number> = { factory: 1, sku: 2, sample: 3, visit: 4, tour: 5 }
const SLOT_SIZE = 2 ** 40

/** Bump when documents are built differently, so existing databases rebuild their index once. */
const FORMAT_VERSION = 1
const FORMAT_META_KEY = 'search_index_format'

/**
 * What 1–2 character queries scan besides the title: the start of the subtitle (place and belt,
 * category, factory). Kept this small so a scan of 100,000 records stays within its budget; the rest of a
 * document (addresses, contacts, notes) is found by queries of 3+ characters.
 */
const SHORT_REST_CHARS = 32

/** A document's id range for a kind: [first, last]. */
export function docRange(kind: SearchKind): [number, number] {
  const base = KIND_SLOT[kind] * SLOT_SIZE
  return [base, base + SLOT_SIZE - 1]
}

/** The format this build writes: its version and the registered tables. */
export function searchIndexFormat(): string {
  const tables = SEARCH_SOURCES.map((s) => `${s.kind}=${s.table}`).sort()
  return `${FORMAT_VERSION}:${tables.join(',')}`
}

/** One document ready to store. */
export interface IndexEntry {
  /** The record's kind. */
  kind: SearchKind
  /** The record's id in its table. */
  rowId: string
  /** What search sees of it. */
  document: SearchDocument
}

type AnyTrx = Transaction<DB>

// Kysely cannot type a table chosen at run time; the registry restricts the names.
function dynamic(trx: AnyTrx): Transaction<Record<string, SourceRow>> {
  return trx as unknown as Transaction<Record<string, SourceRow>>
}

function lookupIn(trx: AnyTrx): Lookup {
  return (table, id) => dynamic(trx).selectFrom(table).selectAll().where('id', '=', id).executeTakeFirst()
}

function relatedIn(trx: AnyTrx): Related {
  return (table, column, id) =>
    dynamic(trx)
      .selectFrom(table)
      .selectAll()
      .where(column, '=', id)
      .where('deleted_at', 'is', null)
      .orderBy('id')
      .execute()
}

/**
 * The part rows of many owners read at once (bulk indexing: one query per chunk, not one per row);
 * asked about anything else, it reads as relatedIn does.
 */
async function prefetchedRelated(
  trx: AnyTrx,
  source: SearchSource,
  ownerIds: readonly string[],
): Promise<Related> {
  const fallback = relatedIn(trx)
  const loaded = new Map<string, SourceRow[]>()
  for (const part of source.parts ?? []) {
    const rows = await dynamic(trx)
      .selectFrom(part.table)
      .selectAll()
      .where(part.column, 'in', ownerIds)
      .where('deleted_at', 'is', null)
      .orderBy('id')
      .execute()
    for (const id of ownerIds) loaded.set(`${part.table}\u0000${part.column}\u0000${id}`, [])
    for (const row of rows)
      loaded.get(`${part.table}\u0000${part.column}\u0000${String(row[part.column])}`)?.push(row)
  }
  return async (table, column, id) =>
    loaded.get(`${table}\u0000${column}\u0000${id}`) ?? fallback(table, column, id)
}

const sourcesByTable = new Map<string, SearchSource>(SEARCH_SOURCES.map((s) => [s.table, s]))

/** Part tables (a factory's contacts) and the owner each row of them re-indexes. */
const ownersByPart = new Map<string, { owner: SearchSource; column: string }[]>()
for (const source of SEARCH_SOURCES) {
  for (const part of source.parts ?? []) {
    ownersByPart.set(part.table, [
      ...(ownersByPart.get(part.table) ?? []),
      { owner: source, column: part.column },
    ])
  }
}

/** Re-indexes the owners of part rows that were written (a contact changes its factory's document). */
async function reindexOwners(trx: AnyTrx, table: SyncedTableName, ids: readonly string[]): Promise<void> {
  const owners = ownersByPart.get(table)
  if (!owners) return
  for (const { owner, column } of owners) {
    const ownerIds = new Set<string>()
    for (let i = 0; i < ids.length; i += CHUNK) {
      const rows = await dynamic(trx)
        .selectFrom(table)
        .select(column)
        .where('id', 'in', ids.slice(i, i + CHUNK))
        .execute()
      for (const row of rows) if (typeof row[column] === 'string') ownerIds.add(row[column])
    }
    await reindexDocuments(trx, owner, [...ownerIds])
  }
}

/**
 * Rebuilds the documents of the given rows in bulk, keeping each document's id (an import adds 10,000
 * factories' contacts at once); a row that lost its document or its life goes through indexRow.
 */
async function reindexDocuments(trx: AnyTrx, source: SearchSource, ids: readonly string[]): Promise<void> {
  const lookup = lookupIn(trx)
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK)
    const related = await prefetchedRelated(trx, source, chunk)
    const rows = await dynamic(trx).selectFrom(source.table).selectAll().where('id', 'in', chunk).execute()
    const { rows: docs } = await sql<{ doc: number; row_id: string }>`
      SELECT doc, row_id FROM search_docs WHERE row_id IN (${sql.join(chunk)})`.execute(trx)
    const docOf = new Map(docs.map((d) => [d.row_id, d.doc]))
    const replaced: { doc: number; entry: IndexEntry }[] = []
    for (const row of rows) {
      const id = String(row.id)
      const doc = docOf.get(id)
      if (doc === undefined || row.deleted_at != null) {
        await indexRow(trx, source.table, id)
        continue
      }
      const document = await source.document(row, lookup, related)
      replaced.push({ doc, entry: { kind: source.kind, rowId: id, document } })
    }
    if (replaced.length === 0) continue
    const gone = sql.join(replaced.map((r) => r.doc))
    await sql`DELETE FROM search_docs WHERE doc IN (${gone})`.execute(trx)
    await sql`DELETE FROM search_short WHERE doc IN (${gone})`.execute(trx)
    await sql`DELETE FROM search_codes WHERE doc IN (${gone})`.execute(trx)
    await insertDocs(trx, replaced)
  }
}

/** The columns as stored: normalized text, codes deduplicated and upper-cased. */
function stored(document: SearchDocument) {
  const codes = [...new Set(document.codes.map(normalizeCode).filter((c) => c !== ''))]
  const title = normalize(document.title).trim()
  const subtitle = normalize(document.subtitle).trim()
  const body = normalize(document.body.filter((b) => b.trim() !== '').join('\n'))
  // Codes stay out: a 1–2 character piece of a code finds nothing useful, and whole codes are exact lookups.
  const head = fold(title)
  const rest = fold(subtitle)
  return {
    code: codes.join(' '),
    codes,
    title,
    subtitle,
    body,
    shortText: `${head}\u0001${[...rest].slice(0, SHORT_REST_CHARS).join('')}`,
    titleLen: charCount(head),
  }
}

/** The id for the next new document of a kind: one below the newest so far. */
async function nextDoc(trx: AnyTrx, kind: SearchKind): Promise<number> {
  const [first, last] = docRange(kind)
  const { rows } = await sql<{ doc: number }>`
    SELECT doc FROM search_docs WHERE doc BETWEEN ${first} AND ${last} ORDER BY doc LIMIT 1`.execute(trx)
  return (rows[0]?.doc ?? last + 1) - 1
}

async function removeDoc(trx: AnyTrx, doc: number): Promise<void> {
  await sql`DELETE FROM search_docs WHERE doc = ${doc}`.execute(trx)
  await sql`DELETE FROM search_short WHERE doc = ${doc}`.execute(trx)
  await sql`DELETE FROM search_codes WHERE doc = ${doc}`.execute(trx)
}

// Rows per multi-row INSERT: well under SQLite's limit of bound parameters.
const CHUNK = 400

async function insertDocs(trx: AnyTrx, docs: { doc: number; entry: IndexEntry }[]): Promise<void> {
  for (let i = 0; i < docs.length; i += CHUNK) {
    const chunk = docs
      .slice(i, i + CHUNK)
      .map(({ doc, entry }) => ({ doc, entry, s: stored(entry.document) }))
    await sql`INSERT INTO search_docs (doc, kind, row_id, code, title, subtitle, body) VALUES ${sql.join(
      chunk.map(
        ({ doc, entry, s }) =>
          sql`(${doc}, ${entry.kind}, ${entry.rowId}, ${s.code}, ${s.title}, ${s.subtitle}, ${s.body})`,
      ),
    )}`.execute(trx)
    await sql`INSERT INTO search_short (doc, title_len, text) VALUES ${sql.join(
      chunk.map(({ doc, s }) => sql`(${doc}, ${s.titleLen}, ${s.shortText})`),
    )}`.execute(trx)
    const codes = chunk.flatMap(({ doc, s }) => s.codes.map((code) => sql`(${code}, ${doc})`))
    if (codes.length > 0) {
      await sql`INSERT INTO search_codes (code, doc) VALUES ${sql.join(codes)}`.execute(trx)
    }
  }
}

/**
 * Adds documents for records not yet indexed (bulk: the start-up rebuild, the bench), given oldest
 * first, so newer records list first among equals.
 */
export async function indexNewDocuments(trx: AnyTrx, entries: readonly IndexEntry[]): Promise<void> {
  const next = new Map<SearchKind, number>()
  const docs: { doc: number; entry: IndexEntry }[] = []
  for (const entry of entries) {
    const doc = next.get(entry.kind) ?? (await nextDoc(trx, entry.kind))
    next.set(entry.kind, doc - 1)
    docs.push({ doc, entry })
  }
  await insertDocs(trx, docs)
}

/**
 * Indexes rows of `table` that were just inserted and have no document yet (a bulk insert: an import),
 * given oldest first: rows are read in chunks and their documents stored in multi-row statements.
 */
export async function indexNewRows(
  trx: AnyTrx,
  table: SyncedTableName,
  ids: readonly string[],
): Promise<void> {
  const source = sourcesByTable.get(table)
  if (!source || ids.length === 0) return reindexOwners(trx, table, ids)
  const lookup = lookupIn(trx)
  const entries: IndexEntry[] = []
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK)
    const related = await prefetchedRelated(trx, source, chunk)
    const rows = await dynamic(trx).selectFrom(table).selectAll().where('id', 'in', chunk).execute()
    const byId = new Map(rows.map((row) => [String(row.id), row]))
    for (const id of chunk) {
      const row = byId.get(id)
      if (row && row.deleted_at == null) {
        entries.push({ kind: source.kind, rowId: id, document: await source.document(row, lookup, related) })
      }
    }
  }
  await indexNewDocuments(trx, entries)
}

/**
 * indexNewRows for several tables at once (a pulled page): tables with documents of their own first, then
 * the parts of other documents (a factory's contacts), whose owners then have their documents to update.
 */
export async function indexNewRowsOf(
  trx: AnyTrx,
  idsByTable: ReadonlyMap<SyncedTableName, ReadonlySet<string>>,
): Promise<void> {
  const tables = [...idsByTable.keys()]
  const ordered = [
    ...tables.filter((t) => sourcesByTable.has(t)),
    ...tables.filter((t) => !sourcesByTable.has(t)),
  ]
  for (const table of ordered) {
    const ids = [...idsByTable.get(table)!]
    // A row id that already has a document (another table's row of the same id, sent by a rogue device,
    // or a part's owner indexed above) is indexed one by one, which replaces the document.
    const documented = new Set<string>()
    for (let i = 0; i < ids.length; i += CHUNK) {
      const { rows } = await sql<{ row_id: string }>`
        SELECT row_id FROM search_docs WHERE row_id IN (${sql.join(ids.slice(i, i + CHUNK))})`.execute(trx)
      for (const row of rows) documented.add(row.row_id)
    }
    await indexNewRows(
      trx,
      table,
      ids.filter((id) => !documented.has(id)),
    )
    for (const id of documented) await indexRow(trx, table, id)
  }
}

/**
 * Re-indexes one row of `table` after it was written: a live row gets its document (new or updated),
 * a tombstoned or missing row loses it. When a title changes, rows of other tables that show it (a
 * visit shows its factory's name) are re-indexed too. Tables without a search source are ignored.
 */
export async function indexRow(trx: AnyTrx, table: SyncedTableName, id: string): Promise<void> {
  const source = sourcesByTable.get(table)
  if (!source) return reindexOwners(trx, table, [id])
  const lookup = lookupIn(trx)
  const row = await lookup(table, id)
  const { rows } = await sql<{ doc: number; title: string }>`
    SELECT doc, title FROM search_docs WHERE row_id = ${id}`.execute(trx)
  const existing = rows[0]
  if (!row || row.deleted_at != null) {
    if (existing) await removeDoc(trx, existing.doc)
    return
  }
  const entry: IndexEntry = {
    kind: source.kind,
    rowId: id,
    document: await source.document(row, lookup, relatedIn(trx)),
  }
  if (!existing) {
    await indexNewDocuments(trx, [entry])
    return
  }
  // Replacing the row keeps its document id, so the FTS triggers see one delete and one insert.
  await removeDoc(trx, existing.doc)
  await insertDocs(trx, [{ doc: existing.doc, entry }])
  if (normalize(entry.document.title).trim() !== existing.title) await reindexReferrers(trx, table, id)
}

async function reindexReferrers(trx: AnyTrx, table: SyncedTableName, id: string): Promise<void> {
  for (const source of SEARCH_SOURCES) {
    for (const ref of source.refersTo ?? []) {
      if (ref.table !== table) continue
      const referrers = await dynamic(trx)
        .selectFrom(source.table)
        .select('id')
        .where(ref.column, '=', id)
        .where('deleted_at', 'is', null)
        .execute()
      for (const r of referrers) await indexRow(trx, source.table, String(r.id))
    }
  }
}

/** Merges the FTS5 index into one segment: after a bulk load, queries read one doclist per trigram. */
export async function optimizeSearchIndex(trx: AnyTrx): Promise<void> {
  await sql`INSERT INTO search_fts (search_fts) VALUES ('optimize')`.execute(trx)
}

/** Empties the index and indexes every live row of every searchable table, oldest first. */
export async function rebuildSearchIndex(trx: AnyTrx): Promise<number> {
  await sql`DELETE FROM search_docs`.execute(trx)
  await sql`DELETE FROM search_short`.execute(trx)
  await sql`DELETE FROM search_codes`.execute(trx)
  // After deleting every document the FTS index is empty but fragmented; 'rebuild' resets it cleanly.
  await sql`INSERT INTO search_fts (search_fts) VALUES ('rebuild')`.execute(trx)
  const cache = new Map<string, Promise<SourceRow | undefined>>()
  const direct = lookupIn(trx)
  // Names of referenced rows repeat (many samples of one factory): read each once per rebuild.
  const lookup: Lookup = (table, id) => {
    const key = `${table}\u0000${id}`
    let found = cache.get(key)
    if (!found) cache.set(key, (found = direct(table, id)))
    return found
  }
  let count = 0
  for (const source of SEARCH_SOURCES) {
    const rows = await dynamic(trx)
      .selectFrom(source.table)
      .selectAll()
      .where('deleted_at', 'is', null)
      .orderBy('created_at')
      .orderBy('id')
      .execute()
    const entries: IndexEntry[] = []
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK)
      const related = source.parts
        ? await prefetchedRelated(
            trx,
            source,
            chunk.map((row) => String(row.id)),
          )
        : relatedIn(trx)
      for (const row of chunk) {
        entries.push({
          kind: source.kind,
          rowId: String(row.id),
          document: await source.document(row, lookup, related),
        })
      }
    }
    await indexNewDocuments(trx, entries)
    count += entries.length
  }
  await optimizeSearchIndex(trx)
  return count
}

/**
 * Start-up step: rebuilds the index when it was written by another format or set of tables (or never),
 * so rows written before the index existed become searchable. Idempotent: a second run does nothing.
 * Returns the number of documents indexed, or null when the index was current.
 */
export async function ensureSearchIndex(db: Kysely<DB>): Promise<number | null> {
  const format = searchIndexFormat()
  const current = await db
    .selectFrom('meta')
    .select('value')
    .where('key', '=', FORMAT_META_KEY)
    .executeTakeFirst()
  if (current?.value === format) return null
  return db.transaction().execute(async (trx) => {
    const count = await rebuildSearchIndex(trx)
    await trx
      .insertInto('meta')
      .values({ key: FORMAT_META_KEY, value: format })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: format }))
      .execute()
    return count
  })
}
