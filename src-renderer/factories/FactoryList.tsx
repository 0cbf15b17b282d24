import {
  FACTORY_STATUSES,
  type FactorySortKey,
  type FactoryStatus,
  type FactorySummary,
} from '@core/factories/factories.contract'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useMemo, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import classes from './FactoryList.module.css'
import { FactoryListHeader, type SortState } from './FactoryListHeader'
import { FactoryListRow, type RowLabels } from './FactoryListRow'
import { HEADER_HEIGHT, ROW_HEIGHT } from './list-columns'

/**
 * The factory list, virtualized: only the rows in view (plus a few) are in the DOM, so 10,000 factories
 * scroll as smoothly as 10. The sticky header sits inside the scroller so it follows horizontal scroll.
 */
export function FactoryList({
  items,
  sort,
  onSort,
  placeholder,
}: {
  items: FactorySummary[]
  sort: SortState
  onSort: (key: FactorySortKey) => void
  /** Shown instead of rows (loading, empty, no match). */
  placeholder?: React.ReactNode
}) {
  const { t, i18n } = useTranslation()
  const scrollRef = useRef<HTMLDivElement>(null)
  const labels = useMemo<RowLabels>(
    () => ({
      status: Object.fromEntries(FACTORY_STATUSES.map((s) => [s, t(`status.${s}`)])) as Record<
        FactoryStatus,
        string
      >,
      oemBrands: t('factories.fields.oemBrands'),
      none: t('common.none'),
    }),
    // i18n.language: new labels when the language changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, i18n.language],
  )
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    scrollMargin: HEADER_HEIGHT,
    getItemKey: (index) => items[index]?.id ?? index,
  })

  return (
    <div ref={scrollRef} className={classes.scroller} data-testid="factory-list" role="table">
      <FactoryListHeader sort={sort} onSort={onSort} />
      {placeholder ?? (
        <div className={classes.body} style={{ height: virtualizer.getTotalSize() }} role="rowgroup">
          {virtualizer.getVirtualItems().map((row) => {
            const factory = items[row.index]
            return factory ? (
              <FactoryListRow
                key={row.key}
                factory={factory}
                top={row.start - HEADER_HEIGHT}
                labels={labels}
              />
            ) : null
          })}
        </div>
      )}
    </div>
  )
}
