import type Database from 'better-sqlite3'
import { SqliteAdapter, SqliteDialect, type DialectAdapter, type Driver } from 'kysely'
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
  constructor(private readonly sqlite: Database.Database) {
    super({ database: withStatementCache(sqlite) })
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlAdapter()
  }

  /**
   * A COMMIT that fails with SQLITE_FULL or an I/O error has already rolled the transaction back; the
   * ROLLBACK Kysely then sends fails ("no transaction is active") and its error replaced the real one,
   * so a full disk reached the buyer as "internal error". Rolling back only what is open keeps it.
   */
  override createDriver(): Driver {
    const driver = super.createDriver()
    const rollback = driver.rollbackTransaction.bind(driver)
    driver.rollbackTransaction = async (connection) => {
      if (this.sqlite.inTransaction) await rollback(connection)
    }
    return driver
  }
}

/** Kysely's SQLite dialect over `sqlite`, with statements reused and migrations in a transaction. */
export function sqliteDialect(sqlite: Database.Database): SqliteDialect {
  return new WorkbenchSqliteDialect(sqlite)
}
