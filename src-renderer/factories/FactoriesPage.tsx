import { Center, Loader, Stack, Text, Title } from '@mantine/core'
import type { FactorySortKey, FactoryStatus } from '@core/factories/factories.contract'
import { useDebouncedValue } from '@mantine/hooks'
import { useCallback, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../common/ErrorAlert'
import { ExportListButton } from '../imports/ExportListButton'
import { ImportButton } from '../imports/ImportButton'
import { LazyFactoryFormDrawer } from './LazyFactoryFormDrawer'
import { FactoryList } from './FactoryList'
import type { SortState } from './FactoryListHeader'
import { FactoryToolbar } from './FactoryToolbar'
import { defaultDirection } from './list-columns'
import { OPENING_QUERY, type FactoryQuery } from './factory-pager'
import { useFactoryPages } from './use-factory-pages'

/** Header + padding of the shell; the list fills the rest of the window and scrolls inside itself. */
const PAGE_HEIGHT = 'calc(100dvh - var(--app-shell-header-offset, 56px) - 2 * var(--mantine-spacing-md))'

export function FactoriesPage() {
  const { t } = useTranslation()
  const [search, setSearch] = useState(OPENING_QUERY.search)
  const [debouncedSearch] = useDebouncedValue(search.trim(), 250)
  const [statuses, setStatuses] = useState<FactoryStatus[]>(OPENING_QUERY.statuses)
  const [sort, setSort] = useState<SortState>({
    sort: OPENING_QUERY.sort,
    direction: OPENING_QUERY.direction,
  })
  const [creating, setCreating] = useState(false)

  const query = useMemo<FactoryQuery>(
    () => ({ search: debouncedSearch, statuses, ...sort }),
    [debouncedSearch, statuses, sort],
  )
  const list = useFactoryPages(query)
  const filtered = debouncedSearch !== '' || statuses.length > 0

  const onSort = useCallback(
    (key: FactorySortKey) =>
      setSort((s) =>
        s.sort === key
          ? { sort: key, direction: s.direction === 'asc' ? 'desc' : 'asc' }
          : { sort: key, direction: defaultDirection(key) },
      ),
    [],
  )

  let placeholder: React.ReactNode
  if (list.total === undefined && !list.error) {
    placeholder = (
      <Center p="xl">
        <Loader size="sm" />
      </Center>
    )
  } else if (list.total === 0) {
    placeholder = (
      <Center p="xl" data-testid="factory-empty">
        <Text c="dimmed">{filtered ? t('factories.noMatch') : t('factories.empty')}</Text>
      </Center>
    )
  }

  const countText =
    list.total === undefined
      ? ''
      : t(filtered ? 'factories.countFiltered' : 'factories.count', { count: list.total })

  return (
    <Stack gap="sm" h={PAGE_HEIGHT}>
      <Title order={2}>{t('factories.title')}</Title>
      <FactoryToolbar
        search={search}
        onSearch={setSearch}
        statuses={statuses}
        onStatuses={setStatuses}
        countText={countText}
        onCreate={() => setCreating(true)}
        actions={
          <>
            <ImportButton kind="factories" />
            <ExportListButton
              call="exports.factories"
              input={{ search: debouncedSearch, statuses, ...sort }}
            />
          </>
        }
      />
      {list.error ? <ErrorAlert error={list.error} title={t('factories.loadFailed')} /> : null}
      <FactoryList
        count={list.total ?? 0}
        rowAt={list.rowAt}
        onRows={list.ensureRows}
        resetKey={JSON.stringify(query)}
        sort={sort}
        onSort={onSort}
        placeholder={placeholder}
      />
      <LazyFactoryFormDrawer
        opened={creating}
        factory={null}
        onClose={() => setCreating(false)}
        onSaved={() => setCreating(false)}
      />
    </Stack>
  )
}
