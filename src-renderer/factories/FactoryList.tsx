import {
  FACTORY_STATUSES,
  type FactorySortKey,
  type FactoryStatus,
  type FactorySummary,
} from '@core/factories/factories.contract'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useCallback, useEffect, useMemo, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import classes from './FactoryList.module.css'
import { FactoryListHeader, type SortState } from './FactoryListHeader'
import { FactoryListRow, type RowLabels } from './FactoryListRow'
import { useCertificateFlags } from '../certificates/use-certificate-flags'
import { HEADER_HEIGHT, ROW_HEIGHT } from './list-columns'
import { useRovingList } from '../common/use-roving-list'

/**
 * The factory list, virtualized: only the rows in view (plus a few) are in the DOM, so 10,000 factories
 * scroll as smoothly as 10. It is as tall as all the matches from the start; rows whose page has not
 * arrived yet are left blank and asked for as they come near. The sticky header sits inside the
 * scroller so it follows horizontal scroll.
 */
export function FactoryList({
  count,
  rowAt,
  onRows,
  resetKey,
  sort,
  onSort,
  placeholder,
}: {
  /** Number of rows (every match, loaded or not). */
  count: number
  /** The row at an index, or undefined while it loads. */
  rowAt: (index: number) => FactorySummary | undefined
  /** Called with the first and last index in view, so their pages can be loaded. */
  onRows: (start: number, end: number) => void
  /** The list scrolls back to the top when this changes (a new search, filter or sort). */
  resetKey: string
  sort: SortState
  onSort: (key: FactorySortKey) => void
  /** Shown instead of rows (loading, empty, no match). */
  placeholder?: React.ReactNode
}) {
  const { t, i18n } = useTranslation()
  const scrollRef = useRef<HTMLDivElement>(null)
  const certificateFlags = useCertificateFlags()
  const labels = useMemo<RowLabels>(
    () => ({
      status: Object.fromEntries(FACTORY_STATUSES.map((s) => [s, t(`status.${s}`)])) as Record<
        FactoryStatus,
        string
      >,
      oemBrands: t('factories.fields.oemBrands'),
      creditCodeWarning: t('factories.creditCodeWarning'),
      none: t('common.none'),
      neverVisited: t('factoryPage.glance.never'),
    }),
    // i18n.language: new labels when the language changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, i18n.language],
  )
  // Stable between renders: a new key function makes the virtualizer remeasure every row.
  const getItemKey = useCallback((index: number) => rowAt(index)?.id ?? `pending-${index}`, [rowAt])
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    scrollMargin: HEADER_HEIGHT,
    getItemKey,
  })
  const rows = virtualizer.getVirtualItems()
  const start = rows[0]?.index ?? 0
  const end = rows[rows.length - 1]?.index ?? 0
  const roving = useRovingList({
    count,
    scrollToIndex: (index) => virtualizer.scrollToIndex(index, { align: 'auto' }),
    rendered: [start, end],
  })

  useEffect(() => {
    if (count > 0) onRows(start, end)
  }, [start, end, count, onRows])

  // Not on mount (it starts at the top, and scrolling would force a layout before the first paint).
  const shownFor = useRef(resetKey)
  useEffect(() => {
    if (shownFor.current === resetKey) return
    shownFor.current = resetKey
    scrollRef.current?.scrollTo({ top: 0 })
  }, [resetKey])

  return (
    <div
      ref={scrollRef}
      className={classes.scroller}
      data-testid="factory-list"
      role="table"
      {...roving.listProps}
    >
      <FactoryListHeader sort={sort} onSort={onSort} />
      {placeholder ?? (
        <div className={classes.body} style={{ height: virtualizer.getTotalSize() }} role="rowgroup">
          {rows.map((row) => {
            const factory = rowAt(row.index)
            return factory ? (
              <FactoryListRow
                key={row.key}
                factory={factory}
                top={row.start - HEADER_HEIGHT}
                labels={labels}
                certificate={certificateFlags.get(factory.id)}
                index={row.index}
                tabbable={row.index === roving.tabbable}
                focusClass={roving.itemClassName ?? ''}
                onFocusRow={roving.onItemFocus}
              />
            ) : null
          })}
        </div>
      )}
    </div>
  )
}
