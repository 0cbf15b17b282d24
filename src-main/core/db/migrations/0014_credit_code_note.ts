import type { Kysely } from 'kysely'

/**
 * `factories.credit_code_note`: the buyer's reason for keeping a credit code whose check character
 * fails (real lists carry such codes). Synced like the factory's other fields; empty for every
 * factory stored before.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('factories')
    .addColumn('credit_code_note', 'text', (c) => c.notNull().defaultTo(''))
    .execute()
}
