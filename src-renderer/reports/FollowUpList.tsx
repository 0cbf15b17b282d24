import { Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { FollowUpData } from './report-types'

/** Follow-ups with a box ticked or not, due dates, and when each was done. */
export function FollowUpList({ items }: { items: readonly FollowUpData[] }) {
  const { t } = useTranslation()
  if (items.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('reports.followUps.none')}
      </Text>
    )
  }
  return (
    <ul className="print-checklist" data-testid="report-follow-ups">
      {items.map((item) => (
        <li key={item.id} data-done={item.done}>
          <span className="print-check">{item.done ? '☑' : '☐'}</span>
          <span>
            {item.text}
            <span className="print-muted">
              {' · '}
              {item.done && item.doneAt
                ? t('reports.followUps.done', { date: item.doneAt.slice(0, 10) })
                : item.dueDate
                  ? t('reports.followUps.due', { date: item.dueDate })
                  : t('reports.followUps.noDue')}
            </span>
          </span>
        </li>
      ))}
    </ul>
  )
}
