import type { Kysely, Transaction } from 'kysely'
import type { DB } from '../db/schema'
import { readSetting, writeSetting } from './sync.settings'

/** HQ's schema version as last seen (meta, never synced). */
const HQ_SCHEMA_VERSION = 'sync_hq_schema_version'

/**
 * Notes the schema version HQ answered with. When it rose, HQ now knows tables or columns it refused
 * before as 'unknown_schema' (this laptop is of a newer version than HQ was): those refusals are
 * cleared, so the changes are unsent again and the push sends them. Returns whether any was cleared.
 */
export async function noteHqSchemaVersion(
  db: Kysely<DB> | Transaction<DB>,
  version: number,
): Promise<boolean> {
  const known = Number((await readSetting(db, HQ_SCHEMA_VERSION)) ?? 0)
  if (version <= known) return false
  await writeSetting(db, HQ_SCHEMA_VERSION, String(version))
  const cleared = await db
    .deleteFrom('sync_rejections')
    .where('code', '=', 'unknown_schema')
    .executeTakeFirst()
  return Number(cleared.numDeletedRows) > 0
}

/**
 * Before a push: while changes HQ refused as 'unknown_schema' wait, asks HQ its version (an empty push
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
    .where('code', '=', 'unknown_schema')
    .limit(1)
    .executeTakeFirst()
  if (!waiting) return
  const reply = await push({ messages: [], seen })
  if (reply.schemaVersion !== undefined) await noteHqSchemaVersion(db, reply.schemaVersion)
}
