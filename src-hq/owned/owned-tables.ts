import type { z } from 'zod'
import type { CategoryOverride } from '../../src-main/core/categories/categories.contract'
import type { RecordedCategory } from '../../src-main/core/domain/category-policy'
import { demandSignalColumns, toDemandSignal } from '../../src-main/core/demand/demand.columns'
import type { DemandSignalRow } from '../../src-main/core/demand/demand.repository'
import { benchmarkColumns, skuColumns, toBenchmark, toSku } from '../../src-main/core/skus/skus.columns'
import type { BenchmarkRow, SkuRow } from '../../src-main/core/skus/skus.repository'
import { type OWNED_VALUES, type OwnedTableName } from '../admin.contract'

/**
 * The tables HQ writes (devices only read them): for each, the laptop's own zod schema of its values
 * and the mapping between those values and the table's columns, so a row HQ writes is exactly the row
 * the laptop's own service would have written.
 */

/** Column values of one row, as the messages carry them (decoded JSON). */
export type Columns = Record<string, unknown>

/** A reference from one owned row to another that must be live (a benchmark's SKU). */
export interface OwnedReference {
  table: OwnedTableName
  id: string
  /** Where the reference sits in the values, for the field error. */
  path: string[]
}

export interface OwnedTable<S extends z.ZodType = z.ZodType> {
  /** The row's columns (without id and timestamps) for valid values. */
  columns(values: z.output<S>): Columns
  /** The values back from a row's columns (the console's edit forms start from them). */
  valuesOf(row: Columns & { id: string }): z.input<S>
  /** Rows these values point at, which must exist. */
  references(values: z.output<S>): OwnedReference[]
  /** A column whose value must be unique among live rows (the category name). */
  unique?: keyof z.output<S> & string
  /** A row filed under a category follows the category policy, as the laptop's own service does. */
  categoryRule?: CategoryRule<z.output<S>>
}

/** Where a row keeps its category and the reason for filing it under an excluded one. */
export interface CategoryRule<V> {
  category(values: V): string
  override(values: V): CategoryOverride | null
  /** The category and reason the row was saved with (an update may keep an excluded category). */
  previous(columns: Columns): RecordedCategory
  /** The column the override reason is stored in. */
  reasonColumn: string
}

function define<T extends OwnedTableName>(
  _name: T,
  table: OwnedTable<(typeof OWNED_VALUES)[T]>,
): OwnedTable<(typeof OWNED_VALUES)[T]> {
  return table
}

// Only the columns a row of that table has: the mapping functions take the laptop's row types.
const asRow = <R>(row: Columns & { id: string }): R =>
  ({ created_at: '', updated_at: '', deleted_at: null, ...row }) as R

export const OWNED_TABLES = {
  skus: define('skus', {
    // The override reason column comes from the category rule below.
    columns: skuColumns,
    valuesOf: (row) => {
      const {
        id: _id,
        retailPackUnits: _units,
        createdAt: _c,
        updatedAt: _u,
        ...values
      } = toSku(asRow<SkuRow>(row))
      return values
    },
    references: () => [],
    categoryRule: {
      category: (values) => values.category,
      override: (values) => values.categoryOverride ?? null,
      previous: (columns) => ({
        category: String(columns.category ?? ''),
        reason: String(columns.category_override_reason ?? ''),
      }),
      reasonColumn: 'category_override_reason',
    },
  }),
  benchmarks: define('benchmarks', {
    columns: benchmarkColumns,
    valuesOf: (row) => {
      const {
        id: _id,
        unitsPerPack: _units,
        createdAt: _c,
        updatedAt: _u,
        ...values
      } = toBenchmark(asRow<BenchmarkRow>(row))
      return values
    },
    references: (values) => [{ table: 'skus', id: values.skuId, path: ['skuId'] }],
  }),
  demand_signals: define('demand_signals', {
    columns: demandSignalColumns,
    valuesOf: (row) => {
      const { id: _id, createdAt: _c, updatedAt: _u, ...values } = toDemandSignal(asRow<DemandSignalRow>(row))
      return values
    },
    references: (values) => [{ table: 'skus', id: values.skuId, path: ['skuId'] }],
  }),
  categories: define('categories', {
    columns: (values) => ({ name: values.name, status: values.status, note: values.note }),
    valuesOf: (row) => ({
      name: row.name as string,
      status: row.status as 'focus' | 'normal' | 'excluded',
      note: row.note as string,
    }),
    references: () => [],
    unique: 'name',
  }),
} satisfies { [K in OwnedTableName]: OwnedTable<(typeof OWNED_VALUES)[K]> }
