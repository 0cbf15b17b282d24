import type { Kysely, Transaction } from 'kysely'
import { z } from 'zod'
import type { CoreContext } from '../api/context'
import { AppError, notFound } from '../api/errors'
import type { DB } from '../db/schema'
import { inTransaction, insertRow, tombstoneRow, updateRow, type SyncedTable } from '../write/write-path'
import {
  CategoryStatus,
  type Category,
  type CategoryOverride,
  type CategoryPolicy,
  type CategoryValues,
} from './categories.contract'
// Kept here too: samples and SKU briefs read it beside the policy check.
export { overrideFromReason } from './categories.contract'
import {
  findLiveCategoriesByName,
  findLiveCategory,
  listLiveCategories,
  type CategoryRow,
} from './categories.repository'

export const categoriesTable: SyncedTable<'categories'> = {
  name: 'categories',
  entity: 'category',
  columns: z.object({ name: z.string(), status: CategoryStatus, note: z.string() }),
}

function toCategory(row: CategoryRow): Category {
  return {
    id: row.id,
    name: row.name,
    status: row.status as Category['status'],
    note: row.note,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

const STATUS_ORDER: Record<Category['status'], number> = { focus: 0, normal: 1, excluded: 2 }
const collator = new Intl.Collator('zh-Hans-CN', { numeric: true })

/** The policy of a category name; the strictest row wins when sync left duplicates. */
export async function categoryPolicy(
  db: Kysely<DB> | Transaction<DB>,
  category: string,
): Promise<CategoryPolicy> {
  const name = category.trim()
  const rows = name === '' ? [] : await findLiveCategoriesByName(db, name)
  const strictest = rows.sort(
    (a, b) => STATUS_ORDER[b.status as Category['status']] - STATUS_ORDER[a.status as Category['status']],
  )[0]
  const status = (strictest?.status ?? 'normal') as Category['status']
  return { category: name, status, note: strictest?.note ?? '', overrideRequired: status === 'excluded' }
}

/** The category a record had before an update, and the override reason recorded then. */
export interface RecordedCategory {
  /** Category name stored on the record. */
  category: string
  /** Override reason stored on the record ('' for none). */
  reason: string
}

/**
 * The category check every record with a category goes through (samples, SKU briefs), inside the write's
 * transaction. Returns the override reason to store on the record: '' when the category is not
 * excluded. An excluded category needs `override` — except on an update that keeps the category the
 * record already had, so a record saved before HQ excluded its category can still be edited.
 */
export async function checkCategoryPolicy(
  trx: Transaction<DB>,
  category: string,
  override: CategoryOverride | null,
  previous: RecordedCategory | null,
  path: (string | number)[],
): Promise<string> {
  const policy = await categoryPolicy(trx, category)
  if (!policy.overrideRequired) return ''
  if (override) return override.reason
  if (previous && previous.category.trim() === policy.category) return previous.reason
  throw new AppError(
    'validation',
    'errors.validation',
    `${path.join('.')}: category ${policy.category} is excluded; an override with a reason is required`,
    [{ path, messageKey: 'errors.category.excluded', params: { category: policy.category } }],
  )
}

export async function listCategories(ctx: CoreContext): Promise<Category[]> {
  const rows = await listLiveCategories(ctx.db)
  rows.sort(
    (a, b) =>
      STATUS_ORDER[a.status as Category['status']] - STATUS_ORDER[b.status as Category['status']] ||
      collator.compare(a.name, b.name),
  )
  return rows.map(toCategory)
}

export async function getCategory(ctx: CoreContext, id: string): Promise<Category> {
  const row = await findLiveCategory(ctx.db, id)
  if (!row) throw notFound('category', id)
  return toCategory(row)
}

async function refuseDuplicateName(
  trx: Transaction<DB>,
  name: string,
  ownId: string | null,
  path: (string | number)[],
): Promise<void> {
  const others = (await findLiveCategoriesByName(trx, name)).filter((row) => row.id !== ownId)
  if (others.length > 0) {
    throw new AppError('conflict', 'errors.category.duplicate', `category ${name} is already listed`, [
      { path, messageKey: 'errors.category.duplicate', params: { category: name } },
    ])
  }
}

export async function createCategory(ctx: CoreContext, values: CategoryValues): Promise<Category> {
  const id = await inTransaction(ctx.db, async (trx) => {
    await refuseDuplicateName(trx, values.name, null, ['name'])
    return insertRow(trx, ctx.write, categoriesTable, { ...values })
  })
  return getCategory(ctx, id)
}

export async function updateCategory(
  ctx: CoreContext,
  id: string,
  values: CategoryValues,
): Promise<Category> {
  await inTransaction(ctx.db, async (trx) => {
    await refuseDuplicateName(trx, values.name, id, ['values', 'name'])
    await updateRow(trx, ctx.write, categoriesTable, id, { ...values })
  })
  return getCategory(ctx, id)
}

export async function deleteCategory(ctx: CoreContext, id: string): Promise<void> {
  await inTransaction(ctx.db, (trx) => tombstoneRow(trx, ctx.write, categoriesTable, id))
}
