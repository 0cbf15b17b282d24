import { Select, Text } from '@mantine/core'
import type { FactoryStatus } from '@core/factories/factories.contract'
import { useDebouncedValue } from '@mantine/hooks'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useCall } from '../api/use-call'
import { FactoryOption } from '../factories/FactoryOption'

/** Factories shown per search; a buyer narrows by typing rather than scrolling thousands. */
const PAGE = 50

/**
 * Picks a factory by name: the list is searched in the core (it may hold thousands), and the chosen one
 * stays shown even when it is not among the latest results.
 */
export function FactorySelect({
  value,
  initialLabel,
  onChange,
  error,
  testId,
}: {
  value: string | null
  /** The current factory's name, so it shows before any search. */
  initialLabel?: string
  onChange: (id: string | null) => void
  error?: React.ReactNode
  testId: string
}) {
  const { t } = useTranslation()
  const [search, setSearch] = useState(initialLabel ?? '')
  const [chosen, setChosen] = useState(value && initialLabel ? { value, label: initialLabel } : null)
  const [query] = useDebouncedValue(search.trim(), 200)
  // A search equal to the chosen name lists everything, so reopening the dropdown offers the others.
  const effective = chosen && query === chosen.label ? '' : query
  const result = useCall('factories.list', { search: effective, sort: 'name', direction: 'asc', limit: PAGE })
  // A value set from outside (a restored draft) is named by looking the factory up.
  const unnamed = value !== null && chosen?.value !== value
  const named = useCall('factories.get', { id: value ?? '' }, unnamed)
  // Statuses of the listed factories, and of the chosen one (looked up), so a blacklisted or paused pick warns.
  const summaries = useMemo(
    () => new Map((result.data?.items ?? []).map((f) => [f.id, f] as const)),
    [result.data],
  )
  const current = useCall('factories.get', { id: value ?? '' }, value !== null)
  const warned: FactoryStatus | undefined =
    value === null
      ? undefined
      : current.data?.id === value
        ? current.data.status
        : summaries.get(value)?.status
  const data = useMemo(() => {
    const options = (result.data?.items ?? []).map((f) => ({ value: f.id, label: f.name }))
    if (chosen && !options.some((o) => o.value === chosen.value)) options.unshift(chosen)
    const found = named.data
    if (found && found.id === value && !options.some((o) => o.value === found.id)) {
      options.unshift({ value: found.id, label: found.name })
    }
    return options
  }, [result.data, chosen, named.data, value])

  const chosenName = data.find((o) => o.value === value)?.label ?? ''
  return (
    <>
      <Select
        label={t('quotes.fields.factory')}
        placeholder={t('quotes.placeholders.factory')}
        withAsterisk
        searchable
        nothingFoundMessage={result.loading ? t('common.loading') : t('quotes.noFactory')}
        data={data}
        value={value}
        searchValue={search}
        onSearchChange={setSearch}
        onChange={(id, option) => {
          setChosen(id && option ? { value: id, label: option.label } : null)
          onChange(id)
        }}
        error={error}
        // Status, place, last visit and latest score: a blacklisted or paused factory shows it before the pick.
        renderOption={({ option }) => (
          <FactoryOption factory={summaries.get(option.value)} label={option.label} />
        )}
        data-testid={testId}
      />
      {isWarned(warned) ? (
        <FactoryWarning status={warned} name={chosenName} testId={`${testId}-warning`} />
      ) : null}
    </>
  )
}

/** Statuses the team should not source from now. */
export function isWarned(status: string | undefined): status is 'blacklisted' | 'paused' {
  return status === 'blacklisted' || status === 'paused'
}

/** The warning under a picked factory that is blacklisted or paused. */
export function FactoryWarning({
  status,
  name,
  testId,
}: {
  status: 'blacklisted' | 'paused'
  name: string
  testId?: string
}) {
  const { t } = useTranslation()
  return (
    <Text
      size="xs"
      mt={4}
      fw={500}
      c={status === 'blacklisted' ? 'var(--mantine-color-red-text)' : 'var(--mantine-color-orange-text)'}
      role="alert"
      data-testid={testId}
    >
      {t(`quoteUi.factoryWarning.${status}`, { name })}
    </Text>
  )
}
