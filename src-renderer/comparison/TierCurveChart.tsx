import { LineChart } from '@mantine/charts'
import {
  curveQuantities,
  planOf,
  unitCostCurve,
  type CompareQuotesInput,
  type QuoteComparison,
} from '@core/domain/pricing'
import type { QuoteLabel } from '@core/targets/targets.contract'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { unitPriceAmount } from '../common/figures'
import { seriesColors, seriesLabels } from './charts'
import { LineKey, type ChartLine } from './LineKey'

/**
 * Each quote's landed unit cost across order quantities (retail packs, log scale): tier steps show as
 * steps, below MOQ a quote has no line; the target and the planned order are marked. The legend sits
 * below the plot, one entry per factory and round, so nothing covers the planned-order marker.
 */
export function TierCurveChart({
  input,
  comparison,
  labels,
  unitScale = 1,
}: {
  input: CompareQuotesInput
  comparison: QuoteComparison
  labels: Map<string, QuoteLabel>
  /** The comparable unit (kept for the caller's symmetry with the unit-cost chart). */
  unit?: string
  /** Unit prices are shown per this many comparable units. */
  unitScale?: number
}) {
  const { t } = useTranslation()
  const plan = planOf(input.sku, input.whatIf)
  const names = useMemo(
    () =>
      seriesLabels([...labels.values()], (name, round) => t('quoteUi.chart.seriesLabel', { name, round })),
    [labels, t],
  )
  const colors = useMemo(() => seriesColors(input.quotes.map((q) => q.id)), [input.quotes])
  const { data, series } = useMemo(() => {
    const quantities = curveQuantities(input.quotes, plan)
    const curves = input.quotes.map((quote) => unitCostCurve(quote, plan, input.rates, quantities))
    const rows = quantities.map((qty, i) => {
      const row: Record<string, number | null> = { qty }
      input.quotes.forEach((quote, q) => {
        const cost = curves[q]?.[i]?.unitCost
        row[quote.id] = cost == null ? null : Number(cost) * unitScale
      })
      return row
    })
    return {
      data: rows,
      series: input.quotes.map((quote) => ({
        name: quote.id,
        label: names.get(quote.id) ?? quote.id,
        color: colors.get(quote.id) ?? 'gray.6',
      })),
    }
    // plan is derived from input; its fields are the real dependencies.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [
    input.quotes,
    input.rates,
    plan.unitsPerRetailPack,
    plan.plannedOrderRetailPacks,
    names,
    colors,
    unitScale,
  ])

  // The curve has a point just before each tier starts (to draw the step); ticks show the tier starts.
  const ticks = data.map((row) => row.qty!).filter((qty, _, all) => !all.includes(qty + 1))
  const format = (value: number) => `¥${unitPriceAmount(String(value), { scale: 1 })}`
  const lines = [
    {
      x: plan.plannedOrderRetailPacks,
      color: 'gray.6',
      label: t('comparison.chart.plannedLine', { packs: plan.plannedOrderRetailPacks.toLocaleString() }),
      labelPosition: 'insideTopRight' as const,
      strokeDasharray: '3 3',
    },
  ]
  const maxLanded = comparison.summary.maxLandedUnitCost
  const target = maxLanded ? Number(maxLanded) * unitScale : null
  const yLines =
    target !== null
      ? [{ y: target, color: 'teal.7', strokeDasharray: '6 4', ifOverflow: 'extendDomain' as const }]
      : []
  const key: ChartLine[] =
    target !== null
      ? [
          {
            color: 'teal.7',
            dashed: true,
            label: t('comparison.chart.targetLine', { price: format(target) }),
          },
        ]
      : []
  const legend: ChartLine[] = series.map((s) => ({ color: s.color, label: s.label }))
  return (
    <>
      <LineKey lines={key} />
      <LineChart
        h={280}
        data={data}
        dataKey="qty"
        series={series}
        curveType="stepAfter"
        connectNulls={false}
        withLegend={false}
        valueFormatter={format}
        referenceLines={[...lines, ...yLines]}
        xAxisProps={{
          type: 'number',
          scale: 'log',
          domain: ['dataMin', 'dataMax'],
          ticks,
          tickFormatter: (v: number) => v.toLocaleString(),
        }}
        yAxisProps={{ width: 72 }}
        xAxisLabel={t('comparison.chart.orderAxis')}
        data-testid="tier-curve-chart"
      />
      <div data-testid="tier-curve-legend" style={{ marginTop: 8 }}>
        <LineKey lines={legend} thick />
      </div>
    </>
  )
}
