import type { DemandSignal } from '@core/demand/demand.contract'

/** Demand signals laid out for the SKU page: one row per channel, one column per recent month. */
export interface DemandTable {
  /** The latest months with any signal, oldest first ('YYYY-MM'). */
  months: string[]
  rows: {
    channel: string
    /** The signal of each month in `months`, or null where the channel has none. */
    cells: (DemandSignal | null)[]
  }[]
  /** Units per month over every channel. */
  totals: number[]
}

/**
 * Pivots signals (any order) to the latest `maxMonths` months; channels sorted by their units in the
 * latest month, largest first, so the main channel leads.
 */
export function demandTable(signals: readonly DemandSignal[], maxMonths: number): DemandTable {
  const months = [...new Set(signals.map((s) => s.month))].sort().slice(-maxMonths)
  const column = new Map(months.map((m, i) => [m, i]))
  const byChannel = new Map<string, (DemandSignal | null)[]>()
  for (const signal of signals) {
    const index = column.get(signal.month)
    if (index === undefined) continue
    let cells = byChannel.get(signal.channel)
    if (!cells) byChannel.set(signal.channel, (cells = months.map(() => null)))
    // Two signals for one month and channel can only come from sync; show the later edit.
    const current = cells[index]
    if (!current || signal.updatedAt > current.updatedAt) cells[index] = signal
  }
  const latest = (cells: (DemandSignal | null)[]) => cells.findLast((c) => c !== null)?.monthlyUnits ?? 0
  const rows = [...byChannel]
    .map(([channel, cells]) => ({ channel, cells }))
    .sort((a, b) => latest(b.cells) - latest(a.cells) || a.channel.localeCompare(b.channel, 'zh-CN'))
  const totals = months.map((_, i) => rows.reduce((sum, row) => sum + (row.cells[i]?.monthlyUnits ?? 0), 0))
  return { months, rows, totals }
}
