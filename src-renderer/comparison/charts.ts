import type { QuoteComparisonRow } from '@core/domain/pricing'

/** Series colours, one per quote, distinguishable in light and dark. */
export const SERIES_COLORS = [
  'blue.6',
  'teal.6',
  'grape.6',
  'orange.6',
  'cyan.6',
  'pink.6',
  'lime.7',
  'indigo.5',
]

/** Bar colour of a unit cost: the verdict's colour, so the chart and the badges agree. */
export function verdictColor(row: QuoteComparisonRow | undefined): string {
  switch (row?.verdict?.status) {
    case 'met':
      return 'teal.6'
    case 'within10':
      return 'yellow.6'
    case 'missed':
      return 'red.6'
    default:
      return 'gray.5'
  }
}
