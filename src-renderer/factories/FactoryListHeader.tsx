import type { FactorySortKey } from '@core/factories/factories.contract'
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react'
import { memo } from 'react'
import { useTranslation } from 'react-i18next'
import classes from './FactoryList.module.css'
import { GRID_TEMPLATE, LIST_COLUMNS } from './list-columns'

/** Which column sorts the list, and which way. */
export interface SortState {
  /** The sort key sent to factories.list. */
  sort: FactorySortKey
  /** Ascending or descending. */
  direction: 'asc' | 'desc'
}

export const FactoryListHeader = memo(function FactoryListHeader({
  sort,
  onSort,
}: {
  sort: SortState
  onSort: (key: FactorySortKey) => void
}) {
  const { t } = useTranslation()
  return (
    <div className={classes.header} style={{ gridTemplateColumns: GRID_TEMPLATE }} role="row">
      {LIST_COLUMNS.map((column) => {
        const label = t(`factories.columns.${column.key}`)
        if (!column.sort) {
          return (
            <div key={column.key} className={classes.headerCell} role="columnheader">
              {label}
            </div>
          )
        }
        const active = sort.sort === column.sort
        const Arrow = !active ? IconArrowsSort : sort.direction === 'asc' ? IconArrowUp : IconArrowDown
        const sortKey = column.sort
        return (
          <div
            key={column.key}
            className={classes.headerCell}
            role="columnheader"
            aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
          >
            <button
              type="button"
              className={classes.sortButton}
              data-active={active || undefined}
              data-testid={`sort-${column.key}`}
              title={t('factories.sortBy', { column: label })}
              onClick={() => onSort(sortKey)}
            >
              {label}
              <Arrow size={13} stroke={active ? 2.2 : 1.5} opacity={active ? 1 : 0.5} />
            </button>
          </div>
        )
      })}
    </div>
  )
})
