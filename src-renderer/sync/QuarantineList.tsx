import { Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CallResult } from '@core/api/contract'
import { useCall } from '../api/use-call'
import { ErrorAlert } from '../common/ErrorAlert'
import { formatDateTime } from '../factories/format'
import { fieldLabel, ListPanel, PAGE, RecordLink, ShowMore } from './sync-list-parts'

type Held = CallResult<'sync.quarantine'>['items'][number]
type Problem = Held['problems'][number]

/** Long values are cut here; the full text stays in the quarantine. */
const VALUE_CHARS = 60

function ProblemLine({ kind, problem }: { kind: string; problem: Problem }) {
  const { t } = useTranslation()
  const value = problem.value.length > VALUE_CHARS ? `${problem.value.slice(0, VALUE_CHARS)}…` : problem.value
  return (
    <Text size="sm" title={problem.reason}>
      {t('sync.quarantine.refused', {
        field: fieldLabel(t, kind, problem.field === 'id' ? 'id' : problem.column),
        value: value === '' ? t('sync.conflicts.emptyValue') : value,
        reason: t(problem.problem.messageKey, { ...problem.problem.params, defaultValue: problem.reason }),
      })}
    </Text>
  )
}

function HeldRow({ held }: { held: Held }) {
  const { t } = useTranslation()
  const kind = t(`sync.kinds.${held.kind}`, { defaultValue: held.kind })
  const others = held.changes - held.problems.length
  return (
    <Stack gap={2} py={6} data-testid="sync-quarantined">
      <Text size="sm" fw={500}>
        {held.unknownRecord ? (
          `${kind} ${held.title ?? ''}`.trim()
        ) : (
          <RecordLink kind={held.kind} rowId={held.rowId} title={held.title} />
        )}
        {held.unknownRecord ? (
          <Text span c="dimmed" size="sm">
            {t('sync.quarantine.newRecord')}
          </Text>
        ) : null}
      </Text>
      {held.problems.map((problem) => (
        <ProblemLine key={`${problem.column}/${problem.field}`} kind={held.kind} problem={problem} />
      ))}
      <Text size="xs" c="dimmed">
        {t('sync.quarantine.from', { device: held.device, at: formatDateTime(held.at) })}
        {others > 0 ? t('sync.quarantine.rest', { count: others }) : ''}
      </Text>
    </Stack>
  )
}

/**
 * Changes from other devices this laptop refused to apply (kept, never applied), and how many of a
 * newer version wait for an upgrade; hidden when there are none.
 */
export function QuarantineList() {
  const { t } = useTranslation()
  const [limit, setLimit] = useState(PAGE)
  const quarantine = useCall('sync.quarantine', { offset: 0, limit })
  const items = quarantine.data?.items ?? []
  const parked = quarantine.data?.parked ?? 0
  if (!quarantine.error && items.length === 0 && parked === 0) return null
  return (
    <ListPanel title={t('sync.quarantine.title')} hint={t('sync.quarantine.hint')} testId="sync-quarantine">
      {quarantine.error ? <ErrorAlert error={quarantine.error} /> : null}
      {parked > 0 ? (
        <Text size="sm" mb="xs" data-testid="sync-parked">
          {t('sync.quarantine.parked', { count: parked })}
        </Text>
      ) : null}
      {items.map((held) => (
        <HeldRow key={held.id} held={held} />
      ))}
      <ShowMore
        shown={items.length}
        total={quarantine.data?.total ?? 0}
        loading={quarantine.loading}
        onMore={() => setLimit((n) => n + PAGE)}
      />
    </ListPanel>
  )
}
