import { MAX_SCORE } from '@core/domain/scorecard'

/** An average score as shown: one decimal ('3.7'), or null when nothing was scored. */
export function formatScore(score: number | null): string | null {
  return score === null ? null : score.toFixed(1)
}

/** Mantine colour of a 1–5 score: red when weak, teal when strong. */
export function scoreColor(score: number): string {
  if (score >= MAX_SCORE - 0.75) return 'teal'
  if (score >= 3) return 'blue'
  if (score >= 2) return 'orange'
  return 'red'
}

/** How a score moved since the previous visit, as the factory page writes it: '▲ +1', '▼ −2', '='. */
export function formatDelta(delta: number): string {
  if (delta > 0) return `▲ +${delta}`
  if (delta < 0) return `▼ −${Math.abs(delta)}`
  return '='
}

/** Today on this device, 'YYYY-MM-DD' (visit and tour dates are local calendar days). */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** The day within [start, end] nearest to `day` (a new visit on a tour defaults into the tour). */
export function clampDay(day: string, start: string, end: string): string {
  if (day < start) return start
  if (day > end) return end
  return day
}
