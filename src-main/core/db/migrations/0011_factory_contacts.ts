import { sql, type Kysely } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import { insertLegacyContactRows } from '../../factories/factory-contacts.legacy'
import { hlcNodeFor } from '../../system/device'

/**
 * Contacts become rows of their own (`factory_contacts`), so they sync and merge one by one instead of
 * one buyer's list replacing another's. Every factory's legacy JSON list, live or deleted, is moved
 * into rows whose ids and stamps every laptop derives alike (factory-contacts.legacy.ts), recorded as
 * unsent changes so they reach HQ. The legacy column stays, no longer written here, so messages from
 * laptops not yet upgraded still apply and are converted. Independent of migration 0010.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('factory_contacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('factory_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('wechat', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute()
  await sql`CREATE INDEX factory_contacts_live_factory ON factory_contacts (factory_id, sort_order)
    WHERE deleted_at IS NULL`.execute(db)

  const { rows: factories } = await sql<{ id: string; contacts: string; created_at: string }>`
    SELECT id, contacts, created_at FROM factories WHERE contacts NOT IN ('', '[]') ORDER BY id`.execute(db)
  if (factories.length === 0) return
  const deviceId = await ensureDeviceId(db)
  const node = hlcNodeFor(deviceId)
  for (const factory of factories) {
    // The newest recorded change of the list: the rows are stamped with its time (see the legacy module).
    const { rows } = await sql<{ hlc: string | null }>`
      SELECT max(hlc) AS hlc FROM change_log
      WHERE table_name = 'factories' AND row_id = ${factory.id} AND column_name = 'contacts'`.execute(db)
    await insertLegacyContactRows(db, {
      factoryId: factory.id,
      json: factory.contacts,
      hlc: rows[0]?.hlc ?? null,
      fallbackTime: factory.created_at,
      node,
      deviceId,
    })
  }
}

/** The device id the rows are recorded under; created here as start-up would, if it is missing. */
async function ensureDeviceId(db: Kysely<unknown>): Promise<string> {
  const { rows } = await sql<{ value: string }>`SELECT value FROM meta WHERE key = 'device_id'`.execute(db)
  if (rows[0]) return rows[0].value
  const deviceId = uuidv7()
  await sql`INSERT INTO meta (key, value) VALUES ('device_id', ${deviceId})`.execute(db)
  return deviceId
}
