import { Anchor, Badge, Button, Group, Paper, Table, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useCall } from '../api/use-call'
import { ErrorAlert } from '../common/ErrorAlert'
import { SampleStatusBadge } from './SampleStatusBadge'

/** Rows shown before "show all": a factory of 200 samples opens as fast as one of 20. */
const FIRST_ROWS = 20

/** A factory's samples, newest first: code, name, SKU, where it stands and where it is kept. */
export function FactorySamplesPanel({ factoryId }: { factoryId: string }) {
  const { t } = useTranslation()
  const [all, setAll] = useState(false)
  const result = useCall('samples.list', { factoryId })
  const samples = result.data ?? []
  const shown = all ? samples : samples.slice(0, FIRST_ROWS)
  const c = (key: string) => t(`factoryPage.sampleColumns.${key}`)
  return (
    <Paper withBorder p="md" data-testid="factory-samples">
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t('factoryPage.samples', { count: samples.length })}</Title>
      </Group>
      {result.error ? <ErrorAlert error={result.error} /> : null}
      {result.data && samples.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('factoryPage.samplesEmpty')}
        </Text>
      ) : null}
      {shown.length > 0 ? (
        <Table verticalSpacing={5} horizontalSpacing="xs" fz="sm" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{c('code')}</Table.Th>
              <Table.Th>{c('name')}</Table.Th>
              <Table.Th>{c('sku')}</Table.Th>
              <Table.Th>{c('status')}</Table.Th>
              <Table.Th>{c('verdict')}</Table.Th>
              <Table.Th>{c('storage')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((s) => (
              <Table.Tr key={s.id} data-testid="factory-sample-row">
                <Table.Td>
                  <Anchor href={`#/samples/${s.id}`} ff="monospace" size="sm">
                    {s.code}
                  </Anchor>
                </Table.Td>
                <Table.Td>{s.name}</Table.Td>
                <Table.Td c={s.skuName ? undefined : 'dimmed'}>
                  {s.skuId && s.skuName ? (
                    <Anchor href={`#/skus/${s.skuId}`} size="sm">
                      {s.skuName}
                    </Anchor>
                  ) : (
                    t('common.none')
                  )}
                </Table.Td>
                <Table.Td>
                  <SampleStatusBadge status={s.status} />
                </Table.Td>
                <Table.Td>
                  {s.verdict ? (
                    <Badge tt="none" variant="light" radius="sm" size="sm">
                      {t(`verdict.${s.verdict}`)}
                    </Badge>
                  ) : (
                    <Text span size="sm" c="dimmed">
                      {t('common.none')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td c={s.storageLocation ? undefined : 'dimmed'}>
                  {s.storageLocation || t('common.none')}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      {!all && samples.length > FIRST_ROWS ? (
        <Group justify="center" mt="xs">
          <Button variant="subtle" size="xs" onClick={() => setAll(true)} data-testid="factory-samples-all">
            {t('factoryPage.showAll', { count: samples.length })}
          </Button>
        </Group>
      ) : null}
    </Paper>
  )
}
