import { Badge, Button, Divider, Group, Stack, Text } from '@mantine/core'
import { Fragment, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CallResult } from '@core/api/contract'
import { useCall } from '../api/use-call'
import { ErrorAlert } from '../common/ErrorAlert'
import { formatDateTime } from '../factories/format'
import { useRestore } from '../trash/use-restore'
import { fieldLabel, ListPanel, PAGE, recordTitle, ShowMore } from './sync-list-parts'

type DeleteConflict = CallResult<'trash.conflicts'>['items'][number]

/** Long values (a whole note) are cut here; the record itself shows the rest. */
const VALUE_CHARS = 60

function DeleteConflictRow({ conflict }: { conflict: DeleteConflict }) {
  const { t } = useTranslation()
  const { restore, pending } = useRestore()
  const separator = t('trash.conflicts.fieldSeparator')
  const fields = conflict.fields.map((f) => fieldLabel(t, conflict.kind, f.field)).join(separator)
  const values = conflict.fields
    .map((f) => {
      const value = f.value.length > VALUE_CHARS ? `${f.value.slice(0, VALUE_CHARS)}…` : f.value
      return `${fieldLabel(t, conflict.kind, f.field)}「${value || t('sync.conflicts.emptyValue')}」`
    })
    .join(separator)
  const words = {
    deleter: conflict.deleted.device,
    record: recordTitle(t, conflict.kind, conflict.title || t('trash.untitled')),
    editor: conflict.edited.device,
    fields,
  }
  return (
    <Group justify="space-between" wrap="nowrap" py={6} data-testid="delete-conflict">
      <Stack gap={2}>
        <Text size="sm" fw={500}>
          {conflict.edited.at > conflict.deleted.at
            ? t('trash.conflicts.later', words)
            : t('trash.conflicts.unseen', words)}
        </Text>
        {values ? <Text size="sm">{t('trash.conflicts.kept', { values })}</Text> : null}
        <Text size="xs" c="dimmed">
          {t('trash.conflicts.times', {
            deletedAt: formatDateTime(conflict.deleted.at),
            editedAt: formatDateTime(conflict.edited.at),
          })}
        </Text>
      </Stack>
      {conflict.restored ? (
        <Badge color="teal" variant="light" data-testid="delete-conflict-restored">
          {t('trash.conflicts.restoredState')}
        </Badge>
      ) : (
        <Button
          size="xs"
          variant="light"
          loading={pending}
          onClick={() => void restore({ kind: conflict.kind, id: conflict.rowId })}
          data-testid="delete-conflict-restore"
        >
          {t('trash.conflicts.restore')}
        </Button>
      )}
    </Group>
  )
}

/** Deletes that met an edit made without seeing each other: the record stays deleted, the edit is kept. */
export function DeleteConflictList() {
  const { t } = useTranslation()
  const [limit, setLimit] = useState(PAGE)
  const conflicts = useCall('trash.conflicts', { offset: 0, limit })
  const items = conflicts.data?.items ?? []
  // Shown only when there is something to tell: most laptops never see one.
  if (conflicts.data && items.length === 0) return null
  return (
    <ListPanel title={t('trash.conflicts.title')} hint={t('trash.conflicts.hint')} testId="delete-conflicts">
      {conflicts.error ? <ErrorAlert error={conflicts.error} /> : null}
      <Stack gap={0}>
        {items.map((conflict, index) => (
          <Fragment key={conflict.id}>
            {index > 0 ? <Divider /> : null}
            <DeleteConflictRow conflict={conflict} />
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
