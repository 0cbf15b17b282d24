import { useCallback, useState, type KeyboardEvent } from 'react'
import classes from './roving.module.css'

/** How one list answers the keyboard. */
export interface RovingListOptions {
  /** Number of rows (every row, rendered or not). */
  count: number
  /** Opens the row (Enter). Left out where each row is a link, which Enter follows by itself. */
  onOpen?: (index: number) => void
  /** Toggles the row's selection (Space), for lists that select. */
  onToggle?: (index: number) => void
  /** A virtualized list brings a row into the DOM before it takes focus. */
  scrollToIndex?: (index: number) => void
  /** First and last rendered row of a virtualized list; every row when left out. */
  rendered?: readonly [number, number]
}

/** The attribute that numbers the rows; rows that render their own props set it too. */
export const ROVING_INDEX = 'data-roving-index'
const INDEX = ROVING_INDEX

/** Focuses a row, bringing it into a virtualized list first (it appears a frame or two later). */
function focusRow(
  container: HTMLElement,
  index: number,
  scrollToIndex: ((index: number) => void) | undefined,
  attempt = 0,
): void {
  const row = container.querySelector<HTMLElement>(`[${INDEX}="${index}"]`)
  if (row) {
    row.focus()
    row.scrollIntoView({ block: 'nearest' })
    return
  }
  if (attempt === 0) scrollToIndex?.(index)
  if (attempt < 5) requestAnimationFrame(() => focusRow(container, index, scrollToIndex, attempt + 1))
}

/**
 * Roving focus for a list (the WAI-ARIA pattern): the whole list is one Tab stop, ↑/↓ (and Home/End,
 * PageUp/PageDown by ten) move between rows, Enter opens the row, Space toggles its selection. The row
 * that has the keyboard shows a focus ring. One piece for every list: plain tables and the virtualized
 * factory list alike.
 */
export function useRovingList({ count, onOpen, onToggle, scrollToIndex, rendered }: RovingListOptions) {
  const [active, setActive] = useState(0)
  const current = Math.min(active, Math.max(count - 1, 0))
  // The row that takes Tab: the active one, or (scrolled out of a virtualized list) the nearest rendered.
  const tabbable = rendered ? Math.min(Math.max(current, rendered[0]), rendered[1]) : current

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const target = event.target as HTMLElement
    // Keys typed into a control inside a row (a checkbox, a button) are that control's.
    const at = target.getAttribute(INDEX)
    if (at === null || count === 0) return
    const index = Number(at)
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      Home: 0,
      End: count - 1,
      PageDown: index + 10,
      PageUp: index - 10,
    }
    const to = moves[event.key]
    if (to !== undefined) {
      event.preventDefault()
      const next = Math.min(Math.max(to, 0), count - 1)
      setActive(next)
      focusRow(event.currentTarget, next, scrollToIndex)
    } else if (event.key === 'Enter' && onOpen) {
      event.preventDefault()
      onOpen(index)
    } else if (event.key === ' ' && onToggle) {
      event.preventDefault()
      onToggle(index)
    }
  }

  // Stable, so memoized rows (the virtualized list's) stay memoized.
  const onItemFocus = useCallback((index: number) => setActive(index), [])
  return {
    /** The row index that takes Tab (for rows that render their own props, memoized). */
    tabbable,
    /** Call as a row takes focus (by click or Tab) so the arrows start from it. */
    onItemFocus,
    /** The focus ring's class, for rows that render their own props. */
    itemClassName: classes.item,
    /** Spread on the element that holds the rows. */
    listProps: { onKeyDown },
    /** Spread on each row. */
    itemProps: (index: number) => ({
      tabIndex: index === tabbable ? 0 : -1,
      [INDEX]: index,
      className: classes.item,
      onFocus: (event: React.FocusEvent<HTMLElement>) => {
        if (event.target === event.currentTarget) onItemFocus(index)
      },
    }),
  }
}
