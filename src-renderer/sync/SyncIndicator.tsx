import { Button, Loader, Tooltip } from '@mantine/core'
import { IconCloudCheck, IconCloudOff, IconCloudUpload, IconPlugConnectedX } from '@tabler/icons-react'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import { useCall } from '../api/use-call'
import { clockNotice } from './clock-notice'
import { useSyncProgress } from './use-sync-progress'

/** 14:05 today, 11-24 14:05 before. */
function shortTime(iso: string): string {
  const time = dayjs(iso)
  return time.isSame(dayjs(), 'day') ? time.format('HH:mm') : time.format('MM-DD HH:mm')
}

/** The header's sync state (unsent changes, last sync, offline); opens the Sync screen. */
export function SyncIndicator() {
  const { t } = useTranslation()
  const status = useCall('sync.status', {})
  const { progress } = useSyncProgress()
  if (!status.data) return null
  const { enrolled, unsentRecords: unsent } = status.data
  const last = progress?.last ?? status.data.lastSync
  let icon = <IconCloudCheck size={16} />
  let color = 'teal'
  const parts: string[] = []
  if (!enrolled) {
    icon = <IconPlugConnectedX size={16} />
    color = 'gray'
    parts.push(t('sync.header.notEnrolled'))
  } else if (progress?.running) {
    icon = <Loader size={12} />
    color = 'blue'
    parts.push(t('sync.header.running'))
  } else {
    if (last?.outcome === 'offline') {
      icon = <IconCloudOff size={16} />
      color = 'gray'
      parts.push(t('sync.header.offline'))
    } else if (last && last.outcome !== 'ok' && last.outcome !== 'cancelled') {
      icon = <IconCloudOff size={16} />
      color = 'red'
      parts.push(t('sync.header.failed'))
    }
    if (unsent > 0) {
      if (parts.length === 0) icon = <IconCloudUpload size={16} />
      if (color === 'teal') color = 'yellow'
      parts.push(t('sync.header.unsent', { count: unsent }))
    } else if (last && parts.length === 0) {
      parts.push(t('sync.header.synced', { time: shortTime(last.finishedAt) }))
    }
  }
  // A clock that is off does not stop anything (saves use HQ's time), but the buyer is told so.
  const clock = enrolled ? clockNotice(t, status.data.clock) : null
  if (clock) {
    parts.push(clock.short)
    if (color === 'teal') color = 'yellow'
  }
  return (
    <Tooltip label={clock ? `${clock.sentence} · ${t('sync.header.tooltip')}` : t('sync.header.tooltip')}>
      <Button
        component="a"
        href="#/sync"
        variant="light"
        color={color}
        size="compact-sm"
        leftSection={icon}
        fw={500}
        data-testid="sync-indicator"
      >
        {parts.join(' · ') || t('sync.title')}
      </Button>
    </Tooltip>
  )
}
