import { sql, type Kysely } from 'kysely'
import type { DB } from '../db/schema'
import type { SearchKind } from './search.contract'

/** Queries over the search index (migration 0006_search). Document ids are newest-first within a kind. */

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
    WHERE search_fts MATCH ${expression} AND rowid BETWEEN ${first} AND ${last}
    ORDER BY rowid DESC LIMIT ${limit}`.execute(db)
  return rows.map((r) => r.doc)
}

/**
 * Newest documents in [first, last] whose compact text contains every (folded) term — within the code
 * and title when `inTitle` — by scanning search_short: the path for terms shorter than a trigram.
 */
export async function shortDocs(
  db: Kysely<DB>,
  terms: readonly string[],
  inTitle: boolean,
  [first, last]: [number, number],
  limit: number,
): Promise<number[]> {
  const conditions = terms.map((t) =>
    inTitle
      ? sql`instr(text, ${t}) BETWEEN 1 AND title_len - ${[...t].length - 1}`
      : sql`instr(text, ${t}) > 0`,
  )
  const { rows } = await sql<{ doc: number }>`
    SELECT doc FROM search_short
    WHERE doc BETWEEN ${first} AND ${last} AND ${sql.join(conditions, sql` AND `)}
    ORDER BY doc DESC LIMIT ${limit}`.execute(db)
  return rows.map((r) => r.doc)
}

/** The stored documents with these ids, in no particular order. */
export async function loadDocs(db: Kysely<DB>, docs: readonly number[]): Promise<DocRow[]> {
  if (docs.length === 0) return []
  const { rows } = await sql<DocRow>`
    SELECT doc, kind, row_id, code, title, subtitle, body FROM search_docs
    WHERE doc IN (${sql.join(docs)})`.execute(db)
  return rows
}
