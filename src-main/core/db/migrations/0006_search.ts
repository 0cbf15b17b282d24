import { sql, type Kysely } from 'kysely'

/**
 * The local search index: derived data, never synced, rebuilt from the synced tables at start-up when
 * its format changes (see core/search/search-index.ts). Three structures, one per kind of query:
 *
 * - search_docs holds one searchable document per record; search_fts is an external-content FTS5 trigram
 *   index over it (kept in step by triggers), for queries of 3+ characters.
 * - search_short holds a compact, case-folded copy of each document's code, title and key fields, scanned
 *   with instr() for 1–2 character queries, which a trigram index cannot answer.
 * - search_codes maps each normalized code (sample code, credit code, shop id) to its document, so an
 *   exact code (a scanner's input) is one index lookup.
 *
 * A document's id (doc) carries its kind in its high bits, so "this kind only" is a rowid range in all
 * three structures.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE search_docs (
    doc INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    row_id TEXT NOT NULL,
    code TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL,
    subtitle TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL DEFAULT ''
  )`.execute(db)
  await sql`CREATE UNIQUE INDEX search_docs_row ON search_docs (row_id)`.execute(db)
  // columnsize=0: no per-document sizes, which only bm25() needs; ranking here is by tier, not bm25.
  await sql`CREATE VIRTUAL TABLE search_fts USING fts5(
    code, title, body,
    content='search_docs', content_rowid='doc', tokenize='trigram', columnsize=0
  )`.execute(db)
  await sql`CREATE TRIGGER search_docs_ai AFTER INSERT ON search_docs BEGIN
    INSERT INTO search_fts (rowid, code, title, body) VALUES (new.doc, new.code, new.title, new.body);
  END`.execute(db)
  await sql`CREATE TRIGGER search_docs_ad AFTER DELETE ON search_docs BEGIN
    INSERT INTO search_fts (search_fts, rowid, code, title, body)
    VALUES ('delete', old.doc, old.code, old.title, old.body);
  END`.execute(db)
  await sql`CREATE TRIGGER search_docs_au AFTER UPDATE ON search_docs BEGIN
    INSERT INTO search_fts (search_fts, rowid, code, title, body)
    VALUES ('delete', old.doc, old.code, old.title, old.body);
    INSERT INTO search_fts (rowid, code, title, body) VALUES (new.doc, new.code, new.title, new.body);
  END`.execute(db)
  await sql`CREATE TABLE search_short (
    doc INTEGER PRIMARY KEY,
    title_len INTEGER NOT NULL,
    text TEXT NOT NULL
  )`.execute(db)
  await sql`CREATE TABLE search_codes (
    code TEXT NOT NULL,
    doc INTEGER NOT NULL,
    PRIMARY KEY (code, doc)
  ) WITHOUT ROWID`.execute(db)
}
