import type { ApiError } from '@core/api/errors'
import type { Category } from '@core/categories/categories.contract'
import { packUnits } from '@core/domain/pricing'
import { BenchmarkInput, SkuInput, type Benchmark, type Sku } from '@core/skus/skus.contract'
import { CategoryInput } from '@core/categories/categories.contract'
import { policyFrom, STATUS_ORDER } from '@core/domain/category-policy'
import { ApiCallError } from '../../src-renderer/api/api-call-error'
import type { Envelope, Transport } from '../../src-renderer/api/transport'
import type { OwnedRow, OwnedTableName } from '../admin.contract'
import type { HqApi } from './hq-api'

/**
 * The renderer's SKU, benchmark and category editors call the app's API ('skus.create',
 * 'categories.list' …). In the console the same calls are answered by HQ's admin routes, so those
 * editors run unchanged: this transport turns each call into its admin.rows.* route and each row into
 * the object the app's contract returns.
 */

export function toSku(row: OwnedRow): Sku {
  const values = SkuInput.parse(row.values)
  return {
    ...values,
    id: row.id,
    retailPackUnits: packUnits(values.retailPackSpec),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  }
}

export function toBenchmark(row: OwnedRow): Benchmark {
  const values = BenchmarkInput.parse(row.values)
  return {
    ...values,
    id: row.id,
    unitsPerPack: packUnits(values.packSpec),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  }
}

const collator = new Intl.Collator('zh-Hans-CN', { numeric: true })

function toCategories(rows: OwnedRow[]): Category[] {
  return rows
    .map((row) => ({
      ...CategoryInput.parse(row.values),
      id: row.id,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    }))
    .sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || collator.compare(a.name, b.name))
}

/** Newest observation first, as benchmarks.list answers on the laptop. */
function newestFirst(a: Benchmark, b: Benchmark): number {
  return b.observedAt.localeCompare(a.observedAt) || b.createdAt.localeCompare(a.createdAt)
}

type Input = Record<string, unknown> & { id?: string; values?: Record<string, unknown> }

/** The app call's answer, from HQ's routes. */
async function answer(hq: HqApi, name: string, input: Input): Promise<unknown> {
  const list = async (table: OwnedTableName) => (await hq.call('admin.rows.list', { table })).rows
  const create = (table: OwnedTableName) => hq.call('admin.rows.create', { table, values: input } as never)
  const update = (table: OwnedTableName) =>
    hq.call('admin.rows.update', { table, id: input.id, values: input.values } as never)
  const remove = async (table: OwnedTableName) => hq.call('admin.rows.delete', { table, id: input.id! })
  switch (name) {
    case 'skus.get':
      return toSku((await list('skus')).find((row) => row.id === input.id) ?? notFound(name))
    case 'skus.create':
      return toSku(await create('skus'))
    case 'skus.update':
      return toSku(await update('skus'))
    case 'skus.delete':
      return remove('skus')
    case 'benchmarks.list':
      return (await list('benchmarks'))
        .map(toBenchmark)
        .filter((b) => b.skuId === input.skuId)
        .sort(newestFirst)
    case 'benchmarks.create':
      return toBenchmark(await create('benchmarks'))
    case 'benchmarks.update':
      return toBenchmark(await update('benchmarks'))
    case 'benchmarks.delete':
      return remove('benchmarks')
    case 'categories.list':
      return toCategories(await list('categories'))
    case 'categories.create':
      return toCategories([await create('categories')])[0]
    case 'categories.update':
      return toCategories([await update('categories')])[0]
    case 'categories.delete':
      return remove('categories')
    case 'categories.policy': {
      // The editors warn about an excluded category as they type, as on the laptop; HQ checks again.
      const name = String(input.category ?? '').trim()
      const rows = toCategories(await list('categories')).filter((c) => c.name.trim() === name)
      return policyFrom(name, rows)
    }
    default:
      throw new ApiCallError(name, error('unknown_call', 'errors.unknownCall', `${name} is not served by HQ`))
  }
}

function error(code: string, messageKey: string, message: string): ApiError {
  return { code, messageKey, message, fields: [] } as ApiError
}

function notFound(name: string): never {
  throw new ApiCallError(name, error('not_found', 'errors.notFound', 'not found'))
}

/**
 * A create's values sit at the top of the app's input but under 'values' in HQ's: its field errors
 * move up, so the editor marks the same fields it would on the laptop.
 */
function asAppError(name: string, apiError: ApiError): ApiError {
  if (!name.endsWith('.create')) return apiError
  const fields = apiError.fields.map((f) => (f.path[0] === 'values' ? { ...f, path: f.path.slice(1) } : f))
  return { ...apiError, fields }
}

export function appCallsOnHq(hq: HqApi): Transport {
  return async (name, input): Promise<Envelope> => {
    try {
      return { ok: true, value: await answer(hq, name, input as Input) }
    } catch (e) {
      if (e instanceof ApiCallError) return { ok: false, error: asAppError(name, e.apiError) }
      return { ok: false, error: error('internal', 'errors.internal', String(e)) }
    }
  }
}
