import { MAX_CONTACTS, type Factory, type FactoryValues } from '../factories/factories.contract'
import type { RowOutcome } from './import-rows'
import type { Duplicate } from './imports.contract'

/**
 * Rows of a factory import that name a factory already there: a live factory, or an earlier row of the
 * same file, with the same credit code or the same name and city. They are not errors: the buyer
 * chooses per row to skip (the default), update the existing factory, or add it anyway. A credit code
 * names one company, so a row matching by code cannot be added as a second factory.
 */

/** A live factory as duplicates are looked up. */
export interface FactoryKey {
  id: string
  name: string
  city: string
  credit_code: string
}

/** Names compare without spaces and width differences: 恒达纸品 and 恒达 纸品 are one factory. */
const squash = (text: string) => text.normalize('NFKC').replace(/\s+/g, '').toLowerCase()
const nameCityKey = (name: string, city: string) => `${squash(name)}\n${squash(city)}`

/** The duplicate of each good row that has one, by row number. */
export function findDuplicates(
  rows: readonly RowOutcome<FactoryValues>[],
  live: readonly FactoryKey[],
): Map<number, Duplicate> {
  const byCode = new Map<string, FactoryKey>()
  const byNameCity = new Map<string, FactoryKey>()
  for (const factory of live) {
    if (factory.credit_code !== '' && !byCode.has(factory.credit_code))
      byCode.set(factory.credit_code, factory)
    const key = nameCityKey(factory.name, factory.city)
    if (!byNameCity.has(key)) byNameCity.set(key, factory)
  }
  const earlierCode = new Map<string, { row: number; name: string }>()
  const earlierNameCity = new Map<string, { row: number; name: string }>()
  const duplicates = new Map<number, Duplicate>()
  for (const { rowNumber, values } of rows) {
    if (values === null) continue
    const code = values.creditCode
    const key = nameCityKey(values.name, values.city)
    const liveByCode = code === '' ? undefined : byCode.get(code)
    const liveByName = byNameCity.get(key)
    const fileByCode = code === '' ? undefined : earlierCode.get(code)
    const fileByName = earlierNameCity.get(key)
    let duplicate: Duplicate | null = null
    if (liveByCode) {
      duplicate = live_(liveByCode, 'creditCode', ['skip', 'update'])
    } else if (liveByName) {
      duplicate = live_(liveByName, 'nameCity', ['skip', 'update', 'add'])
    } else if (fileByCode) {
      duplicate = inFile(fileByCode, 'creditCode', ['skip'])
    } else if (fileByName) {
      duplicate = inFile(fileByName, 'nameCity', ['skip', 'add'])
    }
    if (duplicate) duplicates.set(rowNumber, duplicate)
    if (code !== '' && !earlierCode.has(code)) earlierCode.set(code, { row: rowNumber, name: values.name })
    if (!earlierNameCity.has(key)) earlierNameCity.set(key, { row: rowNumber, name: values.name })
  }
  return duplicates
}

function live_(factory: FactoryKey, by: Duplicate['by'], actions: Duplicate['actions']): Duplicate {
  return { by, factoryId: factory.id, factoryName: factory.name, row: null, actions }
}

function inFile(
  earlier: { row: number; name: string },
  by: Duplicate['by'],
  actions: Duplicate['actions'],
): Duplicate {
  return { by, factoryId: null, factoryName: earlier.name, row: earlier.row, actions }
}

/** What a duplicate matched, compared between the preview and the commit. */
export function duplicateSignature(duplicate: Duplicate | undefined): string {
  return duplicate ? `${duplicate.by}:${duplicate.factoryId ?? `row ${duplicate.row}`}` : 'new'
}

const mergeList = (existing: readonly string[], imported: readonly string[]) => [
  ...new Set([...existing, ...imported]),
]

/**
 * The existing factory with the imported row's non-empty fields merged in: a text given replaces the
 * stored one, lists gain the imported entries, the contact fills the same-named contact's empty fields
 * or is added. The status changes only when the sheet gave one. Written through the factories' write
 * path, so only changed fields are written and synced.
 */
export function mergeIntoFactory(
  existing: Factory,
  imported: FactoryValues,
  statusGiven: boolean,
): FactoryValues {
  const text = (mine: string, theirs: string) => (theirs !== '' ? theirs : mine)
  const contacts = imported.contacts.flatMap((contact) => {
    const same = existing.contacts.find((c) => squash(c.name) === squash(contact.name))
    if (same) {
      return [
        {
          id: same.id,
          name: same.name,
          role: text(same.role, contact.role),
          phone: text(same.phone, contact.phone),
          wechat: text(same.wechat, contact.wechat),
        },
      ]
    }
    return existing.contacts.length < MAX_CONTACTS ? [contact] : []
  })
  return {
    ...imported,
    name: existing.name,
    shopId: text(existing.shopId, imported.shopId),
    creditCode: text(existing.creditCode, imported.creditCode),
    province: text(existing.province, imported.province),
    city: text(existing.city, imported.city),
    address: text(existing.address, imported.address),
    industrialBelt: text(existing.industrialBelt, imported.industrialBelt),
    categories: mergeList(existing.categories, imported.categories).slice(0, 50),
    oemBrands: mergeList(existing.oemBrands, imported.oemBrands).slice(0, 50),
    certifications: mergeList(existing.certifications, imported.certifications).slice(0, 50),
    capacity: text(existing.capacity, imported.capacity),
    contacts,
    status: statusGiven ? imported.status : existing.status,
    notes: text(existing.notes, imported.notes),
  }
}
