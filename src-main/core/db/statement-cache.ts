import type Database from 'better-sqlite3'
import type { SqliteDatabase } from 'kysely'

/** Most distinct SQL texts kept prepared; the app runs a few hundred, bulk inserts vary by row count. */
const DEFAULT_SIZE = 1000

/**
 * The connection as Kysely's SQLite dialect sees it, with prepared statements reused by SQL text.
 * Kysely prepares every query anew; compiling the SQL cost more than running it (a quarter of applying
 * 100,000 synced messages, and most of a factory save). Sharing a statement is safe here: Kysely runs
 * each with `all` or `run`, which finish before the next query starts (nothing here streams).
 */
export function withStatementCache(sqlite: Database.Database, size = DEFAULT_SIZE): SqliteDatabase {
  const cache = new Map<string, Database.Statement>()
  return {
    close: () => {
      cache.clear()
      sqlite.close()
    },
    prepare: (sql: string) => {
      let statement = cache.get(sql)
      if (statement) {
        // Most recently used last, so the oldest is evicted first.
        cache.delete(sql)
      } else {
        statement = sqlite.prepare(sql)
        if (cache.size >= size) cache.delete(cache.keys().next().value!)
      }
      cache.set(sql, statement)
      return statement
    },
  }
}
