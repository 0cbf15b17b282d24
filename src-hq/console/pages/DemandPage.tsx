import { Button, Stack, Table, Text } from '@mantine/core'
import { IconPlus } from '@tabler/icons-react'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ConfirmDeleteButton } from '../../../src-renderer/common/ConfirmDeleteButton'
import { ErrorAlert } from '../../../src-renderer/common/ErrorAlert'
import { notifySuccess } from '../../../src-renderer/common/notify'
import { FormDrawer } from '../../../src-renderer/forms/FormDrawer'
import type { OwnedRow } from '../../admin.contract'
import { useHqCall, useHqMutation } from '../hq-api-context'
import { useSkus } from '../owned-rows'
import { DemandEditor } from './DemandEditor'
import { PageHeader } from './PageHeader'
import { RowActions } from './RowActions'

interface Signal {
  row: OwnedRow
  skuName: string
  month: string
  channel: string
  monthlyUnits: number
  note: string
}

function DeleteSignal({ signal }: { signal: Signal }) {
  const { t } = useTranslation()
  const remove = useHqMutation('admin.rows.delete')
  return (
    <ConfirmDeleteButton
      title={t('hqConsole.demand.deleteTitle')}
      body={t('hqConsole.demand.deleteBody', {
        sku: signal.skuName,
        channel: signal.channel,
        month: signal.month,
      })}
      size="xs"
      pending={remove.pending}
      testId="demand-delete"
      onConfirm={async () => {
        await remove.run({ table: 'demand_signals', id: signal.row.id })
        notifySuccess(t('hqConsole.demand.deleted'))
      }}
    />
  )
}

/** Monthly units per SKU and channel: a table with add, edit and delete. */
export function DemandPage() {
  const { t } = useTranslation()
  const { skus, error: skusError } = useSkus()
  const rows = useHqCall('admin.rows.list', { table: 'demand_signals' })
  const [editing, setEditing] = useState<OwnedRow | 'new' | null>(null)
  const signals = useMemo(() => {
    const names = new Map((skus ?? []).map((s) => [s.id, `${s.category} · ${s.name}`]))
    const list: Signal[] = (rows.data?.rows ?? []).map((row) => ({
      row,
      skuName: names.get(String(row.values.skuId)) ?? t('hqConsole.demand.unknownSku'),
      month: String(row.values.month),
      channel: String(row.values.channel),
      monthlyUnits: Number(row.values.monthlyUnits),
      note: String(row.values.note ?? ''),
    }))
    return list.sort(
      (a, b) =>
        a.skuName.localeCompare(b.skuName, 'zh-CN') ||
        b.month.localeCompare(a.month) ||
        a.channel.localeCompare(b.channel, 'zh-CN'),
    )
  }, [rows.data, skus, t])
  return (
    <Stack gap="md">
      <PageHeader
        title={t('hqConsole.demand.title')}
        hint={t('hqConsole.demand.hint')}
        note={t('hqConsole.syncNote')}
        action={
          <Button
            leftSection={<IconPlus size={16} />}
            onClick={() => setEditing('new')}
            disabled={!skus || skus.length === 0}
            data-testid="demand-new"
          >
            {t('hqConsole.demand.add')}
          </Button>
        }
      />
      {rows.error || skusError ? <ErrorAlert error={rows.error ?? skusError} /> : null}
      {skus && skus.length === 0 ? <Text c="dimmed">{t('hqConsole.benchmarks.noSkus')}</Text> : null}
      {rows.data && signals.length === 0 ? (
        <Text c="dimmed">{t('hqConsole.demand.empty')}</Text>
      ) : (
        <Table striped withTableBorder data-testid="demand-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('hqConsole.demand.sku')}</Table.Th>
              <Table.Th>{t('hqConsole.demand.month')}</Table.Th>
              <Table.Th>{t('hqConsole.demand.channel')}</Table.Th>
              <Table.Th ta="right">{t('hqConsole.demand.monthlyUnits')}</Table.Th>
              <Table.Th>{t('hqConsole.demand.note')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {signals.map((signal) => (
              <Table.Tr key={signal.row.id} data-testid="demand-row">
                <Table.Td fw={500}>{signal.skuName}</Table.Td>
                <Table.Td>{signal.month}</Table.Td>
                <Table.Td>{signal.channel}</Table.Td>
                <Table.Td ta="right" className="num">
                  {signal.monthlyUnits.toLocaleString()}
                </Table.Td>
                <Table.Td fz="sm" c="dimmed">
                  {signal.note}
                </Table.Td>
                <RowActions
                  onEdit={() => setEditing(signal.row)}
                  editTestId="demand-edit"
                  deleteButton={<DeleteSignal signal={signal} />}
                />
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <FormDrawer
        opened={editing !== null}
        title={t(editing === 'new' ? 'hqConsole.demand.add' : 'hqConsole.demand.edit')}
        onClose={() => setEditing(null)}
        size={560}
      >
        {() => (
          <DemandEditor
            signal={editing === 'new' ? null : editing}
            skus={skus ?? []}
            onDone={() => setEditing(null)}
          />
        )}
      </FormDrawer>
    </Stack>
  )
}
