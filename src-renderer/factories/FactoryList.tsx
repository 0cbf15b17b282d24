import type { FactorySortKey, FactorySummary } from '@core/factories/factories.contract'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useRef } from 'react'
import classes from './FactoryList.module.css'
import { FactoryListHeader, type SortState } from './FactoryListHeader'
import { FactoryListRow } from './FactoryListRow'
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
  const scrollRef = useRef<HTMLDivElement>(null)
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
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
              <FactoryListRow key={row.key} factory={factory} top={row.start - HEADER_HEIGHT} />
            ) : null
          })}
        </div>
      )}
    </div>
  )
}
