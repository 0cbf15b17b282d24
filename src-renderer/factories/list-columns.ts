import type { FactorySortKey } from '@core/factories/factories.contract'

/** A column of the factory list. */
export interface ListColumn {
  /** i18n key under factories.columns. */
  key: 'name' | 'place' | 'industrialBelt' | 'categories' | 'status' | 'lastVisit' | 'updatedAt'
  /** What a click on its header sorts by; absent when the column cannot be sorted. */
  sort?: FactorySortKey
  /** Its share of the CSS grid. */
  width: string
}

export const LIST_COLUMNS: ListColumn[] = [
  { key: 'name', sort: 'name', width: 'minmax(240px, 2.4fr)' },
  { key: 'place', sort: 'province', width: 'minmax(110px, 1fr)' },
  { key: 'industrialBelt', sort: 'industrialBelt', width: 'minmax(120px, 1.1fr)' },
  { key: 'categories', width: 'minmax(150px, 1.6fr)' },
  { key: 'status', sort: 'status', width: '92px' },
  { key: 'lastVisit', width: '136px' },
  { key: 'updatedAt', sort: 'updatedAt', width: '132px' },
]

/** Header and rows share one grid so the columns line up. */
export const GRID_TEMPLATE = LIST_COLUMNS.map((c) => c.width).join(' ')

/** Fixed row height: the virtualizer needs no measuring, so scrolling stays cheap at 10,000 rows. */
export const ROW_HEIGHT = 48
export const HEADER_HEIGHT = 36

/** Direction a column starts with on its first click: newest first for time, A→Z for text. */
export function defaultDirection(sort: FactorySortKey): 'asc' | 'desc' {
  return sort === 'updatedAt' ? 'desc' : 'asc'
}
