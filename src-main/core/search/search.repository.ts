import { sql, type Kysely } from 'kysely'
import type { DB } from '../db/schema'
import type { SearchKind } from './search.contract'

/** Queries over the search index (migration 0006_search). Within a kind, lower document ids are newer. */

/** A stored search document. */
export interface DocRow {
  doc: number
  kind: SearchKind
  row_id: string
  code: string
  title: string
  subtitle: string
  body: string
}

/**
 * A document id as an SQL integer literal. Bound JS numbers reach SQLite as REAL, and FTS5 then filters
 * the rowid range row by row instead of seeking to it (15 ms instead of 0.1 ms at 100,000 records).
 */
function id(doc: number) {
  if (!Number.isSafeInteger(doc)) throw new Error(`not a document id: ${doc}`)
  return sql.lit(doc)
}

/** Documents whose code equals `code` (already normalized). */
export async function docsWithCode(db: Kysely<DB>, code: string): Promise<number[]> {
  const { rows } = await sql<{ doc: number }>`SELECT doc FROM search_codes WHERE code = ${code}`.execute(db)
  return rows.map((r) => r.doc)
}

/** Newest documents in [first, last] matching an FTS5 expression (built by ftsExpression only). */
export async function ftsDocs(
  db: Kysely<DB>,
  expression: string,
  [first, last]: [number, number],
  limit: number,
): Promise<number[]> {
  const { rows } = await sql<{ doc: number }>`
    SELECT rowid AS doc FROM search_fts
    WHERE search_fts MATCH ${expression} AND rowid BETWEEN ${id(first)} AND ${id(last)}
    ORDER BY rowid LIMIT ${limit}`.execute(db)
  return rows.map((r) => r.doc)
}

/** A document found by scanning, and whether every term is in its title. */
export interface ShortHit {
  doc: number
  in_title: number
}

/**
 * Newest documents in [first, last], after `after` when given, whose compact text (title, start of
 * subtitle; case-folded) contains every term — within the title only when `titleOnly` — by scanning
 * search_short: the path for terms shorter than a trigram. One pass yields both ranking tiers.
 */
export async function shortDocs(
  db: Kysely<DB>,
  terms: readonly string[],
  titleOnly: boolean,
  [first, last]: [number, number],
  limit: number,
): Promise<ShortHit[]> {
  const inTitle = terms.map((t) => sql`instr(text, ${t}) BETWEEN 1 AND title_len - ${[...t].length - 1}`)
  const conditions = titleOnly ? inTitle : terms.map((t) => sql`instr(text, ${t}) > 0`)
  const { rows } = await sql<ShortHit>`
    SELECT doc, ${sql.join(inTitle, sql` AND `)} AS in_title FROM search_short
    WHERE doc BETWEEN ${id(first)} AND ${id(last)} AND ${sql.join(conditions, sql` AND `)}
    ORDER BY doc LIMIT ${limit}`.execute(db)
  return rows
}

/** The stored documents with these ids, in no particular order. */
export async function loadDocs(db: Kysely<DB>, docs: readonly number[]): Promise<DocRow[]> {
  if (docs.length === 0) return []
  const { rows } = await sql<DocRow>`
    SELECT doc, kind, row_id, code, title, subtitle, body FROM search_docs
    WHERE doc IN (${sql.join(docs)})`.execute(db)
  return rows
}
