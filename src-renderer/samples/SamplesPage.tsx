import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Chip,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { SAMPLE_STATUSES } from '@core/domain/sample-workflow'
import type { SampleStatus } from '@core/samples/samples.contract'
import { useDebouncedValue } from '@mantine/hooks'
import { IconPlus, IconPrinter, IconSearch } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useCall } from '../api/use-call'
import { ErrorAlert } from '../common/ErrorAlert'
import { FormDrawer } from '../forms/FormDrawer'
import { ExportListButton } from '../imports/ExportListButton'
import { ImportButton } from '../imports/ImportButton'
import { useRovingList } from '../common/use-roving-list'
import { navigate } from '../shell/route'
import { SampleEditor } from './SampleEditor'
import { SampleStatusBadge } from './SampleStatusBadge'
import { ParentLabel } from '../trash/DeletedParent'

/** Every sample: filter by status, search code, name, category or shelf; tick some to print their labels. */
export function SamplesPage() {
  const { t } = useTranslation()
  const [statuses, setStatuses] = useState<SampleStatus[]>([])
  const [search, setSearch] = useState('')
  const [query] = useDebouncedValue(search.trim(), 200)
  const [selected, setSelected] = useState<string[]>([])
  const [creating, setCreating] = useState(false)
  const list = useCall('samples.list', { search: query, statuses })
  const rows = list.data ?? []
  const shownIds = rows.map((s) => s.id)
  const allShownSelected = shownIds.length > 0 && shownIds.every((id) => selected.includes(id))
  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]))
  const roving = useRovingList({
    count: rows.length,
    onOpen: (index) => navigate({ area: 'sample', id: rows[index]!.id }),
    onToggle: (index) => toggle(rows[index]!.id),
  })
  const toggleAll = () =>
    setSelected((s) =>
      allShownSelected ? s.filter((id) => !shownIds.includes(id)) : [...new Set([...s, ...shownIds])],
    )

  return (
    <Stack gap="sm" maw={1500}>
      <Group justify="space-between">
        <Title order={2}>{t('samples.title')}</Title>
        <Group gap="sm">
          <ImportButton kind="samples" />
          <ExportListButton call="exports.samples" input={{ search: query, statuses }} />
          <Button
            variant="default"
            leftSection={<IconPrinter size={16} />}
            disabled={selected.length === 0}
            onClick={() => navigate({ area: 'labels', ids: selected })}
            data-testid="samples-print-labels"
          >
            {selected.length > 0
              ? t('labels.printSelected', { count: selected.length })
              : t('labels.printSheet')}
          </Button>
          <Button
            leftSection={<IconPlus size={16} />}
            onClick={() => setCreating(true)}
            data-testid="sample-new"
          >
            {t('samples.new')}
          </Button>
        </Group>
      </Group>
      <Group gap="sm" align="center">
        <TextInput
          w={320}
          leftSection={<IconSearch size={16} />}
          placeholder={t('samples.searchPlaceholder')}
          aria-label={t('samples.search')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          data-testid="sample-search"
        />
        <Chip.Group multiple value={statuses} onChange={(v) => setStatuses(v as SampleStatus[])}>
          <Group gap={6} data-testid="sample-status-filter">
            {SAMPLE_STATUSES.map((s) => (
              <Chip key={s} value={s} size="sm" variant="light" data-testid={`status-chip-${s}`}>
                {t(`sampleStatus.${s}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        <Text size="sm" c="dimmed" ml="auto" data-testid="sample-count">
          {list.data ? t('samples.count', { count: rows.length }) : ''}
        </Text>
      </Group>
      {list.error ? <ErrorAlert error={list.error} /> : null}
      <Paper withBorder>
        <Table highlightOnHover verticalSpacing={6} horizontalSpacing="sm" data-testid="sample-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={36}>
                <Checkbox
                  aria-label={t('samples.selectAll')}
                  checked={allShownSelected}
                  indeterminate={!allShownSelected && shownIds.some((id) => selected.includes(id))}
                  onChange={toggleAll}
                  data-testid="sample-select-all"
                />
              </Table.Th>
              <Table.Th>{t('samples.fields.code')}</Table.Th>
              <Table.Th>{t('samples.fields.name')}</Table.Th>
              <Table.Th>{t('samples.fields.status')}</Table.Th>
              <Table.Th>{t('samples.fields.factory')}</Table.Th>
              <Table.Th>{t('samples.fields.sku')}</Table.Th>
              <Table.Th>{t('samples.fields.category')}</Table.Th>
              <Table.Th>{t('samples.fields.storageLocation')}</Table.Th>
              <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('samples.fields.verdict')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody {...roving.listProps}>
            {rows.map((s, index) => (
              <Table.Tr
                key={s.id}
                {...roving.itemProps(index)}
                style={{ cursor: 'pointer' }}
                onClick={() => navigate({ area: 'sample', id: s.id })}
                data-testid="sample-row"
              >
                <Table.Td onClick={(e) => e.stopPropagation()}>
                  <Checkbox
                    aria-label={s.code}
                    checked={selected.includes(s.id)}
                    onChange={() => toggle(s.id)}
                    tabIndex={-1}
                    data-testid="sample-select"
                  />
                </Table.Td>
                <Table.Td>
                  <Anchor
                    href={`#/samples/${s.id}`}
                    ff="monospace"
                    size="sm"
                    style={{ whiteSpace: 'nowrap' }}
                    onClick={(e) => e.stopPropagation()}
                    tabIndex={-1}
                    data-testid="sample-code"
                  >
                    {s.code}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {s.name}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <SampleStatusBadge status={s.status} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={1}>
                    <ParentLabel
                      name={s.factoryName}
                      deleted={s.factoryDeleted}
                      fallback={t('tours.deletedFactory')}
                    />
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={1} c={s.skuName ? undefined : 'dimmed'}>
                    {s.skuName ?? t('common.none')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {s.category || t('common.none')}
                    </Text>
                    {s.overridden ? (
                      <Badge
                        size="xs"
                        color="red"
                        variant="light"
                        radius="sm"
                        tt="none"
                        style={{ minWidth: 'max-content' }}
                      >
                        {t('samples.overridden')}
                      </Badge>
                    ) : null}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={s.storageLocation ? undefined : 'dimmed'}>
                    {s.storageLocation || t('common.none')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {s.verdict ? (
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {t(`verdict.${s.verdict}`)}
                    </Text>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('common.none')}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {list.data && rows.length === 0 ? (
          <Text c="dimmed" p="xl" ta="center" data-testid="sample-empty">
            {query || statuses.length > 0 ? t('samples.noMatch') : t('samples.empty')}
          </Text>
        ) : null}
      </Paper>
      <FormDrawer
        opened={creating}
        title={t('samples.form.createTitle')}
        onClose={() => setCreating(false)}
        size={760}
      >
        {() => (
          <SampleEditor
            sample={null}
            defaults={{}}
            onCancel={() => setCreating(false)}
            onSaved={(saved) => {
              setCreating(false)
              navigate({ area: 'sample', id: saved.id })
            }}
          />
        )}
      </FormDrawer>
    </Stack>
  )
}
