import { ActionIcon, Badge, Button, Group, Paper, Stack, Table, Text, Title, Tooltip } from '@mantine/core'
import { formatPackSpec, type PackFactor } from '@core/domain/pricing'
import { formatUnitPrice } from '../common/figures'
import type { Benchmark } from '@core/skus/skus.contract'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import Decimal from 'decimal.js'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation } from '../api/use-mutation'
import { errorMessage } from '../common/error-message'
import { notifyError } from '../common/notify'
import { FormDrawer } from '../forms/FormDrawer'
import { HqOwnedNote } from '../hq-owned/HqOwnedNote'
import { useHqReadOnly } from '../hq-owned/use-hq-read-only'
import { money } from '../quotes/quote-format'
import { BenchmarkEditor } from './BenchmarkEditor'

/** Brand observations grouped by channel, newest first, marking the one the target is set against. */
export function BenchmarksPanel({
  skuId,
  unit,
  unitScale = 1,
  retailPack,
  benchmarks,
  usedId,
  currencies,
}: {
  skuId: string
  /** The comparable unit, for unit prices. */
  unit: string
  /** Unit prices are shown per this many comparable units. */
  unitScale?: number
  retailPack: readonly PackFactor[]
  /** Newest first, as benchmarks.list returns them. */
  benchmarks: Benchmark[]
  /** The observation the target uses, if any. */
  usedId: string | null
  currencies: string[]
}) {
  const { t } = useTranslation()
  const [adding, setAdding] = useState(false)
  const readOnly = useHqReadOnly('benchmarks')
  const remove = useMutation('benchmarks.delete')
  const channels = useMemo(() => {
    const groups = new Map<string, Benchmark[]>()
    for (const b of benchmarks) groups.set(b.channel, [...(groups.get(b.channel) ?? []), b])
    return [...groups]
  }, [benchmarks])

  const del = async (id: string) => {
    try {
      await remove.run({ id })
    } catch (error) {
      notifyError(t('errors.title'), errorMessage(t, error))
    }
  }

  return (
    <Paper withBorder p="md" data-testid="benchmarks-panel">
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t('benchmarks.title', { count: benchmarks.length })}</Title>
        {readOnly ? (
          <HqOwnedNote />
        ) : (
          <Button
            size="sm"
            variant="light"
            leftSection={<IconPlus size={16} />}
            onClick={() => setAdding(true)}
            data-testid="benchmark-new"
          >
            {t('benchmarks.new')}
          </Button>
        )}
      </Group>
      {benchmarks.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('benchmarks.empty')}
        </Text>
      ) : (
        <Stack gap="sm">
          {channels.map(([channel, rows]) => (
            <div key={channel}>
              <Text size="sm" fw={600} mb={2}>
                {channel}
              </Text>
              <Table verticalSpacing={4} horizontalSpacing="xs" fz="sm">
                <Table.Tbody>
                  {rows.map((b, i) => (
                    <Table.Tr key={b.id} c={i > 0 ? 'dimmed' : undefined} data-testid="benchmark-row">
                      <Table.Td w={100}>{b.observedAt}</Table.Td>
                      <Table.Td>
                        {b.brand}
                        {b.product ? ` · ${b.product}` : ''}
                      </Table.Td>
                      <Table.Td fz="xs">{formatPackSpec(b.packSpec)}</Table.Td>
                      <Table.Td ta="right">{money(b.shelfPrice, b.currency)}</Table.Td>
                      <Table.Td ta="right" className="num">
                        {formatUnitPrice(new Decimal(b.shelfPrice).div(b.unitsPerPack).toString(), {
                          unit,
                          scale: unitScale,
                        })}
                        {b.currency !== 'CNY' ? ` ${b.currency}` : ''}
                      </Table.Td>
                      <Table.Td w={150}>
                        <Group gap={4} justify="flex-end" wrap="nowrap">
                          {b.id === usedId ? (
                            <Badge size="xs" color="orange" tt="none" data-testid="benchmark-used">
                              {t('benchmarks.used')}
                            </Badge>
                          ) : i > 0 ? (
                            <Badge size="xs" color="gray" variant="outline" tt="none">
                              {t('benchmarks.older')}
                            </Badge>
                          ) : null}
                          {readOnly ? null : (
                            <Tooltip label={t('common.delete')}>
                              <ActionIcon
                                size="sm"
                                variant="subtle"
                                color="gray"
                                aria-label={t('common.delete')}
                                onClick={() => void del(b.id)}
                              >
                                <IconTrash size={14} />
                              </ActionIcon>
                            </Tooltip>
                          )}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </div>
          ))}
        </Stack>
      )}
      <FormDrawer opened={adding} title={t('benchmarks.new')} onClose={() => setAdding(false)} size={600}>
        {() => (
          <BenchmarkEditor
            skuId={skuId}
            retailPack={retailPack}
            currencies={currencies}
            onCancel={() => setAdding(false)}
            onSaved={() => setAdding(false)}
          />
        )}
      </FormDrawer>
    </Paper>
  )
}
