import { Anchor, Button, Stack, Table, Text } from '@mantine/core'
import { displayPercent, formatPackSpec } from '@core/domain/pricing'
import type { Sku } from '@core/skus/skus.contract'
import { IconPlus } from '@tabler/icons-react'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation } from '../../../src-renderer/api/use-mutation'
import { ConfirmDeleteButton } from '../../../src-renderer/common/ConfirmDeleteButton'
import { ErrorAlert } from '../../../src-renderer/common/ErrorAlert'
import { notifySuccess } from '../../../src-renderer/common/notify'
import { formatDateTime } from '../../../src-renderer/factories/format'
import { FormDrawer } from '../../../src-renderer/forms/FormDrawer'
import { SkuEditor } from '../../../src-renderer/skus/SkuEditor'
import { consoleHref } from '../console-route'
import { useHqCall } from '../hq-api-context'
import { useBenchmarks, useSkus } from '../owned-rows'
import { PageHeader } from './PageHeader'
import { RowActions } from './RowActions'

function DeleteSku({ sku }: { sku: Sku }) {
  const { t } = useTranslation()
  const remove = useMutation('skus.delete')
  return (
    <ConfirmDeleteButton
      title={t('hqConsole.skus.deleteTitle')}
      body={t('hqConsole.skus.deleteBody', { name: sku.name })}
      size="xs"
      pending={remove.pending}
      testId="sku-delete"
      onConfirm={async () => {
        await remove.run({ id: sku.id })
        notifySuccess(t('hqConsole.skus.deleted', { name: sku.name }))
      }}
    />
  )
}

/** HQ's SKU briefs, edited with the app's own SKU form. */
export function SkuBriefsPage() {
  const { t } = useTranslation()
  const { skus, error } = useSkus()
  const { benchmarks } = useBenchmarks()
  const categories = useHqCall('admin.rows.list', { table: 'categories' })
  const [editing, setEditing] = useState<Sku | 'new' | null>(null)
  const benchmarkCounts = useMemo(() => {
    const counts = new Map<string, number>()
    for (const b of benchmarks ?? []) counts.set(b.skuId, (counts.get(b.skuId) ?? 0) + 1)
    return counts
  }, [benchmarks])
  // Suggest the policy's categories and those already used, as the app suggests its own.
  const categoryNames = useMemo(
    () => [
      ...new Set([
        ...(categories.data?.rows ?? []).map((row) => String(row.values.name)),
        ...(skus ?? []).map((s) => s.category),
      ]),
    ],
    [categories.data, skus],
  )
  return (
    <Stack gap="md">
      <PageHeader
        title={t('hqConsole.skus.title')}
        hint={t('hqConsole.skus.hint')}
        note={t('hqConsole.syncNote')}
        action={
          <Button
            leftSection={<IconPlus size={16} />}
            onClick={() => setEditing('new')}
            data-testid="sku-new"
          >
            {t('hqConsole.skus.add')}
          </Button>
        }
      />
      {error ? <ErrorAlert error={error} /> : null}
      {skus && skus.length === 0 ? (
        <Text c="dimmed">{t('hqConsole.skus.empty')}</Text>
      ) : (
        <Table striped withTableBorder data-testid="skus-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('skus.fields.category')}</Table.Th>
              <Table.Th>{t('skus.fields.name')}</Table.Th>
              <Table.Th>{t('skus.fields.retailPackSpec')}</Table.Th>
              <Table.Th ta="right">{t('skus.fields.plannedOrderPacks')}</Table.Th>
              <Table.Th ta="right">{t('skus.fields.targetRatio')}</Table.Th>
              <Table.Th ta="right">{t('skus.fields.targetMargin')}</Table.Th>
              <Table.Th>{t('skus.fields.benchmarkChannel')}</Table.Th>
              <Table.Th ta="right">{t('hqConsole.skus.benchmarks')}</Table.Th>
              <Table.Th>{t('hqConsole.updated')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(skus ?? []).map((sku) => (
              <Table.Tr key={sku.id} data-testid="sku-row">
                <Table.Td>{sku.category}</Table.Td>
                <Table.Td fw={500}>{sku.name}</Table.Td>
                <Table.Td fz="sm">{formatPackSpec(sku.retailPackSpec)}</Table.Td>
                <Table.Td ta="right" className="num">
                  {sku.plannedOrderPacks.toLocaleString()}
                </Table.Td>
                <Table.Td ta="right">{sku.targetRatio}</Table.Td>
                <Table.Td ta="right">{displayPercent(sku.targetMargin)}</Table.Td>
                <Table.Td>{sku.benchmarkChannel || t('skus.cheapestChannel')}</Table.Td>
                <Table.Td ta="right">
                  <Anchor href={consoleHref('benchmarks', sku.id)} size="sm">
                    {benchmarkCounts.get(sku.id) ?? 0}
                  </Anchor>
                </Table.Td>
                <Table.Td fz="sm">{formatDateTime(sku.updatedAt)}</Table.Td>
                <RowActions
                  onEdit={() => setEditing(sku)}
                  editTestId="sku-edit"
                  deleteButton={<DeleteSku sku={sku} />}
                />
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <FormDrawer
        opened={editing !== null}
        title={t(editing === 'new' ? 'hqConsole.skus.add' : 'hqConsole.skus.edit')}
        onClose={() => setEditing(null)}
      >
        {() => (
          <SkuEditor
            sku={editing === 'new' ? null : editing}
            categories={categoryNames}
            onSaved={() => setEditing(null)}
            onCancel={() => setEditing(null)}
          />
        )}
      </FormDrawer>
    </Stack>
  )
}
