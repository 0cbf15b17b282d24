import { ActionIcon, Anchor, Badge, Checkbox, Group, Stack, Text } from '@mantine/core'
import type { FollowUp, FollowUpItem } from '@core/visits/visits.contract'
import { IconTrash } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useMutation } from '../api/use-mutation'
import { errorMessage } from '../common/error-message'
import { notifyError } from '../common/notify'
import { localToday } from './score-format'

function isItem(f: FollowUp | FollowUpItem): f is FollowUpItem {
  return 'factoryId' in f
}

/**
 * Follow-ups to tick off: the box marks one done (or reopens it), overdue ones are marked red. With
 * `withSource`, each says which visit it came from.
 */
export function FollowUpList({
  items,
  withSource = false,
  onDelete,
}: {
  items: (FollowUp | FollowUpItem)[]
  /** Show the visit date (a link) beside each, for lists across visits. */
  withSource?: boolean
  /** Offer a delete button, for the visit's own list. */
  onDelete?: (id: string) => void
}) {
  const { t } = useTranslation()
  const setDone = useMutation('followUps.setDone')
  const today = localToday()
  const tick = (id: string, done: boolean) =>
    setDone
      .run({ id, done })
      .catch((error: unknown) => notifyError(t('errors.title'), errorMessage(t, error)))

  if (items.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="followups-empty">
        {t('visits.noFollowUps')}
      </Text>
    )
  }
  return (
    <Stack gap={6} data-testid="followup-list">
      {items.map((f) => {
        const overdue = !f.done && f.dueDate !== null && f.dueDate < today
        return (
          <Group key={f.id} gap="sm" wrap="nowrap" align="flex-start" data-testid="followup">
            <Checkbox
              mt={2}
              checked={f.done}
              onChange={(e) => void tick(f.id, e.currentTarget.checked)}
              aria-label={f.text}
              data-testid="followup-done"
            />
            <Stack gap={0} style={{ flex: 1 }}>
              <Text
                size="sm"
                td={f.done ? 'line-through' : undefined}
                c={f.done ? 'dimmed' : undefined}
                data-testid="followup-text"
              >
                {f.text}
              </Text>
              <Group gap="xs">
                {f.dueDate ? (
                  <Text size="xs" c={overdue ? 'red' : 'dimmed'} className="num">
                    {t('visits.due', { date: f.dueDate })}
                  </Text>
                ) : null}
                {overdue ? (
                  <Badge tt="none" size="xs" color="red" variant="light" radius="sm">
                    {t('visits.overdue')}
                  </Badge>
                ) : null}
                {withSource && isItem(f) ? (
                  <Anchor href={`#/visits/${f.visitId}`} size="xs">
                    {t('visits.fromVisit', { date: f.visitDate })}
                  </Anchor>
                ) : null}
              </Group>
            </Stack>
            {onDelete ? (
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={t('common.delete')}
                onClick={() => onDelete(f.id)}
              >
                <IconTrash size={16} />
              </ActionIcon>
            ) : null}
          </Group>
        )
      })}
    </Stack>
  )
}
