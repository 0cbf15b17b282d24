import { Divider, Stack, Text } from '@mantine/core'
import type { TFunction } from 'i18next'
import { Fragment, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CallResult } from '@core/api/contract'
import { useCall } from '../api/use-call'
import { ErrorAlert } from '../common/ErrorAlert'
import { formatDateTime } from '../factories/format'
import { conflictValueText } from './conflict-values'
import { fieldLabel, ListPanel, PAGE, RecordLink, ShowMore } from './sync-list-parts'

type Conflict = CallResult<'sync.conflicts'>['items'][number]

/** Long values (a whole note) are cut here; the record itself shows the rest. */
const VALUE_CHARS = 80

function shown(t: TFunction, value: string): string {
  if (value === '') return t('sync.conflicts.emptyValue')
  return value.length > VALUE_CHARS ? `${value.slice(0, VALUE_CHARS)}…` : value
}

function ConflictRow({ conflict }: { conflict: Conflict }) {
  const { t } = useTranslation()
  return (
    <Stack gap={2} py={6} data-testid="sync-conflict" data-mine={conflict.winner.mine ? 'won' : 'lost'}>
      <Text size="sm" fw={500}>
        <RecordLink kind={conflict.kind} rowId={conflict.rowId} title={conflict.title} />
        <Text span c="dimmed" size="sm">
          {' · '}
          {fieldLabel(t, conflict.kind, conflict.field)}
        </Text>
      </Text>
      <Text size="sm">
        {t('sync.conflicts.replaced', {
          winner: conflict.winner.device,
          winnerValue: shown(t, conflictValueText(t, conflict.kind, conflict.field, conflict.winner.raw)),
          loser: conflict.loser.device,
          loserValue: shown(t, conflictValueText(t, conflict.kind, conflict.field, conflict.loser.raw)),
        })}
      </Text>
      <Text size="xs" c="dimmed">
        {t('sync.conflicts.times', {
          winnerAt: formatDateTime(conflict.winner.at),
          loserAt: formatDateTime(conflict.loser.at),
        })}
      </Text>
    </Stack>
  )
}

/** Conflicts sync resolved, newest first, each saying whose edit replaced whose. */
export function ConflictList() {
  const { t } = useTranslation()
  const [limit, setLimit] = useState(PAGE)
  const conflicts = useCall('sync.conflicts', { offset: 0, limit })
  const items = conflicts.data?.items ?? []
  return (
    <ListPanel title={t('sync.conflicts.title')} hint={t('sync.conflicts.hint')} testId="sync-conflicts">
      {conflicts.error ? <ErrorAlert error={conflicts.error} /> : null}
      {conflicts.data && items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('sync.conflicts.empty')}
        </Text>
      ) : null}
      <Stack gap={0}>
        {items.map((conflict, index) => (
          <Fragment key={conflict.id}>
            {index > 0 ? <Divider /> : null}
            <ConflictRow conflict={conflict} />
          </Fragment>
        ))}
      </Stack>
      <ShowMore
        shown={items.length}
        total={conflicts.data?.total ?? 0}
        loading={conflicts.loading}
        onMore={() => setLimit((n) => n + PAGE)}
      />
    </ListPanel>
  )
}
