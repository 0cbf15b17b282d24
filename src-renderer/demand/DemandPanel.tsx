import { Button, Group, Paper, SimpleGrid, Table, Text, Title, UnstyledButton } from '@mantine/core'
import { LineChart } from '@mantine/charts'
import type { DemandSignal } from '@core/demand/demand.contract'
import { IconPlus } from '@tabler/icons-react'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useCall } from '../api/use-call'
import { ErrorAlert } from '../common/ErrorAlert'
import { FormDrawer } from '../forms/FormDrawer'
import { HqOwnedNote } from '../hq-owned/HqOwnedNote'
import { useHqReadOnly } from '../hq-owned/use-hq-read-only'
import { groupThousands } from '../skus/format'
import { DemandEditor } from './DemandEditor'
import { demandTable } from './demand-table'

/** How many recent months the SKU page shows. */
const MONTHS = 6
const CHANNEL_COLORS = ['blue.6', 'orange.6', 'teal.6', 'grape.6', 'red.6', 'cyan.6', 'lime.7', 'pink.6']

const units = (n: number) => groupThousands(String(n))

/** Monthly units sold per channel, the latest months as a table and a small trend chart. */
export function DemandPanel({ skuId }: { skuId: string }) {
  const { t } = useTranslation()
  const signals = useCall('demand.list', { skuId })
  const readOnly = useHqReadOnly('demand_signals')
  const [editing, setEditing] = useState<DemandSignal | 'new' | null>(null)
  const table = useMemo(() => demandTable(signals.data ?? [], MONTHS), [signals.data])
  const chartData = useMemo(
    () =>
      table.months.map((month, i) => ({
        month,
        ...Object.fromEntries(table.rows.map((row) => [row.channel, row.cells[i]?.monthlyUnits ?? null])),
      })),
    [table],
  )

  const cell = (signal: DemandSignal | null) => {
    const text = signal ? units(signal.monthlyUnits) : '—'
    if (readOnly || !signal) return text
    return (
      <UnstyledButton
        fz="sm"
        className="num"
        title={signal.note || t('demand.editHint')}
        onClick={() => setEditing(signal)}
        data-testid="demand-cell"
      >
        {text}
      </UnstyledButton>
    )
  }

  return (
    <Paper withBorder p="md" data-testid="demand-panel">
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <div>
          <Title order={4}>{t('demand.title')}</Title>
          <Text size="xs" c="dimmed">
            {t('demand.subtitle')}
          </Text>
        </div>
        {readOnly ? (
          <HqOwnedNote />
        ) : (
          <Button
            size="sm"
            variant="light"
            leftSection={<IconPlus size={16} />}
            onClick={() => setEditing('new')}
            data-testid="demand-new"
          >
            {t('demand.new')}
          </Button>
        )}
      </Group>
      {signals.error ? <ErrorAlert error={signals.error} /> : null}
      {signals.data && table.rows.length === 0 ? (
        <Text c="dimmed" size="sm" data-testid="demand-empty">
          {t(readOnly ? 'demand.emptyHq' : 'demand.empty')}
        </Text>
      ) : null}
      {table.rows.length > 0 ? (
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
          <Table verticalSpacing={4} horizontalSpacing="xs" fz="sm" data-testid="demand-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('demand.fields.channel')}</Table.Th>
                {table.months.map((m) => (
                  <Table.Th key={m} ta="right" fw={500} c="dimmed">
                    {m}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {table.rows.map((row) => (
                <Table.Tr key={row.channel} data-testid="demand-row">
                  <Table.Td fw={500}>{row.channel}</Table.Td>
                  {row.cells.map((signal, i) => (
                    <Table.Td key={table.months[i]} ta="right" className="num">
                      {cell(signal)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
            {table.rows.length > 1 ? (
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Td c="dimmed">{t('demand.total')}</Table.Td>
                  {table.totals.map((total, i) => (
                    <Table.Td key={table.months[i]} ta="right" className="num" fw={600}>
                      {units(total)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              </Table.Tfoot>
            ) : null}
          </Table>
          <LineChart
            h={180}
            data={chartData}
            dataKey="month"
            series={table.rows.map((row, i) => ({
              name: row.channel,
              color: CHANNEL_COLORS[i % CHANNEL_COLORS.length]!,
            }))}
            curveType="monotone"
            connectNulls={false}
            withLegend
            legendProps={{ verticalAlign: 'bottom', height: 28 }}
            valueFormatter={units}
            yAxisProps={{ width: 64 }}
            data-testid="demand-chart"
          />
        </SimpleGrid>
      ) : null}
      <FormDrawer
        opened={editing !== null}
        title={t(editing === 'new' ? 'demand.new' : 'demand.editTitle')}
        onClose={() => setEditing(null)}
        size={560}
      >
        {() => (
          <DemandEditor
            skuId={skuId}
            signal={editing === 'new' ? null : editing}
            channels={table.rows.map((row) => row.channel)}
            onDone={() => setEditing(null)}
          />
        )}
      </FormDrawer>
    </Paper>
  )
}
