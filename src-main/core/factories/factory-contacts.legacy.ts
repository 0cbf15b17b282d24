import { createHash } from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import { formatHlc, parseHlc } from '../sync/hlc'

/**
 * Contacts kept as one JSON list on the factory (before migration 0011) turned into `factory_contacts`
 * rows. The same code serves the migration and sync's apply step, so every laptop derives the same rows:
 *
 * - **Ids are derived, not random**: a UUID-shaped hash of the factory id, the contact's content and its
 *   occurrence among equal entries. Laptops that migrate separately make the same rows, so nothing is
 *   doubled. Content rather than list position: an old laptop removing the first contact would
 *   otherwise shift the ids of every later one.
 * - **Stamped at the list's own time**: each row's messages carry the HLC time and counter of the list
 *   change they come from (with this laptop's node, which HQ requires). A contact edited as a row after
 *   another laptop's upgrade therefore keeps that later edit when this laptop migrates or converts an
 *   older list; a migration never wins over a newer edit just because it ran later. These stamps are
 *   deliberately in the past and must not be re-stamped.
 * - **Only missing rows are added**: an id that exists (live or removed) is left alone, so a contact
 *   someone removed or edited as a row is never brought back or reverted by an old list.
 *
 * An old `factories.contacts` message from a laptop not yet upgraded is therefore converted, additively:
 * its new contacts appear as rows everywhere (exactly the rows that laptop's own migration will make);
 * its removals are not applied (a list cannot say whether a contact it lacks was removed or never seen),
 * and an entry it edited appears as another row beside the old one. Nothing is lost.
 */

/** Most contacts taken from one legacy list (the old contract's limit). */
const MAX_LEGACY_CONTACTS = 20
/** Longest text kept per field (the contract's limit). */
const MAX_FIELD_CHARS = 40

export interface LegacyContact {
  name: string
  role: string
  phone: string
  wechat: string
}

/** One row derived from a legacy list: its derived id and columns other than the timestamps. */
export interface LegacyContactRow extends LegacyContact {
  id: string
  sort_order: number
}

function field(value: unknown): string {
  return typeof value === 'string' ? [...value.trim()].slice(0, MAX_FIELD_CHARS).join('') : ''
}

/**
 * The contacts of a legacy JSON list, read leniently: the list was checked when written on an old
 * laptop, but a malformed one (not JSON, not a list, entries without a name) yields what is usable.
 */
export function parseLegacyContacts(json: string): LegacyContact[] {
  let parsed: unknown
  try {
    parsed = JSON.parse(json)
  } catch {
    return []
  }
  if (!Array.isArray(parsed)) return []
  const contacts: LegacyContact[] = []
  for (const item of parsed) {
    if (!item || typeof item !== 'object') continue
    const entry = item as Record<string, unknown>
    const contact = {
      name: field(entry.name),
      role: field(entry.role),
      phone: field(entry.phone),
      wechat: field(entry.wechat),
    }
    if (contact.name !== '') contacts.push(contact)
    if (contacts.length === MAX_LEGACY_CONTACTS) break
  }
  return contacts
}

/** The derived id: UUID-shaped (version 8, "custom"), the same on every laptop for the same entry. */
export function legacyContactId(factoryId: string, contact: LegacyContact, occurrence: number): string {
  const hex = createHash('sha256')
    .update(
      JSON.stringify([factoryId, contact.name, contact.role, contact.phone, contact.wechat, occurrence]),
    )
    .digest('hex')
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

/** The rows a legacy list stands for, in list order. */
export function legacyContactRows(factoryId: string, json: string): LegacyContactRow[] {
  const seen = new Map<string, number>()
  return parseLegacyContacts(json).map((contact, index) => {
    const key = JSON.stringify([contact.name, contact.role, contact.phone, contact.wechat])
    const occurrence = seen.get(key) ?? 0
    seen.set(key, occurrence + 1)
    return { id: legacyContactId(factoryId, contact, occurrence), ...contact, sort_order: index }
  })
}

/** Where the rows of one legacy list come from, and who records them. */
export interface LegacySource {
  factoryId: string
  /** The legacy JSON list. */
  json: string
  /**
   * HLC of the change that wrote the list, or null when none is recorded; then `fallbackTime` (the
   * factory's creation) stamps the rows.
   */
  hlc: string | null
  fallbackTime: string
  /** This laptop's HLC node and device id: the rows are its changes, sent on the next sync. */
  node: string
  deviceId: string
}

function stampOf(source: LegacySource): { hlc: string; time: string } {
  if (source.hlc !== null) {
    const parsed = parseHlc(source.hlc)
    return {
      hlc: formatHlc({ ...parsed, node: source.node }),
      time: new Date(parsed.millis).toISOString(),
    }
  }
  const millis = Date.parse(source.fallbackTime)
  const time = new Date(Number.isNaN(millis) ? 0 : millis).toISOString()
  return { hlc: formatHlc({ millis: Date.parse(time), counter: 0, node: source.node }), time }
}

/** Columns recorded for a new row, in the order the write path records them. */
const COLUMNS = [
  'factory_id',
  'name',
  'role',
  'phone',
  'wechat',
  'sort_order',
  'created_at',
  'updated_at',
  'deleted_at',
] as const

/**
 * Inserts the rows of a legacy list that do not exist yet, with one unsent change-log message per
 * column, in the caller's transaction. Returns the ids inserted. Plain SQL, so the migration (which
 * runs before the app's write path exists) and apply share it.
 */
export async function insertLegacyContactRows(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run on an untyped Kysely
  db: Kysely<any>,
  source: LegacySource,
): Promise<string[]> {
  const rows = legacyContactRows(source.factoryId, source.json)
  if (rows.length === 0) return []
  const { hlc, time } = stampOf(source)
  const inserted: string[] = []
  for (const row of rows) {
    const values: Record<(typeof COLUMNS)[number], string | number | null> = {
      factory_id: source.factoryId,
      name: row.name,
      role: row.role,
      phone: row.phone,
      wechat: row.wechat,
      sort_order: row.sort_order,
      created_at: time,
      updated_at: time,
      deleted_at: null,
    }
    const result = await sql`INSERT INTO factory_contacts (id, ${sql.join(COLUMNS.map((c) => sql.ref(c)))})
      VALUES (${row.id}, ${sql.join(COLUMNS.map((c) => values[c]))})
      ON CONFLICT (id) DO NOTHING`.execute(db)
    if (Number(result.numAffectedRows ?? 0) === 0) continue
    await sql`INSERT INTO change_log (hlc, table_name, row_id, column_name, value, device_id, sent_at)
      VALUES ${sql.join(
        COLUMNS.map(
          (c) =>
            sql`(${hlc}, 'factory_contacts', ${row.id}, ${c}, ${JSON.stringify(values[c])}, ${source.deviceId}, NULL)`,
        ),
      )}`.execute(db)
    inserted.push(row.id)
  }
  return inserted
}
