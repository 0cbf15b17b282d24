import { Alert, Button, Group, Text } from '@mantine/core'
import { IconDownload } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Envelope } from '../api/transport'

/** What update:status answers (src-main/electron/updater.ts). */
export interface UpdateStatus {
  phase: 'idle' | 'checking' | 'downloading' | 'ready' | 'failed'
  version: string | null
  percent: number
  offer: boolean
  waitingFor: 'sync' | 'export' | null
}

declare module '../api/ipc-transport' {
  interface WorkbenchBridge {
    /** Updates from HQ (Electron only). */
    updates?: { status(): Promise<Envelope>; restart(): Promise<Envelope> }
  }
}

const POLL_MS = 20_000

/**
 * "重启以更新 / Restart to update" once the desktop app has downloaded and verified an update from HQ;
 * while a sync or an export runs it says the restart waits. Nothing in the browser host.
 */
export function UpdateOffer() {
  const { t } = useTranslation()
  const bridge = typeof window === 'undefined' ? undefined : window.workbench?.updates
  const [status, setStatus] = useState<UpdateStatus | null>(null)
  const [restarting, setRestarting] = useState(false)
  useEffect(() => {
    if (!bridge) return
    let live = true
    const poll = () =>
      bridge
        .status()
        .then((envelope) => {
          if (live && envelope.ok) setStatus(envelope.value as UpdateStatus)
        })
        .catch(() => undefined)
    void poll()
    const timer = setInterval(poll, POLL_MS)
    return () => {
      live = false
      clearInterval(timer)
    }
  }, [bridge])
  if (!bridge || !status || status.phase !== 'ready') return null
  return (
    <Alert color="teal" icon={<IconDownload size={18} />} mb="md" data-testid="update-offer">
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">
          {status.waitingFor
            ? t(`update.waitingFor.${status.waitingFor}`, { version: status.version })
            : t('update.ready', { version: status.version })}
        </Text>
        <Button
          size="xs"
          disabled={!status.offer}
          loading={restarting}
          onClick={() => {
            setRestarting(true)
            void bridge.restart().then((envelope) => {
              if (!envelope.ok) setRestarting(false)
            })
          }}
          data-testid="update-restart"
        >
          {t('update.restart')}
        </Button>
      </Group>
    </Alert>
  )
}
