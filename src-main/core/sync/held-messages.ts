import type { Insertable, Transaction } from 'kysely'
import type { DB } from '../db/schema'
import type { SyncedTableName } from '../write/write-path'
import { checkMessage } from './synced-tables'
import type { LoggedMessage } from './wire/sync-wire.contract'

/**
 * The laptop's second check of what HQ sends (HQ checked it first): every pulled message is checked
 * against this version's registry of synced tables, as a local save would be. What a local save could
 * not have written is quarantined, whole save by whole save, and never applied; what this version does
 * not know (a newer version's table or column) is parked until an upgrade knows it.
 */

/** A message that may be applied, with its decoded value. */
export interface UsableMessage {
  message: LoggedMessage
  table: SyncedTableName
  value: unknown
}

/** A page sorted into what may be applied and what is held back. */
export interface ScreenedPage {
  usable: UsableMessage[]
  quarantined: Insertable<DB['sync_quarantine']>[]
  parked: Insertable<DB['sync_parked']>[]
}

// A save is the messages one write stamped with one HLC, for one row of one table.
const saveKey = (m: LoggedMessage) => `${m.hlc}\u0000${m.table}\u0000${m.row}`

function held(m: LoggedMessage, reason: string, stamp: string) {
  return {
    seq: m.seq,
    hlc: m.hlc,
    table_name: m.table,
    row_id: m.row,
    column_name: m.column,
    value: m.value,
    device_id: m.device,
    base_hlc: m.base,
    reason,
    recorded_at: stamp,
  }
}

/**
 * Sorts messages: a save with one invalid field is quarantined whole (its other fields alone would make
 * a record no buyer saved), unknown tables and columns are parked, the rest may be applied.
 */
export function screenMessages(messages: readonly LoggedMessage[], stamp: string): ScreenedPage {
  const verdicts = messages.map((m) => checkMessage(m))
  const refusedSaves = new Map<string, { field: string; reason: string }>()
  messages.forEach((m, i) => {
    const verdict = verdicts[i]!
    if (verdict.kind === 'invalid' && !refusedSaves.has(saveKey(m))) {
      refusedSaves.set(saveKey(m), { field: verdict.field, reason: `${verdict.field}: ${verdict.reason}` })
    }
  })
  const page: ScreenedPage = { usable: [], quarantined: [], parked: [] }
  messages.forEach((m, i) => {
    const verdict = verdicts[i]!
    if (verdict.kind === 'invalid') {
      page.quarantined.push({ ...held(m, verdict.reason, stamp), field: verdict.field })
      return
    }
    const refused = refusedSaves.get(saveKey(m))
    if (refused !== undefined) {
      page.quarantined.push({
        ...held(m, `another field of the same save was refused (${refused.reason})`, stamp),
        field: refused.field,
      })
    } else if (verdict.kind === 'unknown') {
      page.parked.push(held(m, verdict.reason, stamp))
    } else {
      page.usable.push({ message: m, table: verdict.table, value: verdict.value })
    }
  })
  return page
}

/** Stores what a page held back, in the page's transaction; a message pulled again is held once. */
export async function holdMessages(trx: Transaction<DB>, page: ScreenedPage): Promise<void> {
  for (let i = 0; i < page.quarantined.length; i += 50) {
    await trx
      .insertInto('sync_quarantine')
      .values(page.quarantined.slice(i, i + 50))
      .onConflict((oc) => oc.doNothing())
      .execute()
  }
  for (let i = 0; i < page.parked.length; i += 50) {
    await trx
      .insertInto('sync_parked')
      .values(page.parked.slice(i, i + 50))
      .onConflict((oc) => oc.doNothing())
      .execute()
  }
}
