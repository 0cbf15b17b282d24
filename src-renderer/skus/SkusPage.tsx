import { Anchor, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { IconPlus, IconSearch } from '@tabler/icons-react'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useCall } from '../api/use-call'
import { ErrorAlert } from '../common/ErrorAlert'
import { sharePercent } from '../common/figures'
import { FormDrawer } from '../forms/FormDrawer'
import { HqOwnedNote } from '../hq-owned/HqOwnedNote'
import { useHqReadOnly } from '../hq-owned/use-hq-read-only'
import { navigate } from '../shell/route'
import { TargetStatusBadge } from '../targets/TargetStatusBadge'
import { groupThousands } from './format'
import { SkuEditor } from './SkuEditor'

/** Every SKU brief with where it stands against its target; the way into each SKU's comparison. */
export function SkusPage() {
  const { t } = useTranslation()
  const [category, setCategory] = useState<string | null>(null)
  const [search, setSearch] = useState('')
  const [debouncedSearch] = useDebouncedValue(search.trim(), 200)
  const [creating, setCreating] = useState(false)
  const readOnly = useHqReadOnly('skus')

  const all = useCall('skus.list', {})
  const list = useCall('skus.list', { category: category ?? '', search: debouncedSearch })
  const targets = useCall('targets.dashboard', { category: category ?? '' })
  const byId = useMemo(() => new Map((targets.data ?? []).map((row) => [row.skuId, row])), [targets.data])
  const categories = useMemo(
    () => [...new Set((all.data ?? []).map((s) => s.category))].sort((a, b) => a.localeCompare(b, 'zh-CN')),
    [all.data],
  )
  const rows = list.data ?? []

  return (
    <Stack gap="sm" maw={1400}>
      <Group justify="space-between">
        <Title order={2}>{t('skus.title')}</Title>
        <Group gap="sm">
          <Anchor href="#/targets" size="sm">
            {t('skus.openDashboard')}
          </Anchor>
          {readOnly ? (
            <HqOwnedNote />
          ) : (
            <Button
              leftSection={<IconPlus size={16} />}
              onClick={() => setCreating(true)}
              data-testid="sku-new"
            >
              {t('skus.new')}
            </Button>
          )}
        </Group>
      </Group>
      <Group gap="sm" align="flex-end">
        <TextInput
          w={320}
          leftSection={<IconSearch size={16} />}
          placeholder={t('skus.searchPlaceholder')}
          aria-label={t('skus.search')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          data-testid="sku-search"
        />
        <Select
          w={200}
          placeholder={t('skus.allCategories')}
          aria-label={t('skus.fields.category')}
          data={categories}
          value={category}
          onChange={setCategory}
          clearable
          data-testid="sku-category-filter"
        />
        <Text size="sm" c="dimmed" ml="auto" data-testid="sku-count">
          {list.data ? t('skus.count', { count: rows.length }) : ''}
        </Text>
      </Group>
      {list.error ? <ErrorAlert error={list.error} title={t('skus.loadFailed')} /> : null}
      <Paper withBorder>
        <Table highlightOnHover verticalSpacing={6} horizontalSpacing="sm" striped={false}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('skus.fields.name')}</Table.Th>
              <Table.Th>{t('skus.fields.category')}</Table.Th>
              <Table.Th ta="right">{t('skus.columns.retailPack')}</Table.Th>
              <Table.Th ta="right">{t('skus.columns.planned')}</Table.Th>
              <Table.Th ta="right">{t('skus.columns.benchmarks')}</Table.Th>
              <Table.Th ta="right">{t('skus.columns.quotes')}</Table.Th>
              <Table.Th>{t('skus.columns.status')}</Table.Th>
              <Table.Th ta="right">{t('skus.columns.bestRatio')}</Table.Th>
              <Table.Th>{t('skus.columns.bestFactory')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((sku) => {
              const target = byId.get(sku.id)
              return (
                <Table.Tr
                  key={sku.id}
                  style={{ cursor: 'pointer' }}
                  onClick={() => navigate({ area: 'sku', id: sku.id })}
                  data-testid="sku-row"
                >
                  <Table.Td>
                    <Anchor href={`#/skus/${sku.id}`} fw={500} onClick={(e) => e.stopPropagation()}>
                      {sku.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{sku.category}</Table.Td>
                  <Table.Td ta="right">
                    {groupThousands(sku.retailPackUnits)}
                    {sku.comparableUnit}
                  </Table.Td>
                  <Table.Td ta="right">{sku.plannedOrderPacks.toLocaleString()}</Table.Td>
                  <Table.Td ta="right">{sku.benchmarkCount}</Table.Td>
                  <Table.Td ta="right">{sku.quoteCount}</Table.Td>
                  <Table.Td>{target ? <TargetStatusBadge status={target.status} /> : null}</Table.Td>
                  <Table.Td ta="right" className="num">
                    {target?.bestRatioToBrand
                      ? t('quoteUi.shareOfBrand', {
                          percent: sharePercent(target.bestRatioToBrand, sku.targetRatio),
                        })
                      : t('common.none')}
                  </Table.Td>
                  <Table.Td>{target?.bestFactoryName ?? t('common.none')}</Table.Td>
                </Table.Tr>
              )
            })}
          </Table.Tbody>
        </Table>
        {list.data && rows.length === 0 ? (
          <Text c="dimmed" p="xl" ta="center" data-testid="sku-empty">
            {search || category ? t('skus.noMatch') : t('skus.empty')}
          </Text>
        ) : null}
      </Paper>
      <FormDrawer opened={creating} title={t('skus.form.createTitle')} onClose={() => setCreating(false)}>
        {() => (
          <SkuEditor
            sku={null}
            categories={categories}
            onCancel={() => setCreating(false)}
            onSaved={(saved) => {
              setCreating(false)
              navigate({ area: 'sku', id: saved.id })
            }}
          />
        )}
      </FormDrawer>
    </Stack>
  )
}
