import { Badge, Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core'
import { brandUnitPrice, formatPackSpec } from '@core/domain/pricing'
import { IconEdit } from '@tabler/icons-react'
import Decimal from 'decimal.js'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useCall } from '../api/use-call'
import { BenchmarksPanel } from '../benchmarks/BenchmarksPanel'
import { BackLink } from '../common/BackLink'
import { DetailError, DetailLoading } from '../common/DetailStates'
import { ErrorAlert } from '../common/ErrorAlert'
import { ComparisonPanel } from '../comparison/ComparisonPanel'
import { DemandPanel } from '../demand/DemandPanel'
import { quotePackWord } from '../negotiation/ask-text'
import { FormDrawer } from '../forms/FormDrawer'
import { HqOwnedNote } from '../hq-owned/HqOwnedNote'
import { useHqReadOnly } from '../hq-owned/use-hq-read-only'
import { QuotesPanel } from '../quotes/QuotesPanel'
import { PdfExportButton } from '../reports/PdfExportButton'
import { SkuEditor } from './SkuEditor'

/** One SKU: its brief, the ranked quotes against the brand target, the quotes and the benchmarks. */
export function SkuPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation()
  const [editing, setEditing] = useState(false)
  const readOnly = useHqReadOnly('skus')
  const sku = useCall('skus.get', { id })
  const inputs = useCall('targets.inputs', { skuId: id })
  const quotes = useCall('quotes.list', { skuId: id })
  const benchmarks = useCall('benchmarks.list', { skuId: id })
  const rates = useCall('rates.list', {})
  const currencies = useMemo(() => (rates.data ?? []).map((r) => r.currency), [rates.data])
  const packTexts = useMemo(
    () => new Map((quotes.data ?? []).map((q) => [q.id, formatPackSpec(q.packSpec)])),
    [quotes.data],
  )
  const packWords = useMemo(
    () => new Map((quotes.data ?? []).map((q) => [q.id, quotePackWord(q, i18n.language)])),
    [quotes.data, i18n.language],
  )
  // The observation the target is set against (what-ifs do not change the channel).
  const usedBenchmark = useMemo(() => {
    if (!inputs.data) return null
    const { sku: plan, benchmarks: observations, rates: fx } = inputs.data.input
    const brand = brandUnitPrice(observations, fx, plan.benchmarkChannel)
    return brand.status === 'ok' ? brand.observation.id : null
  }, [inputs.data])

  const back = <BackLink href="#/skus">{t('skus.back')}</BackLink>
  if (sku.error) {
    return (
      <DetailError
        back={back}
        error={sku.error}
        notFound={<Text data-testid="sku-not-found">{t('skus.notFound')}</Text>}
      />
    )
  }
  const brief = sku.data
  if (!brief) return <DetailLoading back={back} maw={1400} titleWidth={360} bodyHeight={320} />
  const facts: [string, string][] = [
    [t('skus.fields.comparableUnit'), brief.comparableUnit],
    [t('skus.fields.retailPackSpec'), formatPackSpec(brief.retailPackSpec)],
    [t('skus.fields.plannedOrderPacks'), brief.plannedOrderPacks.toLocaleString()],
    [t('skus.fields.targetRatio'), brief.targetRatio],
    [t('skus.fields.targetMargin'), `${new Decimal(brief.targetMargin).times(100).toString()}%`],
    [t('skus.fields.benchmarkChannel'), brief.benchmarkChannel || t('skus.cheapestChannel')],
  ]

  return (
    <Stack gap="md" maw={1400} data-testid="sku-page">
      {back}
      <Paper withBorder p="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={6}>
            <Group gap="sm">
              <Title order={2} data-testid="sku-title">
                {brief.name}
              </Title>
              <Badge variant="light" color="gray" tt="none">
                {brief.category}
              </Badge>
            </Group>
            <Group gap="lg" wrap="wrap">
              {facts.map(([label, value]) => (
                <Group key={label} gap={6} wrap="nowrap">
                  <Text size="sm" c="dimmed">
                    {label}
                  </Text>
                  <Text size="sm" fw={500}>
                    {value}
                  </Text>
                </Group>
              ))}
            </Group>
            {brief.notes ? (
              <Text size="sm" c="dimmed">
                {brief.notes}
              </Text>
            ) : null}
          </Stack>
          <Group gap="sm" wrap="nowrap" align="flex-start" style={{ flexShrink: 0 }}>
            <PdfExportButton kind="sku" id={id} />
            {readOnly ? (
              <HqOwnedNote />
            ) : (
              <Button
                variant="default"
                leftSection={<IconEdit size={16} />}
                style={{ flexShrink: 0 }}
                onClick={() => setEditing(true)}
                data-testid="sku-edit"
              >
                {t('common.edit')}
              </Button>
            )}
          </Group>
        </Group>
      </Paper>
      {inputs.error ? <ErrorAlert error={inputs.error} /> : null}
      {inputs.data ? (
        <ComparisonPanel
          key={brief.updatedAt}
          skuId={id}
          input={inputs.data.input}
          labels={inputs.data.labels}
          packTexts={packTexts}
          packWords={packWords}
          unit={brief.comparableUnit}
          unitScale={brief.unitScale}
        />
      ) : (
        <Skeleton h={320} />
      )}
      <QuotesPanel
        skuId={id}
        retailPack={brief.retailPackSpec}
        quotes={quotes.data ?? []}
        currencies={currencies}
      />
      <BenchmarksPanel
        skuId={id}
        unit={brief.comparableUnit}
        unitScale={brief.unitScale}
        retailPack={brief.retailPackSpec}
        benchmarks={benchmarks.data ?? []}
        usedId={usedBenchmark}
        currencies={currencies}
      />
      <DemandPanel skuId={id} />
      <FormDrawer opened={editing} title={t('skus.form.editTitle')} onClose={() => setEditing(false)}>
        {() => (
          <SkuEditor
            sku={brief}
            categories={[]}
            onCancel={() => setEditing(false)}
            onSaved={() => setEditing(false)}
          />
        )}
      </FormDrawer>
    </Stack>
  )
}
