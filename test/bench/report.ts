import type { Timing } from './stats'

/** One line of the bench table: a figure of ours beside a baseline from the same run. */
export interface BenchRow {
  /** What was measured. */
  what: string
  /** Our figure; null when it could not be measured (then `note` says why). */
  value: Timing | null
  /** What the baseline is, in a few words. */
  baselineWhat: string
  /** The baseline figure. */
  baseline: Timing | null
  /** DESIGN.md's target for the p95 (or for the single value), in `unit`. */
  target: number | null
  /** Unit of value, baseline and target. */
  unit: 'ms' | 'nodes'
  /** Why a figure is missing, or a remark worth reading beside it. */
  note?: string
}

function show(value: number | undefined, unit: BenchRow['unit']): string {
  if (value === undefined || Number.isNaN(value)) return '-'
  if (unit === 'nodes') return String(Math.round(value))
  if (value < 0.1) return `${(value * 1000).toFixed(1)} us`
  if (value < 10) return `${value.toFixed(2)} ms`
  return `${value.toFixed(value < 100 ? 1 : 0)} ms`
}

function pair(timing: Timing | null, unit: BenchRow['unit']): string {
  if (!timing) return '-'
  if (timing.samples === 1 || unit === 'nodes') return show(timing.p50, unit)
  return `${show(timing.p50, unit)} / ${show(timing.p95, unit)}`
}

function ratio(value: number): string {
  return `${value < 0.1 ? value.toPrecision(1) : value.toFixed(1)}x`
}

function verdict(row: BenchRow): string {
  if (!row.value || row.target === null) return ''
  return row.value.p95 <= row.target ? 'yes' : 'NO'
}

/** The bench result as a plain-text table a person reads top to bottom. */
export function renderTable(rows: BenchRow[]): string {
  const header = ['what', 'ours p50 / p95', 'baseline p50 / p95', 'ratio', 'target (p95)', 'meets']
  const body = rows.map((row) => [
    row.what,
    row.value ? pair(row.value, row.unit) : 'not measurable yet',
    row.baseline ? `${pair(row.baseline, row.unit)}  (${row.baselineWhat})` : `- (${row.baselineWhat})`,
    row.value && row.baseline && row.baseline.p50 > 0 ? ratio(row.value.p50 / row.baseline.p50) : '-',
    row.target === null ? '-' : `<= ${show(row.target, row.unit)}`,
    verdict(row),
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => (cells[i] ?? '').length)))
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd()
  const notes = rows.filter((r) => r.note).map((r) => `  - ${r.what}: ${r.note}`)
  return [
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...body.map(line),
    ...(notes.length ? ['', 'Notes:', ...notes] : []),
  ].join('\n')
}
