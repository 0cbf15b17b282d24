import { Alert, Text } from '@mantine/core'
import { IconClockExclamation } from '@tabler/icons-react'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import type { SyncStatus } from '@core/sync/sync.contract'
import { clockNotice } from './clock-notice'

/** Says, in words, that this laptop's clock is off and that saves use HQ's time; nothing when it is right. */
export function ClockNote({ clock }: { clock: SyncStatus['clock'] }) {
  const { t } = useTranslation()
  const notice = clockNotice(t, clock)
  if (!notice || !clock) return null
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<IconClockExclamation size={18} />}
      title={notice.sentence}
      data-testid="sync-clock"
    >
      <Text size="xs" c="dimmed">
        {t('sync.clock.measured', { time: dayjs(clock.measuredAt).format('YYYY-MM-DD HH:mm') })}
      </Text>
    </Alert>
  )
}
