import type { Kysely, Transaction } from 'kysely'
import type { CoreContext } from '../api/context'
import { AppError, notFound } from '../api/errors'
import type { DB } from '../db/schema'
import { inTransaction, insertRow, tombstoneRow, updateRow } from '../write/write-path'
import {
  type Category,
  type CategoryOverride,
  type CategoryPolicy,
  type CategoryValues,
} from './categories.contract'
// Kept here too: samples and SKU briefs read it beside the policy check.
export { overrideFromReason } from './categories.contract'
import { overrideReasonFor, policyFrom, STATUS_ORDER, type RecordedCategory } from '../domain/category-policy'
export type { RecordedCategory } from '../domain/category-policy'
import {
  findLiveCategoriesByName,
  findLiveCategory,
  listLiveCategories,
  type CategoryRow,
} from './categories.repository'
import { categoriesTable } from './categories.columns'

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

const collator = new Intl.Collator('zh-Hans-CN', { numeric: true })

/** The policy of a category name, from its live rows. */
export async function categoryPolicy(
  db: Kysely<DB> | Transaction<DB>,
  category: string,
): Promise<CategoryPolicy> {
  const name = category.trim()
  return policyFrom(name, name === '' ? [] : await findLiveCategoriesByName(db, name))
}

/** The refusal of a record in an excluded category without an override, on the category field. */
export function excludedCategoryError(category: string, path: (string | number)[]): AppError {
  return new AppError(
    'validation',
    'errors.validation',
    `${path.join('.')}: category ${category} is excluded; an override with a reason is required`,
    [{ path, messageKey: 'errors.category.excluded', params: { category } }],
  )
}

/**
 * The category check every record with a category goes through (samples, SKU briefs), inside the write's
 * transaction: the override reason to store (see overrideReasonFor), or the refusal.
 */
export async function checkCategoryPolicy(
  trx: Transaction<DB>,
  category: string,
  override: CategoryOverride | null,
  previous: RecordedCategory | null,
  path: (string | number)[],
): Promise<string> {
  const policy = await categoryPolicy(trx, category)
  const reason = overrideReasonFor(policy, override, previous)
  if (reason === null) throw excludedCategoryError(policy.category, path)
  return reason
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
