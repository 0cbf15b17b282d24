import { MultiSelect } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useCall } from '../api/use-call'
import { FactoryOption } from '../factories/FactoryOption'

/** Factories shown per search; a buyer narrows by typing rather than scrolling thousands. */
const PAGE = 50

/**
 * Picks several factories by name, searched in the core; the chosen ones keep their names even when a
 * newer search no longer lists them.
 */
export function FactoryMultiSelect({
  value,
  initialLabels,
  onChange,
  label,
  description,
  error,
  testId,
}: {
  value: string[]
  /** Names of the factories already chosen, by id. */
  initialLabels: Record<string, string>
  onChange: (ids: string[]) => void
  label: string
  description?: string
  error?: React.ReactNode
  testId: string
}) {
  const { t } = useTranslation()
  const [search, setSearch] = useState('')
  const [names, setNames] = useState<Record<string, string>>(initialLabels)
  const [query] = useDebouncedValue(search.trim(), 200)
  const result = useCall('factories.list', { search: query, sort: 'name', direction: 'asc', limit: PAGE })
  const summaries = useMemo(
    () => new Map((result.data?.items ?? []).map((f) => [f.id, f] as const)),
    [result.data],
  )
  const data = useMemo(() => {
    const options = (result.data?.items ?? []).map((f) => ({ value: f.id, label: f.name }))
    const listed = new Set(options.map((o) => o.value))
    for (const id of value) if (!listed.has(id)) options.unshift({ value: id, label: names[id] ?? id })
    return options
  }, [result.data, value, names])

  return (
    <MultiSelect
      label={label}
      description={description}
      placeholder={value.length === 0 ? t('tours.placeholders.factories') : undefined}
      searchable
      clearable
      hidePickedOptions
      nothingFoundMessage={result.loading ? t('common.loading') : t('tours.noFactory')}
      data={data}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(ids) => {
        const known = new Map(data.map((o) => [o.value, o.label]))
        setNames((n) => ({
          ...n,
          ...Object.fromEntries(ids.map((id) => [id, known.get(id) ?? n[id] ?? id])),
        }))
        onChange(ids)
      }}
      error={error}
      renderOption={({ option }) => (
        <FactoryOption factory={summaries.get(option.value)} label={option.label} />
      )}
      data-testid={testId}
    />
  )
}
