import { notFound } from '../api/errors'
import type { CoreContext } from '../api/context'
import { inTransaction, insertRow, tombstoneRow, updateRow, type SyncedTable } from '../write/write-path'
import {
  FactoryStatus,
  type Factory,
  type FactorySortKey,
  type FactorySummary,
  type FactoryValues,
} from './factories.contract'
import {
  findLiveFactory,
  listLiveFactories,
  type FactoryRow,
  type FactorySummaryRow,
} from './factories.repository'
import { z } from 'zod'

/** The factories table as the write path sees it (snake_case columns, lists as JSON text). */
export const factoriesTable: SyncedTable<'factories'> = {
  name: 'factories',
  entity: 'factory',
  columns: z.object({
    name: z.string(),
    shop_id: z.string(),
    credit_code: z.string(),
    province: z.string(),
    city: z.string(),
    address: z.string(),
    industrial_belt: z.string(),
    categories: z.string(),
    oem_brands: z.string(),
    certifications: z.string(),
    capacity: z.string(),
    contacts: z.string(),
    status: FactoryStatus,
    notes: z.string(),
  }),
}

function toColumns(values: FactoryValues): Record<string, unknown> {
  return {
    name: values.name,
    shop_id: values.shopId,
    credit_code: values.creditCode,
    province: values.province,
    city: values.city,
    address: values.address,
    industrial_belt: values.industrialBelt,
    categories: JSON.stringify(values.categories),
    oem_brands: JSON.stringify(values.oemBrands),
    certifications: JSON.stringify(values.certifications),
    capacity: values.capacity,
    contacts: JSON.stringify(values.contacts),
    status: values.status,
    notes: values.notes,
  }
}

function toFactory(row: FactoryRow): Factory {
  return {
    id: row.id,
    name: row.name,
    shopId: row.shop_id,
    creditCode: row.credit_code,
    province: row.province,
    city: row.city,
    address: row.address,
    industrialBelt: row.industrial_belt,
    categories: JSON.parse(row.categories),
    oemBrands: JSON.parse(row.oem_brands),
    certifications: JSON.parse(row.certifications),
    capacity: row.capacity,
    contacts: JSON.parse(row.contacts),
    status: row.status as Factory['status'],
    notes: row.notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

function toSummary(row: FactorySummaryRow): FactorySummary {
  return {
    id: row.id,
    name: row.name,
    province: row.province,
    city: row.city,
    industrialBelt: row.industrial_belt,
    categories: JSON.parse(row.categories),
    oemBrands: JSON.parse(row.oem_brands),
    status: row.status as FactorySummary['status'],
    contactCount: (JSON.parse(row.contacts) as unknown[]).length,
    updatedAt: row.updated_at,
  }
}

// Chinese names sort by pinyin, as buyers expect from Excel and WeChat.
const collator = new Intl.Collator('zh-Hans-CN', { numeric: true })

const STATUS_ORDER: Record<FactorySummary['status'], number> = {
  qualified: 0,
  prospect: 1,
  paused: 2,
  blacklisted: 3,
}

function compareBy(key: FactorySortKey): (a: FactorySummary, b: FactorySummary) => number {
  switch (key) {
    case 'name':
      return (a, b) => collator.compare(a.name, b.name)
    case 'province':
      return (a, b) =>
        collator.compare(a.province + a.city, b.province + b.city) || collator.compare(a.name, b.name)
    case 'industrialBelt':
      return (a, b) =>
        collator.compare(a.industrialBelt, b.industrialBelt) || collator.compare(a.name, b.name)
    case 'status':
      return (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || collator.compare(a.name, b.name)
    case 'updatedAt':
      return (a, b) => (a.updatedAt < b.updatedAt ? -1 : a.updatedAt > b.updatedAt ? 1 : 0)
  }
}

export async function listFactories(
  ctx: CoreContext,
  query: {
    search: string
    statuses: FactorySummary['status'][]
    sort: FactorySortKey
    direction: 'asc' | 'desc'
  },
): Promise<{ items: FactorySummary[]; total: number }> {
  const rows = await listLiveFactories(ctx.db, query)
  const items = rows.map(toSummary)
  const compare = compareBy(query.sort)
  items.sort(query.direction === 'asc' ? compare : (a, b) => compare(b, a))
  return { items, total: items.length }
}

export async function getFactory(ctx: CoreContext, id: string): Promise<Factory> {
  const row = await findLiveFactory(ctx.db, id)
  if (!row) throw notFound('factory', id)
  return toFactory(row)
}

export async function createFactory(ctx: CoreContext, values: FactoryValues): Promise<Factory> {
  const id = await inTransaction(ctx.db, (trx) =>
    insertRow(trx, ctx.write, factoriesTable, toColumns(values)),
  )
  return getFactory(ctx, id)
}

export async function updateFactory(ctx: CoreContext, id: string, values: FactoryValues): Promise<Factory> {
  await inTransaction(ctx.db, (trx) => updateRow(trx, ctx.write, factoriesTable, id, toColumns(values)))
  return getFactory(ctx, id)
}

export async function deleteFactory(ctx: CoreContext, id: string): Promise<void> {
  await inTransaction(ctx.db, (trx) => tombstoneRow(trx, ctx.write, factoriesTable, id))
}
