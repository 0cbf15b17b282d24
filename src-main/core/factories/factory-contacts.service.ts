import type { Transaction } from 'kysely'
import { AppError, type FieldError } from '../api/errors'
import type { CoreContext } from '../api/context'
import type { DB } from '../db/schema'
import { insertRow, tombstoneRow, updateRow } from '../write/write-path'
import { factoryContactsTable } from './factory-contacts.columns'
import { MAX_CONTACTS, type ContactValues, type FactoryContact } from './factories.contract'
import {
  countLiveContacts,
  findContactsOfFactory,
  listLiveContactsOf,
  type FactoryContactRow,
} from './factory-contacts.repository'

function toContact(row: FactoryContactRow): FactoryContact {
  return { id: row.id, name: row.name, role: row.role, phone: row.phone, wechat: row.wechat }
}

/** The live contacts of each given factory, in display order (factories without any are absent). */
export async function contactsByFactory(
  db: CoreContext['db'] | Transaction<DB>,
  factoryIds: readonly string[],
): Promise<Map<string, FactoryContact[]>> {
  const byFactory = new Map<string, FactoryContact[]>()
  for (const row of await listLiveContactsOf(db, factoryIds)) {
    let list = byFactory.get(row.factory_id)
    if (!list) byFactory.set(row.factory_id, (list = []))
    list.push(toContact(row))
  }
  return byFactory
}

function invalid(message: string, fields: FieldError[]): AppError {
  return new AppError('validation', 'errors.validation', message, fields)
}

/**
 * Saves a factory's contacts one row at a time, in the caller's transaction: an entry with an id edits
 * that contact (only changed fields are written, so another buyer's edit of another field survives), an
 * entry without one adds a contact, each id in `removedIds` is tombstoned. A stored contact not named
 * is left alone. `path` is where the contacts sit in the call's input, for field errors.
 */
export async function saveFactoryContacts(
  trx: Transaction<DB>,
  ctx: CoreContext,
  factoryId: string,
  contacts: readonly ContactValues[],
  removedIds: readonly string[],
  path: (string | number)[],
): Promise<void> {
  if (contacts.length === 0 && removedIds.length === 0) return
  // Only the contacts the call names are read: the others are left as they are.
  const namedIds = [
    ...new Set([...contacts.flatMap((c) => (c.id === undefined ? [] : [c.id])), ...removedIds]),
  ]
  const stored = new Map((await findContactsOfFactory(trx, factoryId, namedIds)).map((row) => [row.id, row]))
  const named = new Set<string>()
  contacts.forEach((contact, index) => {
    if (contact.id === undefined) return
    if (!stored.has(contact.id) || named.has(contact.id)) {
      throw invalid(`contacts.${index}.id: no contact ${contact.id} of this factory, or named twice`, [
        {
          path: [...path, 'contacts', index, 'id'],
          messageKey: 'errors.reference.missing',
          params: { table: 'factory_contacts' },
        },
      ])
    }
    named.add(contact.id)
  })
  removedIds.forEach((id, index) => {
    if (!stored.has(id) || named.has(id)) {
      throw invalid(`removedContactIds.${index}: no contact ${id} of this factory, or also kept`, [
        {
          path: ['removedContactIds', index],
          messageKey: 'errors.reference.missing',
          params: { table: 'factory_contacts' },
        },
      ])
    }
  })
  for (const id of new Set(removedIds)) {
    // Removed by someone else already (sync): nothing left to do, and not an error.
    if (stored.get(id)?.deleted_at == null) await tombstoneRow(trx, ctx.write, factoryContactsTable, id)
  }
  let added = false
  for (const [index, contact] of contacts.entries()) {
    const columns = {
      name: contact.name,
      role: contact.role,
      phone: contact.phone,
      wechat: contact.wechat,
      sort_order: index,
    }
    const current = contact.id === undefined ? undefined : stored.get(contact.id)
    if (current && current.deleted_at == null) {
      await updateRow(trx, ctx.write, factoryContactsTable, current.id, columns)
    } else {
      // New, or edited here while another buyer removed it: saved as a contact of its own, so the
      // edit is kept rather than written into a removed row.
      await insertRow(trx, ctx.write, factoryContactsTable, { factory_id: factoryId, ...columns })
      added = true
    }
  }
  // Only an added contact can pass the limit (the list itself is capped by the contract).
  if (added && (await countLiveContacts(trx, factoryId)) > MAX_CONTACTS) {
    throw invalid(`a factory keeps at most ${MAX_CONTACTS} contacts`, [
      { path: [...path, 'contacts'], messageKey: 'errors.tooMany' },
    ])
  }
}
