import { LineChart } from '@mantine/charts'
import {
  curveQuantities,
  displayUnitPrice,
  planOf,
  unitCostCurve,
  type CompareQuotesInput,
  type QuoteComparison,
} from '@core/domain/pricing'
import type { QuoteLabel } from '@core/targets/targets.contract'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { SERIES_COLORS } from './charts'
import { LineKey, type ChartLine } from './LineKey'

/**
 * Each quote's landed unit cost across order quantities (retail packs, log scale): tier steps show as
 * steps, below MOQ a quote has no line; the target and the planned order are marked.
 */
export function TierCurveChart({
  input,
  comparison,
  labels,
}: {
  input: CompareQuotesInput
  comparison: QuoteComparison
  labels: Map<string, QuoteLabel>
}) {
  const { t } = useTranslation()
  const plan = planOf(input.sku, input.whatIf)
  const { data, series } = useMemo(() => {
    const quantities = curveQuantities(input.quotes, plan)
    const curves = input.quotes.map((quote) => unitCostCurve(quote, plan, input.rates, quantities))
    const rows = quantities.map((qty, i) => {
      const row: Record<string, number | null> = { qty }
      input.quotes.forEach((quote, q) => {
        const cost = curves[q]?.[i]?.unitCost
        row[quote.id] = cost == null ? null : Number(cost)
      })
      return row
    })
    return {
      data: rows,
      series: input.quotes.map((quote, q) => ({
        name: quote.id,
        label: labels.get(quote.id)?.factoryName ?? quote.id,
        color: SERIES_COLORS[q % SERIES_COLORS.length],
      })),
    }
    // plan is derived from input; its fields are the real dependencies.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [input.quotes, input.rates, plan.unitsPerRetailPack, plan.plannedOrderRetailPacks, labels])

  // The curve has a point just before each tier starts (to draw the step); ticks show the tier starts.
  const ticks = data.map((row) => row.qty!).filter((qty, _, all) => !all.includes(qty + 1))
  const format = (value: number) => `¥${displayUnitPrice(String(value))}`
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
  const yLines = maxLanded
    ? [{ y: Number(maxLanded), color: 'teal.7', strokeDasharray: '6 4', ifOverflow: 'extendDomain' as const }]
    : []
  const key: ChartLine[] = maxLanded
    ? [
        {
          color: 'teal.7',
          dashed: true,
          label: t('comparison.chart.targetLine', { price: format(Number(maxLanded)) }),
        },
      ]
    : []
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
        withLegend
        // On top: below, the legend sat on the x-axis title.
        legendProps={{ verticalAlign: 'top', height: 36 }}
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
    </>
  )
}
