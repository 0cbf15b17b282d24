import type Database from 'better-sqlite3'
import { SqliteAdapter, SqliteDialect, type DialectAdapter } from 'kysely'
import { withStatementCache } from './statement-cache'

/**
 * SQLite runs schema changes inside transactions, but Kysely's adapter says it cannot, so its migrator
 * ran each migration bare: a process killed mid-migration left half a schema ("table tours already
 * exists" at the next start). Saying so makes the migrator run the pending migrations in one
 * transaction, all or nothing.
 */
class TransactionalDdlAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true
  }
}

class WorkbenchSqliteDialect extends SqliteDialect {
  override createAdapter(): DialectAdapter {
    return new TransactionalDdlAdapter()
  }
}

/** Kysely's SQLite dialect over `sqlite`, with statements reused and migrations in a transaction. */
export function sqliteDialect(sqlite: Database.Database): SqliteDialect {
  return new WorkbenchSqliteDialect({ database: withStatementCache(sqlite) })
}
