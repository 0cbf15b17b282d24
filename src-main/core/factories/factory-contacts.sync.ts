import type { Transaction } from 'kysely'
import type { DB } from '../db/schema'
import { indexNewRows } from '../search/search-index'
import { insertLegacyContactRows } from './factory-contacts.legacy'

/** A field-level message as apply sees it (only what the conversion needs). */
interface AppliedMessage {
  table: string
  row: string
  column: string
  hlc: string
  value: string
}

/**
 * Sync's apply step, after the page's winners are written: a legacy `factories.contacts` list that won
 * (sent by a laptop not yet upgraded to contact rows) adds the contacts it holds as rows, exactly as
 * that laptop's own migration will, recorded as this laptop's unsent changes at the list's time. What
 * it removes or edits is not applied; see factory-contacts.legacy.ts for why that loses nothing.
 * `wrote(factoryId)` says whether the page wrote that factory's legacy list.
 */
export async function convertLegacyContacts(
  trx: Transaction<DB>,
  node: string,
  messages: readonly AppliedMessage[],
  wrote: (factoryId: string) => boolean,
): Promise<void> {
  const winners = new Map<string, AppliedMessage>()
  for (const m of messages) {
    if (m.table !== 'factories' || m.column !== 'contacts' || !wrote(m.row)) continue
    const best = winners.get(m.row)
    if (!best || m.hlc > best.hlc) winners.set(m.row, m)
  }
  if (winners.size === 0) return
  const device = await trx
    .selectFrom('meta')
    .select('value')
    .where('key', '=', 'device_id')
    .executeTakeFirst()
  if (!device) return
  const inserted: string[] = []
  for (const m of winners.values()) {
    let json: unknown
    try {
      json = JSON.parse(m.value)
    } catch {
      continue
    }
    if (typeof json !== 'string') continue
    const factory = await trx
      .selectFrom('factories')
      .select('created_at')
      .where('id', '=', m.row)
      .executeTakeFirst()
    inserted.push(
      ...(await insertLegacyContactRows(trx, {
        factoryId: m.row,
        json,
        hlc: m.hlc,
        fallbackTime: factory?.created_at ?? '',
        node,
        deviceId: device.value,
      })),
    )
  }
  await indexNewRows(trx, 'factory_contacts', inserted)
}
