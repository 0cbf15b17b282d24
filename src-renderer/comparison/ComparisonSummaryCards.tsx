import { Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core'
import { displayRatio, type ComparisonSummary } from '@core/domain/pricing'
import type { QuoteLabel } from '@core/targets/targets.contract'
import Decimal from 'decimal.js'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { formatUnitPrice, sharePercent } from '../common/figures'
import { TargetStatusBadge } from '../targets/TargetStatusBadge'

function Figure({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Paper bg="var(--mantine-color-default-hover)" p="sm" radius="sm" data-testid={testId}>
      <Text size="xs" c="dimmed" mb={2}>
        {label}
      </Text>
      {children}
    </Paper>
  )
}

/** The SKU-level figures above the table: brand price used, the most a quote may cost, the best. */
export function ComparisonSummaryCards({
  summary,
  labels,
  unit,
  unitScale = 1,
}: {
  summary: ComparisonSummary
  labels: Map<string, QuoteLabel>
  unit: string
  /** Unit prices are shown per this many comparable units. */
  unitScale?: number
}) {
  const { t } = useTranslation()
  const perUnit = (value: string) => formatUnitPrice(value, { unit, scale: unitScale })
  const brand = summary.brand
  const best = summary.bestQuoteId ? labels.get(summary.bestQuoteId) : undefined
  const ratioTarget = new Decimal(summary.targetRatio.split('/')[0]?.trim() ?? '0')
    .div(summary.targetRatio.split('/')[1]?.trim() ?? '1')
    .toString()
  return (
    <SimpleGrid cols={{ base: 2, md: 5 }} spacing="sm">
      <Figure label={t('comparison.summary.brand')} testId="summary-brand">
        {brand.status === 'ok' ? (
          <Stack gap={0}>
            <Text fw={700} className="num">
              {perUnit(brand.unitPrice)}
            </Text>
            <Text size="xs" c="dimmed">
              {brand.observation.brand} · {brand.observation.channel} · {brand.observation.observedAt}
            </Text>
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {brand.status === 'noRate'
              ? t('comparison.summary.brandNoRate', { currencies: brand.currencies.join(', ') })
              : t('comparison.summary.noBrand')}
          </Text>
        )}
      </Figure>
      <Figure label={t('comparison.summary.maxLanded')} testId="summary-max-landed">
        {summary.maxLandedUnitCost ? (
          <Stack gap={0}>
            <Text fw={700} className="num">
              {perUnit(summary.maxLandedUnitCost)}
            </Text>
            <Text size="xs" c="dimmed">
              {t('comparison.summary.maxRetail', { price: perUnit(summary.maxRetailUnit ?? '0') })}
            </Text>
          </Stack>
        ) : (
          <Text c="dimmed">{t('common.none')}</Text>
        )}
      </Figure>
      <Figure label={t('comparison.summary.best')} testId="summary-best">
        {best && summary.bestUnitCost ? (
          <Stack gap={0}>
            <Text fw={700} className="num">
              {perUnit(summary.bestUnitCost)}
            </Text>
            <Text size="xs" c="dimmed" lineClamp={1}>
              {best.factoryName}
            </Text>
          </Stack>
        ) : (
          <Text c="dimmed">{t('common.none')}</Text>
        )}
      </Figure>
      <Figure label={t('comparison.summary.bestRatio')} testId="summary-ratio">
        <Group gap={6} align="baseline">
          <Text fw={700} fz="lg" className="num" data-testid="summary-ratio-value">
            {summary.bestRatioToBrand
              ? t('quoteUi.shareOfBrand', {
                  percent: sharePercent(summary.bestRatioToBrand, summary.targetRatio),
                })
              : t('common.none')}
          </Text>
          <Text size="xs" c="dimmed">
            {summary.bestRatioToBrand
              ? `${t('quoteUi.ratioPlain', { ratio: displayRatio(summary.bestRatioToBrand) })} · `
              : ''}
            {t('quoteUi.shareTarget', {
              percent: sharePercent(ratioTarget),
              text: summary.targetRatio,
            })}
          </Text>
        </Group>
      </Figure>
      <Figure label={t('comparison.summary.status')}>
        <Stack gap={4} align="flex-start">
          <TargetStatusBadge status={summary.status} size="lg" testId="summary-status" />
          <Text size="xs" c="dimmed">
            {t('comparison.summary.plan', {
              packs: summary.plannedOrderRetailPacks.toLocaleString(),
              margin: new Decimal(summary.targetGrossMargin).times(100).toString(),
            })}
          </Text>
        </Stack>
      </Figure>
    </SimpleGrid>
  )
}
