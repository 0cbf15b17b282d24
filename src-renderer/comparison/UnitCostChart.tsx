import { BarChart } from '@mantine/charts'
import type { QuoteComparison } from '@core/domain/pricing'
import type { QuoteLabel } from '@core/targets/targets.contract'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { scaledUnit, unitPriceAmount } from '../common/figures'
import { axisLabelLines, seriesLabels, unitCostAxisTop, verdictColor } from './charts'
import { LineKey, type ChartLine } from './LineKey'

/** A quote's name under its bar on two lines, so long names in English do not run into each other. */
function QuoteTick({ x = 0, y = 0, payload }: { x?: number; y?: number; payload?: { value?: unknown } }) {
  const lines = axisLabelLines(String(payload?.value ?? ''))
  return (
    <text x={x} y={y} textAnchor="middle" fontSize={11} fill="currentColor" data-testid="unit-cost-tick">
      {lines.map((line, i) => (
        <tspan key={line} x={x} dy={i === 0 ? 12 : 13}>
          {line}
        </tspan>
      ))}
    </text>
  )
}

/**
 * Each priced quote's landed unit cost (per the SKU's scale) against the target line (max landed). The
 * brand's unit price is about three times the target, so on the same axis it would flatten the bars:
 * it is drawn as a line only when it fits above them, else named in the key and marked at the top edge.
 */
export function UnitCostChart({
  comparison,
  labels,
  unit,
  unitScale = 1,
}: {
  comparison: QuoteComparison
  labels: Map<string, QuoteLabel>
  unit: string
  /** Unit prices are shown per this many comparable units. */
  unitScale?: number
}) {
  const { t } = useTranslation()
  const names = useMemo(
    () =>
      seriesLabels([...labels.values()], (name, round) => t('quoteUi.chart.seriesLabel', { name, round })),
    [labels, t],
  )
  const priced = comparison.rows.filter((row) => row.unitCost !== null)
  const data = priced.map((row) => ({
    quote: names.get(row.quoteId) ?? row.quoteId,
    unitCost: Number(row.unitCost) * unitScale,
    color: verdictColor(row),
  }))
  const { summary } = comparison
  const format = (value: number) => `¥${unitPriceAmount(String(value), { scale: 1 })}`
  const key: ChartLine[] = []
  const lines: {
    y: number
    color: string
    strokeDasharray?: string
    label?: string
    labelPosition?: 'insideTopLeft'
  }[] = []
  const target = summary.maxLandedUnitCost ? Number(summary.maxLandedUnitCost) * unitScale : null
  const top = unitCostAxisTop(
    data.map((d) => d.unitCost),
    target,
  )
  if (target !== null) {
    lines.push({ y: target, color: 'teal.7', strokeDasharray: '6 4' })
    key.push({
      color: 'teal.7',
      dashed: true,
      label: t('comparison.chart.targetLine', { price: format(target) }),
    })
  }
  if (summary.brand.status === 'ok') {
    const brand = Number(summary.brand.unitPrice) * unitScale
    if (brand <= top) {
      lines.push({ y: brand, color: 'red.6' })
      key.push({ color: 'red.6', label: t('quoteUi.chart.brandOff', { price: format(brand) }) })
    } else {
      // Marked at the top edge with its value, the axis kept for the bars.
      lines.push({
        y: top,
        color: 'red.6',
        strokeDasharray: '2 3',
        label: `↑ ${format(brand)}`,
        labelPosition: 'insideTopLeft',
      })
      key.push({
        color: 'red.6',
        dashed: true,
        label: t('quoteUi.chart.brandMarker', {
          price: format(brand),
          times: target ? (brand / target).toFixed(1) : '—',
        }),
      })
    }
  }
  return (
    <>
      <LineKey lines={key} />
      <BarChart
        h={280}
        data={data}
        dataKey="quote"
        series={[
          {
            name: 'unitCost',
            label: t('comparison.chart.unitCost', { unit: scaledUnit({ unit, scale: unitScale }) }),
          },
        ]}
        valueFormatter={format}
        referenceLines={lines}
        yAxisProps={{ domain: [0, top], width: 72, allowDataOverflow: true }}
        xAxisProps={{ interval: 0, height: 40, tick: (props: object) => <QuoteTick {...props} /> }}
        maxBarWidth={56}
        withBarValueLabel
        getBarColor={(value) => data.find((d) => d.unitCost === value)?.color ?? 'gray.5'}
        data-testid="unit-cost-chart"
      />
    </>
  )
}
