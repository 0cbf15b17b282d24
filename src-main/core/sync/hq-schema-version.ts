import type { Kysely, Transaction } from 'kysely'
import type { DB } from '../db/schema'
import { readSetting, writeSetting } from './sync.settings'

/** HQ's schema version as last seen (meta, never synced). */
const HQ_SCHEMA_VERSION = 'sync_hq_schema_version'

/**
 * What HQ may take after its upgrade: a table or column it did not know ('unknown_schema'), or a value
 * its version refused (an option added since, such as a photo on a quote: 'invalid_value'). Sent again,
 * what is still wrong is simply refused again.
 */
const RETRIED_ON_UPGRADE = ['unknown_schema', 'invalid_value']

/**
 * Notes the schema version HQ answered with. When it rose, HQ now knows tables, columns and values it
 * refused before (this laptop is of a newer version than HQ was): those refusals are cleared, so the
 * changes are unsent again and the push sends them. Returns whether any was cleared.
 */
export async function noteHqSchemaVersion(
  db: Kysely<DB> | Transaction<DB>,
  version: number,
): Promise<boolean> {
  const known = Number((await readSetting(db, HQ_SCHEMA_VERSION)) ?? 0)
  if (version <= known) return false
  await writeSetting(db, HQ_SCHEMA_VERSION, String(version))
  // A value is retried only after a rise seen here: the first version noted is no upgrade of HQ.
  const codes = known > 0 ? RETRIED_ON_UPGRADE : ['unknown_schema']
  const cleared = await db.deleteFrom('sync_rejections').where('code', 'in', codes).executeTakeFirst()
  return Number(cleared.numDeletedRows) > 0
}

/**
 * Before a push: while changes HQ refused as unknown or invalid wait, asks HQ its version (an empty push
 * answers with it, as the push of unsent changes would; those refused changes are not unsent, so that
 * push may send nothing) and clears the refusals when it rose.
 */
export async function recheckUnknownSchema(
  db: Kysely<DB>,
  push: (input: { messages: []; seen: number }) => Promise<{ schemaVersion?: number }>,
  seen: number,
): Promise<void> {
  const waiting = await db
    .selectFrom('sync_rejections')
    .select('seq')
    .where('code', 'in', RETRIED_ON_UPGRADE)
    .limit(1)
    .executeTakeFirst()
  if (!waiting) return
  // Only a question: when HQ does not answer it (offline, a clock it refuses until corrected), the push
  // that follows meets the same and handles it as it always does.
  const reply = await push({ messages: [], seen }).catch(() => null)
  if (reply?.schemaVersion !== undefined) await noteHqSchemaVersion(db, reply.schemaVersion)
}
