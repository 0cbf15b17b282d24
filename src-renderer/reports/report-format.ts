import dayjs from 'dayjs'

/** Local date and minute of an ISO timestamp, as printed in headers and footers. */
export function printedTime(iso: string): string {
  return dayjs(iso).format('YYYY-MM-DD HH:mm')
}

/** Local date of an ISO timestamp. */
export function printedDate(iso: string): string {
  return dayjs(iso).format('YYYY-MM-DD')
}

/** A score's movement since the previous visit: '+1', '−2', '±0'; '' when there is nothing to compare. */
export function scoreDelta(delta: number | null): string {
  if (delta === null) return ''
  if (delta === 0) return '±0'
  return delta > 0 ? `+${delta}` : `−${Math.abs(delta)}`
}

/** A mean score to one decimal, or '—'. */
export function scoreText(score: number | null): string {
  return score === null ? '—' : score.toFixed(1)
}
