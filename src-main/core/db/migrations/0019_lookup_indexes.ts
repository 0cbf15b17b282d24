import { sql, type Kysely } from 'kysely'

/**
 * Indexes for lookups every save makes: the live factory holding a credit code (the duplicate check of
 * each factory save scanned every factory) and a factory's contacts (read by factory).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX factories_live_credit_code ON factories (credit_code)
    WHERE deleted_at IS NULL`.execute(db)
  await sql`CREATE INDEX factory_contacts_factory ON factory_contacts (factory_id)`.execute(db)
}
