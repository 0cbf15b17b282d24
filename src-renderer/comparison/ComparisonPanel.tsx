import { Button, Group, NumberInput, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core'
import { compareWithAsk, type CompareQuotesInput } from '@core/domain/pricing'
import type { QuoteLabel } from '@core/targets/targets.contract'
import { IconDownload, IconRefresh } from '@tabler/icons-react'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApiContext } from '../api/api-context'
import { errorMessage } from '../common/error-message'
import { FieldMessage } from '../common/FieldMessage'
import { notifyError } from '../common/notify'
import { downloadFile } from '../forms/download'
import type { Language } from '../i18n/language'
import { ComparisonSummaryCards } from './ComparisonSummaryCards'
import { ComparisonTable } from './ComparisonTable'
import { TierCurveChart } from './TierCurveChart'
import { UnitCostChart } from './UnitCostChart'
import { draftOf, readWhatIf, type WhatIfDraft } from './what-if'
import type { PackWord } from '../negotiation/ask-text'
import { NegotiationButtons } from '../negotiation/NegotiationButtons'

/**
 * The comparison of one SKU's quotes. The inputs are loaded once; every what-if edit recomputes the
 * whole comparison here with the same engine the core uses, so the table and charts follow as fast as
 * the buyer types.
 */
export function ComparisonPanel({
  skuId,
  input,
  labels,
  packTexts,
  packWords,
  unit,
  unitScale = 1,
}: {
  skuId: string
  input: CompareQuotesInput
  labels: QuoteLabel[]
  packTexts: Map<string, string>
  /** Quote id → what its pack is called (箱 / 包). */
  packWords?: Map<string, PackWord>
  unit: string
  /** Unit prices are shown per this many comparable units (the SKU's scale). */
  unitScale?: number
}) {
  const { t, i18n } = useTranslation()
  const { client } = useApiContext()
  const [draft, setDraft] = useState<WhatIfDraft>(() => draftOf(input.sku))
  const [exporting, setExporting] = useState(false)
  const reading = useMemo(() => readWhatIf(draft), [draft])
  const whatIf = reading.whatIf

  const comparison = useMemo(() => compareWithAsk({ ...input, whatIf }), [input, whatIf])
  const labelMap = useMemo(() => new Map(labels.map((l) => [l.quoteId, l])), [labels])
  const quoteMap = useMemo(() => new Map(input.quotes.map((q) => [q.id, q])), [input.quotes])
  const withWhatIf = useMemo(() => ({ ...input, whatIf }), [input, whatIf])

  const set = (patch: Partial<WhatIfDraft>) => setDraft((d) => ({ ...d, ...patch }))
  const exportXlsx = async () => {
    setExporting(true)
    try {
      const file = await client.call('exports.comparison', {
        skuId,
        whatIf,
        language: i18n.language as Language,
      })
      downloadFile(file)
    } catch (error) {
      notifyError(t('errors.title'), errorMessage(t, error))
    } finally {
      setExporting(false)
    }
  }
  const error = (field: keyof WhatIfDraft) => {
    const key = reading.errors[field]
    return key ? <FieldMessage messageKey={key} /> : undefined
  }

  return (
    <Stack gap="md" data-testid="comparison-panel">
      <Paper withBorder p="md">
        <Group justify="space-between" align="flex-end" mb="sm" wrap="wrap" gap="sm">
          <Stack gap={2}>
            <Title order={4}>{t('comparison.title')}</Title>
            <Text size="xs" c="dimmed">
              {t('comparison.whatIfNote')}
            </Text>
          </Stack>
          <Group gap="sm" align="flex-end" wrap="wrap">
            <NumberInput
              w={170}
              size="xs"
              label={t('comparison.whatIf.planned')}
              min={1}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator=","
              value={draft.plannedOrderRetailPacks}
              onChange={(v) => set({ plannedOrderRetailPacks: v })}
              error={error('plannedOrderRetailPacks')}
              data-testid="whatif-planned"
            />
            <NumberInput
              w={110}
              size="xs"
              label={t('comparison.whatIf.margin')}
              suffix="%"
              min={0}
              decimalScale={2}
              allowNegative={false}
              value={draft.marginPercent}
              onChange={(v) => set({ marginPercent: v })}
              error={error('marginPercent')}
              data-testid="whatif-margin"
            />
            <TextInput
              w={90}
              size="xs"
              label={t('comparison.whatIf.ratio')}
              value={draft.targetRatio}
              onChange={(e) => set({ targetRatio: e.currentTarget.value })}
              error={error('targetRatio')}
              data-testid="whatif-ratio"
            />
            <Button
              size="xs"
              variant="default"
              leftSection={<IconRefresh size={14} />}
              onClick={() => setDraft(draftOf(input.sku))}
              data-testid="whatif-reset"
            >
              {t('comparison.whatIf.reset')}
            </Button>
            <NegotiationButtons kind="negotiation-sku" id={skuId} />
            <Button
              size="xs"
              variant="light"
              leftSection={<IconDownload size={14} />}
              loading={exporting}
              onClick={() => void exportXlsx()}
              data-testid="comparison-export"
            >
              {t('comparison.export')}
            </Button>
          </Group>
        </Group>
        <ComparisonSummaryCards
          summary={comparison.summary}
          labels={labelMap}
          unit={unit}
          unitScale={unitScale}
        />
      </Paper>
      <Paper withBorder p="xs">
        {comparison.rows.length === 0 ? (
          <Text c="dimmed" size="sm" p="md">
            {t('comparison.noQuotes')}
          </Text>
        ) : (
          <ComparisonTable
            rows={comparison.rows}
            quotes={quoteMap}
            labels={labelMap}
            packTexts={packTexts}
            packWords={packWords}
            unit={unit}
            unitScale={unitScale}
            targetRatio={comparison.summary.targetRatio}
            staleDays={input.staleBenchmarkDays}
          />
        )}
      </Paper>
      {comparison.rows.length > 0 ? (
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
          <Paper withBorder p="md">
            <Text fw={600} size="sm" mb={4}>
              {t('comparison.chart.unitCostTitle')}
            </Text>
            <Text size="xs" c="dimmed" mb="sm">
              {t('comparison.chart.unitCostHint')}
            </Text>
            <UnitCostChart comparison={comparison} labels={labelMap} unit={unit} unitScale={unitScale} />
          </Paper>
          <Paper withBorder p="md">
            <Text fw={600} size="sm" mb={4}>
              {t('comparison.chart.curveTitle')}
            </Text>
            <Text size="xs" c="dimmed" mb="sm">
              {t('comparison.chart.curveHint')}
            </Text>
            <TierCurveChart
              input={withWhatIf}
              comparison={comparison}
              labels={labelMap}
              unit={unit}
              unitScale={unitScale}
            />
          </Paper>
        </SimpleGrid>
      ) : null}
    </Stack>
  )
}
