import { Select, Stack, Text } from '@mantine/core'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { BenchmarksPanel } from '../../../src-renderer/benchmarks/BenchmarksPanel'
import { ErrorAlert } from '../../../src-renderer/common/ErrorAlert'
import { consoleHref } from '../console-route'
import { useBenchmarks, useSkus } from '../owned-rows'
import { PageHeader } from './PageHeader'

/** One SKU's brand observations, recorded and deleted with the app's own benchmark panel. */
export function BenchmarksPage({ skuId }: { skuId: string | null }) {
  const { t } = useTranslation()
  const { skus, error } = useSkus()
  const { benchmarks } = useBenchmarks()
  const sku = skus?.find((s) => s.id === skuId) ?? skus?.[0]
  const shown = useMemo(
    () =>
      (benchmarks ?? [])
        .filter((b) => b.skuId === sku?.id)
        .sort((a, b) => b.observedAt.localeCompare(a.observedAt) || b.createdAt.localeCompare(a.createdAt)),
    [benchmarks, sku],
  )
  return (
    <Stack gap="md" maw={1100}>
      <PageHeader
        title={t('hqConsole.benchmarks.title')}
        hint={t('hqConsole.benchmarks.hint')}
        note={t('hqConsole.syncNote')}
      />
      {error ? <ErrorAlert error={error} /> : null}
      {skus && skus.length === 0 ? <Text c="dimmed">{t('hqConsole.benchmarks.noSkus')}</Text> : null}
      {skus && sku ? (
        <>
          <Select
            label={t('hqConsole.benchmarks.sku')}
            placeholder={t('hqConsole.benchmarks.pickSku')}
            data={skus.map((s) => ({ value: s.id, label: `${s.category} · ${s.name}` }))}
            value={sku.id}
            onChange={(id) => {
              if (id) window.location.hash = consoleHref('benchmarks', id)
            }}
            searchable
            allowDeselect={false}
            maw={520}
            data-testid="benchmark-sku"
          />
          <BenchmarksPanel
            skuId={sku.id}
            unit={sku.comparableUnit}
            retailPack={sku.retailPackSpec}
            benchmarks={shown}
            usedId={null}
            currencies={[]}
          />
        </>
      ) : null}
    </Stack>
  )
}
