import { Stack, Text } from '@mantine/core'
import { compareQuotes } from '@core/domain/pricing'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { ComparisonSummaryCards } from '../comparison/ComparisonSummaryCards'
import { ComparisonTable } from '../comparison/ComparisonTable'
import { TierCurveChart } from '../comparison/TierCurveChart'
import { UnitCostChart } from '../comparison/UnitCostChart'
import { TargetStatusBadge } from '../targets/TargetStatusBadge'
import { ReportSection } from './ReportSection'
import type { SampleReportData } from './report-types'
import { targetAdvice } from './target-advice'

type ReportComparison = NonNullable<SampleReportData['comparison']>

/**
 * The SKU's quotes against the one-third target, drawn by the SKU page's own table and charts (ranked
 * by the same engine), with the verdict and what it would take to meet the target in words.
 */
export function ComparisonSection({
  data,
  detail = true,
}: {
  data: ReportComparison
  /** false: the verdict and figures only (a tour prints each SKU's table and charts once). */
  detail?: boolean
}) {
  const { t } = useTranslation()
  const comparison = useMemo(() => compareQuotes(data.input), [data.input])
  const labels = useMemo(() => new Map(data.labels.map((l) => [l.quoteId, l])), [data.labels])
  const quotes = useMemo(() => new Map(data.input.quotes.map((q) => [q.id, q])), [data.input.quotes])
  const packTexts = useMemo(() => new Map(data.packTexts.map((p) => [p.quoteId, p.text])), [data.packTexts])
  const unit = data.sku.comparableUnit
  const advice = targetAdvice(t, comparison, labels, unit)
  return (
    <>
      <ReportSection title={t('reports.comparison.title', { sku: data.sku.name })} testId="report-target">
        <div className="print-verdict" data-status={comparison.summary.status}>
          <TargetStatusBadge status={comparison.summary.status} size="lg" testId="report-target-status" />
          <Stack gap={2}>
            {advice.map((line) => (
              <Text key={line} size="sm" data-testid="report-advice">
                {line}
              </Text>
            ))}
          </Stack>
        </div>
        <ComparisonSummaryCards summary={comparison.summary} labels={labels} unit={unit} />
      </ReportSection>
      {detail && comparison.rows.length > 0 ? (
        <>
          <ReportSection title={t('reports.comparison.table')} keepTogether={false}>
            <div className="print-comparison-table">
              <ComparisonTable
                rows={comparison.rows}
                quotes={quotes}
                labels={labels}
                packTexts={packTexts}
                unit={unit}
              />
            </div>
          </ReportSection>
          <ReportSection title={t('comparison.chart.unitCostTitle')}>
            <Text size="xs" c="dimmed" mb={4}>
              {t('comparison.chart.unitCostHint')}
            </Text>
            <div data-print-chart>
              <UnitCostChart comparison={comparison} labels={labels} unit={unit} />
            </div>
          </ReportSection>
          <ReportSection title={t('comparison.chart.curveTitle')}>
            <Text size="xs" c="dimmed" mb={4}>
              {t('comparison.chart.curveHint')}
            </Text>
            <div data-print-chart>
              <TierCurveChart input={data.input} comparison={comparison} labels={labels} />
            </div>
          </ReportSection>
        </>
      ) : null}
    </>
  )
}
