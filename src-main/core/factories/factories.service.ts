import type { Transaction } from 'kysely'
import { AppError, notFound } from '../api/errors'
import type { CoreContext } from '../api/context'
import type { DB } from '../db/schema'
import { inTransaction, insertRow, insertRows, newRowId, tombstoneRow, updateRow } from '../write/write-path'
import {
  FactoryInput,
  FactoryStatus,
  creditCodeNeedsReason,
  type Factory,
  type FactoryContact,
  type FactoryGlance,
  type FactoryListQuery,
  type FactorySortKey,
  type FactoryStats,
  type FactorySummary,
  type FactoryValues,
} from './factories.contract'
import {
  countLiveFactories,
  countLiveFactoriesByStatus,
  findLiveFactory,
  findLiveFactoryByCreditCode,
  findLiveFactorySummaries,
  listLiveFactories,
  listLiveFactoriesByUpdate,
  listLiveFactorySortKeys,
  type FactoryRow,
  type FactorySortRow,
  type FactorySummaryRow,
} from './factories.repository'
import { factoryGlances } from '../visits/factory-glance'
import { factoriesTable } from './factories.columns'
import { readJson } from '../write/stored-columns'
import { factoryContactsTable } from './factory-contacts.columns'
import { contactsByFactory, saveFactoryContacts } from './factory-contacts.service'

/** The factory's own columns; its contacts are rows of factory_contacts, saved apart. */
function toColumns(values: FactoryValues): Record<string, unknown> {
  return {
    name: values.name,
    shop_id: values.shopId,
    credit_code: values.creditCode,
    // The reason belongs to a failing code: a corrected code drops it.
    credit_code_note: creditCodeNeedsReason(values.creditCode) ? values.creditCodeNote : '',
    province: values.province,
    city: values.city,
    address: values.address,
    industrial_belt: values.industrialBelt,
    categories: JSON.stringify(values.categories),
    oem_brands: JSON.stringify(values.oemBrands),
    certifications: JSON.stringify(values.certifications),
    capacity: values.capacity,
    status: values.status,
    notes: values.notes,
  }
}

// Lists decode leniently: a row stored before values were checked reads as an empty list, not a 500.
const readTags = (text: string) => readJson(text, FactoryInput.shape.categories, [])

function toFactory(row: FactoryRow, contacts: FactoryContact[]): Factory {
  return {
    id: row.id,
    name: row.name,
    shopId: row.shop_id,
    creditCode: row.credit_code,
    creditCodeNote: row.credit_code_note,
    province: row.province,
    city: row.city,
    address: row.address,
    industrialBelt: row.industrial_belt,
    categories: readTags(row.categories),
    oemBrands: readTags(row.oem_brands),
    certifications: readTags(row.certifications),
    capacity: row.capacity,
    contacts,
    status: row.status as Factory['status'],
    notes: row.notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

function toSummary(row: FactorySummaryRow, glances: Map<string, FactoryGlance>): FactorySummary {
  return {
    id: row.id,
    name: row.name,
    province: row.province,
    city: row.city,
    industrialBelt: row.industrial_belt,
    categories: readTags(row.categories),
    oemBrands: readTags(row.oem_brands),
    status: row.status as FactorySummary['status'],
    creditCodeWarning: creditCodeNeedsReason(row.credit_code) ? row.credit_code_note : null,
    contactCount: Number(row.contact_count ?? 0),
    updatedAt: row.updated_at,
    glance: glances.get(row.id) ?? { lastVisitDate: null, latestScore: null, openFollowUps: 0 },
  }
}

/** List rows with how each stands at a glance (one query for the page's factories, not one per row). */
async function summariesOf(ctx: CoreContext, rows: readonly FactorySummaryRow[]): Promise<FactorySummary[]> {
  const glances = await factoryGlances(
    ctx.db,
    rows.map((r) => r.id),
  )
  return rows.map((row) => toSummary(row, glances))
}

// Chinese names sort by pinyin, as buyers expect from Excel and WeChat.
const collator = new Intl.Collator('zh-Hans-CN', { numeric: true })

const STATUS_ORDER: Record<FactoryStatus, number> = {
  qualified: 0,
  prospect: 1,
  paused: 2,
  blacklisted: 3,
}

type RowOrder = (a: FactorySortRow, b: FactorySortRow) => number

/** The order of a sort key, ascending; sorts that SQL cannot do (pinyin) run here. */
function compareBy(key: Exclude<FactorySortKey, 'updatedAt'>): RowOrder {
  switch (key) {
    case 'name':
      return (a, b) => collator.compare(a.name, b.name)
    case 'province':
      return (a, b) =>
        collator.compare(a.province + a.city, b.province + b.city) || collator.compare(a.name, b.name)
    case 'industrialBelt':
      return (a, b) =>
        collator.compare(a.industrial_belt, b.industrial_belt) || collator.compare(a.name, b.name)
    case 'status':
      return (a, b) =>
        STATUS_ORDER[a.status as FactoryStatus] - STATUS_ORDER[b.status as FactoryStatus] ||
        collator.compare(a.name, b.name)
    default:
      return assertNever(key)
  }
}

function assertNever(value: never): never {
  throw new Error(`unhandled sort key ${JSON.stringify(value)}`)
}

/** Equal keys fall back to the id, so every query has one order and pages never overlap. */
function byIdToo(compare: RowOrder): RowOrder {
  return (a, b) => compare(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

/**
 * One page of the list and the count of every match. The default order (by last change) is sorted and
 * cut in SQL. The pinyin orders sort the sort keys of every match here (about 15 ms at 10,000), cut
 * the page, and load only that page's rows.
 */
export async function listFactories(
  ctx: CoreContext,
  query: FactoryListQuery,
): Promise<{ items: FactorySummary[]; total: number }> {
  const { sort, direction, offset, limit } = query
  if (sort === 'updatedAt') {
    const [rows, total] = await Promise.all([
      listLiveFactoriesByUpdate(ctx.db, query, { direction, offset, limit }),
      countLiveFactories(ctx.db, query),
    ])
    return { items: await summariesOf(ctx, rows), total }
  }
  const compare = byIdToo(compareBy(sort))
  const order: RowOrder = direction === 'asc' ? compare : (a, b) => compare(b, a)
  if (limit === undefined) {
    // Every row from offset on: one query for all of them beats a second one by id.
    const rows = await listLiveFactories(ctx.db, query)
    rows.sort(order)
    return { items: await summariesOf(ctx, rows.slice(offset)), total: rows.length }
  }
  const keys = await listLiveFactorySortKeys(ctx.db, query)
  keys.sort(order)
  const page = keys.slice(offset, offset + limit)
  const rows = new Map(
    (
      await findLiveFactorySummaries(
        ctx.db,
        page.map((k) => k.id),
      )
    ).map((row) => [row.id, row]),
  )
  // A factory deleted between the two queries is left out rather than shown stale.
  const found = page.flatMap((k) => {
    const row = rows.get(k.id)
    return row ? [row] : []
  })
  return { items: await summariesOf(ctx, found), total: keys.length }
}

/** Counts for the dashboard, straight from SQL (no list is loaded). */
export async function factoryStats(ctx: CoreContext): Promise<FactoryStats> {
  const byStatus: Record<FactoryStatus, number> = { prospect: 0, qualified: 0, paused: 0, blacklisted: 0 }
  for (const { status, count } of await countLiveFactoriesByStatus(ctx.db)) {
    const parsed = FactoryStatus.safeParse(status)
    // The write path validates status, so an unknown one would be a bug worth seeing.
    if (!parsed.success) throw new Error(`factory with unknown status ${JSON.stringify(status)}`)
    byStatus[parsed.data] += count
  }
  const total = Object.values(byStatus).reduce((sum, n) => sum + n, 0)
  return { total, byStatus }
}

export async function getFactory(ctx: CoreContext, id: string): Promise<Factory> {
  return readFactory(ctx.db, id)
}

/** One live factory as the caller's connection (or transaction) sees it. */
export async function readFactory(db: CoreContext['db'] | Transaction<DB>, id: string): Promise<Factory> {
  const row = await findLiveFactory(db, id)
  if (!row) throw notFound('factory', id)
  const contacts = await contactsByFactory(db, [id])
  return toFactory(row, contacts.get(id) ?? [])
}

/** Inserts factories in the caller's transaction, in bulk; returns their ids (an import's batches). */
export async function insertFactories(
  trx: Transaction<DB>,
  ctx: CoreContext,
  values: readonly FactoryValues[],
): Promise<string[]> {
  // Contacts first, under ids chosen here: the factories' search documents, written with the
  // factories, then include them (one indexing pass instead of two).
  const ids = values.map(() => newRowId())
  const contacts = values.flatMap((v, index) =>
    v.contacts.map((c, order) => ({
      factory_id: ids[index],
      name: c.name,
      role: c.role,
      phone: c.phone,
      wechat: c.wechat,
      sort_order: order,
    })),
  )
  await insertRows(trx, ctx.write, factoryContactsTable, contacts)
  return insertRows(trx, ctx.write, factoriesTable, values.map(toColumns), ids)
}

/**
 * Refuses a credit code another live factory already has, naming that factory. Runs in the saving
 * transaction, so two saves cannot both pass. `path` is where the code sits in the call's input.
 */
async function refuseTakenCreditCode(
  trx: Transaction<DB>,
  values: FactoryValues,
  exceptId: string | null,
  path: string[],
): Promise<void> {
  if (values.creditCode === '') return
  const holder = await findLiveFactoryByCreditCode(trx, values.creditCode, exceptId)
  if (!holder) return
  const params = { name: holder.name, id: holder.id }
  throw new AppError('conflict', 'errors.creditCode.taken', `credit code already on factory ${holder.id}`, [
    { path: [...path, 'creditCode'], messageKey: 'errors.creditCode.taken', params },
  ])
}

export async function createFactory(ctx: CoreContext, values: FactoryValues): Promise<Factory> {
  const id = await inTransaction(ctx.db, async (trx) => {
    await refuseTakenCreditCode(trx, values, null, [])
    // Contacts first: the factory's search document, written with the factory, then includes them.
    const id = newRowId()
    await saveFactoryContacts(trx, ctx, id, values.contacts, [], [])
    return insertRow(trx, ctx.write, factoriesTable, toColumns(values), id)
  })
  return getFactory(ctx, id)
}

/**
 * Writes the factory's changed fields and saves its contacts one by one (see saveFactoryContacts): a
 * contact not named in `values.contacts` nor in `removedContactIds` stays as it is.
 */
export async function updateFactory(
  ctx: CoreContext,
  id: string,
  values: FactoryValues,
  removedContactIds: readonly string[] = [],
): Promise<Factory> {
  await inTransaction(ctx.db, (trx) => writeFactoryUpdate(trx, ctx, id, values, removedContactIds))
  return getFactory(ctx, id)
}

/** updateFactory's writes, in the caller's transaction (an import's update of a duplicate). */
export async function writeFactoryUpdate(
  trx: Transaction<DB>,
  ctx: CoreContext,
  id: string,
  values: FactoryValues,
  removedContactIds: readonly string[] = [],
): Promise<void> {
  await refuseTakenCreditCode(trx, values, id, ['values'])
  await updateRow(trx, ctx.write, factoriesTable, id, toColumns(values))
  await saveFactoryContacts(trx, ctx, id, values.contacts, removedContactIds, ['values'])
}

export async function deleteFactory(ctx: CoreContext, id: string): Promise<void> {
  await inTransaction(ctx.db, (trx) => tombstoneRow(trx, ctx.write, factoriesTable, id))
}
