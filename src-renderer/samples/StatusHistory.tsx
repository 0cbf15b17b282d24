import { Text, Timeline } from '@mantine/core'
import type { Sample } from '@core/samples/samples.contract'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../factories/format'
import { SAMPLE_STATUS_COLORS } from './SampleStatusBadge'

/** Every status change, oldest first, with who made it and the reason given. */
export function StatusHistory({ history }: { history: Sample['history'] }) {
  const { t } = useTranslation()
  return (
    <Timeline active={history.length - 1} bulletSize={14} lineWidth={2} data-testid="status-history">
      {history.map((h) => (
        <Timeline.Item
          key={h.id}
          color={SAMPLE_STATUS_COLORS[h.to]}
          title={
            <Text size="sm" fw={500}>
              {h.from === null
                ? t('samples.history.registered', { status: t(`sampleStatus.${h.to}`) })
                : t('samples.history.moved', {
                    from: t(`sampleStatus.${h.from}`),
                    to: t(`sampleStatus.${h.to}`),
                  })}
            </Text>
          }
          data-testid="history-entry"
        >
          <Text size="xs" c="dimmed" className="num">
            {formatDateTime(h.at)}
            {h.by ? ` · ${h.by}` : ''}
          </Text>
          {h.reason ? (
            <Text size="sm" mt={2} data-testid="history-reason">
              {h.reason}
            </Text>
          ) : null}
        </Timeline.Item>
      ))}
    </Timeline>
  )
}
