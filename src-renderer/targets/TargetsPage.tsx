import { Anchor, Button, Chip, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core'
import { displayRatio } from '@core/domain/pricing'
import { formatUnitPrice, sharePercent } from '../common/figures'
import type { SkuTargetStatus } from '@core/targets/targets.contract'
import { IconDownload } from '@tabler/icons-react'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApiContext } from '../api/api-context'
import { useCall } from '../api/use-call'
import { ErrorAlert } from '../common/ErrorAlert'
import { errorMessage } from '../common/error-message'
import { notifyError } from '../common/notify'
import { downloadFile } from '../forms/download'
import type { Language } from '../i18n/language'
import { RatioSparkline } from './RatioSparkline'
import { TargetStatusBadge, TARGET_STATUSES } from './TargetStatusBadge'

/** Every SKU against its one-third target: status, best ratio and factory, and how it moved. */
export function TargetsPage() {
  const { t, i18n } = useTranslation()
  const { client } = useApiContext()
  const [category, setCategory] = useState<string | null>(null)
  const [statuses, setStatuses] = useState<SkuTargetStatus[]>([])
  const [exporting, setExporting] = useState(false)
  const all = useCall('targets.dashboard', {})
  const rows = useCall('targets.dashboard', { category: category ?? '', statuses })
  const categories = useMemo(
    () => [...new Set((all.data ?? []).map((r) => r.category))].sort((a, b) => a.localeCompare(b, 'zh-CN')),
    [all.data],
  )
  const counts = useMemo(() => {
    const c = new Map<SkuTargetStatus, number>()
    for (const row of all.data ?? []) c.set(row.status, (c.get(row.status) ?? 0) + 1)
    return c
  }, [all.data])

  const exportXlsx = async () => {
    setExporting(true)
    try {
      downloadFile(
        await client.call('exports.targets', {
          category: category ?? '',
          statuses,
          language: i18n.language as Language,
        }),
      )
    } catch (error) {
      notifyError(t('errors.title'), errorMessage(t, error))
    } finally {
      setExporting(false)
    }
  }

  return (
    <Stack gap="sm" maw={1400}>
      <Group justify="space-between">
        <Title order={2}>{t('targets.title')}</Title>
        <Button
          variant="light"
          leftSection={<IconDownload size={16} />}
          loading={exporting}
          onClick={() => void exportXlsx()}
          data-testid="targets-export"
        >
          {t('targets.export')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('targets.intro')}
      </Text>
      <Group gap="sm" align="center">
        <Select
          w={200}
          placeholder={t('skus.allCategories')}
          aria-label={t('skus.fields.category')}
          data={categories}
          value={category}
          onChange={setCategory}
          clearable
          data-testid="targets-category"
        />
        <Chip.Group multiple value={statuses} onChange={(v) => setStatuses(v as SkuTargetStatus[])}>
          <Group gap={6}>
            {TARGET_STATUSES.map((status) => (
              <Chip key={status} value={status} size="sm" data-testid={`targets-filter-${status}`}>
                {t(`targetStatus.${status}`)} {counts.get(status) ?? 0}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </Group>
      {rows.error ? <ErrorAlert error={rows.error} /> : null}
      <Paper withBorder>
        <Table.ScrollContainer minWidth={1000}>
          <Table highlightOnHover verticalSpacing={6} horizontalSpacing="sm" fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('skus.fields.name')}</Table.Th>
                <Table.Th>{t('skus.fields.category')}</Table.Th>
                <Table.Th>{t('skus.columns.status')}</Table.Th>
                <Table.Th ta="right">{t('skus.columns.bestRatio')}</Table.Th>
                <Table.Th>{t('skus.columns.bestFactory')}</Table.Th>
                <Table.Th ta="right">{t('targets.columns.bestUnitCost')}</Table.Th>
                <Table.Th ta="right">{t('targets.columns.maxLanded')}</Table.Th>
                <Table.Th ta="right">{t('targets.columns.brandUnitPrice')}</Table.Th>
                <Table.Th ta="right">{t('skus.columns.quotes')}</Table.Th>
                <Table.Th>{t('targets.columns.history')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(rows.data ?? []).map((row) => (
                <Table.Tr key={row.skuId} data-testid="target-row">
                  <Table.Td>
                    <Anchor href={`#/skus/${row.skuId}`} fw={500} size="sm">
                      {row.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{row.category}</Table.Td>
                  <Table.Td>
                    <TargetStatusBadge status={row.status} />
                  </Table.Td>
                  <Table.Td ta="right" className="num" fw={600}>
                    {row.bestRatioToBrand
                      ? t('quoteUi.shareOfBrand', { percent: sharePercent(row.bestRatioToBrand) })
                      : t('common.none')}
                    {row.bestRatioToBrand ? (
                      <Text span size="xs" c="dimmed" fw={400} ml={6}>
                        {displayRatio(row.bestRatioToBrand)}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{row.bestFactoryName ?? t('common.none')}</Table.Td>
                  {[row.bestUnitCost, row.maxLandedUnitCost, row.brandUnitPrice].map((value, i) => (
                    <Table.Td key={i} ta="right" className="num">
                      {value
                        ? formatUnitPrice(value, { unit: row.comparableUnit, scale: row.unitScale })
                        : t('common.none')}
                    </Table.Td>
                  ))}
                  <Table.Td ta="right">{row.quoteCount}</Table.Td>
                  <Table.Td>
                    <RatioSparkline history={row.history} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {rows.data && rows.data.length === 0 ? (
          <Text c="dimmed" p="xl" ta="center">
            {all.data?.length ? t('targets.noMatch') : t('targets.empty')}
          </Text>
        ) : null}
      </Paper>
    </Stack>
  )
}
