import type { Kysely } from 'kysely'

/**
 * The pull cursor the pushing device sent with each message (the log sequence up to which it had
 * applied everything): receivers compare it with another message's sequence to tell whether the writer
 * had seen that message, e.g. whether a delete was made without seeing an edit of the same record.
 * Null for messages logged before this column existed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('messages').addColumn('seen_seq', 'bigint').execute()
}
