import { BarChart } from '@mantine/charts'
import { displayUnitPrice, type QuoteComparison } from '@core/domain/pricing'
import type { QuoteLabel } from '@core/targets/targets.contract'
import { useTranslation } from 'react-i18next'
import { verdictColor } from './charts'
import { LineKey, type ChartLine } from './LineKey'

/** Each priced quote's landed unit cost against the target line (max landed) and the brand's unit price. */
export function UnitCostChart({
  comparison,
  labels,
  unit,
}: {
  comparison: QuoteComparison
  labels: Map<string, QuoteLabel>
  unit: string
}) {
  const { t } = useTranslation()
  const priced = comparison.rows.filter((row) => row.unitCost !== null)
  const data = priced.map((row) => ({
    quote: labels.get(row.quoteId)?.factoryName ?? row.quoteId,
    unitCost: Number(row.unitCost),
    color: verdictColor(row),
  }))
  const { summary } = comparison
  const format = (value: number) => `¥${displayUnitPrice(String(value))}`
  const key: ChartLine[] = []
  const lines: { y: number; color: string; strokeDasharray?: string; ifOverflow: 'extendDomain' }[] = []
  if (summary.maxLandedUnitCost) {
    const y = Number(summary.maxLandedUnitCost)
    lines.push({ y, color: 'teal.7', strokeDasharray: '6 4', ifOverflow: 'extendDomain' })
    key.push({ color: 'teal.7', dashed: true, label: t('comparison.chart.targetLine', { price: format(y) }) })
  }
  if (summary.brand.status === 'ok') {
    const y = Number(summary.brand.unitPrice)
    lines.push({ y, color: 'red.6', ifOverflow: 'extendDomain' })
    key.push({ color: 'red.6', label: t('comparison.chart.brandLine', { price: format(y) }) })
  }
  return (
    <>
      <LineKey lines={key} />
      <BarChart
        h={280}
        data={data}
        dataKey="quote"
        series={[{ name: 'unitCost', label: t('comparison.chart.unitCost', { unit }) }]}
        valueFormatter={format}
        referenceLines={lines}
        yAxisProps={{ domain: [0, 'auto'], width: 72 }}
        maxBarWidth={56}
        withBarValueLabel
        getBarColor={(value) => data.find((d) => d.unitCost === value)?.color ?? 'gray.5'}
        data-testid="unit-cost-chart"
      />
    </>
  )
}
