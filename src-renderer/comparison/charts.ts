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

/** What a chart needs to name a quote: factory and round (from the comparison's labels). */
interface SeriesLabelSource {
  quoteId: string
  factoryName: string
  round: number
}

// Legal-form and trade words that make names long without telling factories apart.
const NAME_SUFFIXES = /(股份)?有限(责任)?公司$|股份公司$|有限公司$|厂$/
// A leading place (晋江市, 丰泽区, 茅台镇 …) repeated by every factory of a belt.
const PLACE_PREFIX = /^(.{1,4}?(省|市|县|区|镇))+/

/** A factory name short enough for a legend or an axis: '仁怀市茅台镇赤水源酒业有限公司' → '赤水源酒业'. */
export function shortFactoryName(name: string): string {
  const trimmed = name.trim().replace(NAME_SUFFIXES, '')
  const withoutPlace = trimmed.replace(PLACE_PREFIX, '')
  const short = withoutPlace.length >= 2 ? withoutPlace : trimmed
  return short.length > 8 ? `${short.slice(0, 8)}…` : short || name
}

/**
 * One label per quote for the charts' legends and axes: the short factory name, with the round whenever
 * the factory has more than one quote shown or the quote is past its first round ('禾映纸业 · 第2轮'), so
 * two quotes of one factory never look alike. `roundLabel` words the suffix in the UI's language.
 */
export function seriesLabels(
  labels: readonly SeriesLabelSource[],
  roundLabel: (name: string, round: number) => string,
): Map<string, string> {
  const perFactory = new Map<string, number>()
  for (const label of labels) perFactory.set(label.factoryName, (perFactory.get(label.factoryName) ?? 0) + 1)
  const result = new Map<string, string>()
  const used = new Map<string, number>()
  for (const label of labels) {
    const short = shortFactoryName(label.factoryName)
    const shared = (perFactory.get(label.factoryName) ?? 0) > 1
    let text = shared || label.round > 1 ? roundLabel(short, label.round) : short
    // Two threads of one factory at the same round still differ: number the later ones.
    const seen = used.get(text) ?? 0
    used.set(text, seen + 1)
    if (seen > 0) text = `${text} (${seen + 1})`
    result.set(label.quoteId, text)
  }
  return result
}

/** The colour of each quote's series, by its place among the SKU's quotes, the same in every chart. */
export function seriesColors(quoteIds: readonly string[]): Map<string, string> {
  return new Map(quoteIds.map((id, i) => [id, SERIES_COLORS[i % SERIES_COLORS.length]!]))
}

/**
 * The top of the unit-cost axis: the bars and the target line with some headroom. A brand price far
 * above them is drawn as a labelled marker at the top instead of stretching the axis (which flattened
 * the bars into the floor).
 */
export function unitCostAxisTop(values: readonly number[], target: number | null): number {
  const highest = Math.max(0, ...values, target ?? 0)
  return highest > 0 ? highest * 1.2 : 1
}

/** An axis label on its lines: the factory above, the round below ('晋江禾映纸业' / 'round 1'). */
export function axisLabelLines(label: string): string[] {
  return label.split(' · ').filter((part) => part !== '')
}
