import type { Kysely } from 'kysely'

/**
 * The wire's checks: the id each device records its changes under (HQ refuses a pushed message naming
 * another; null for devices enrolled before HQ asked, learned from their first push), and an index for
 * what HQ holds per node (a laptop compares it with what it sent, to heal a restored HQ).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('devices').addColumn('local_device', 'text').execute()
  await db.schema.createIndex('messages_node').on('messages').columns(['node_id', 'hlc']).execute()
}
