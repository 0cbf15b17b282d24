import {
  Alert,
  Badge,
  Button,
  Group,
  List,
  Loader,
  Modal,
  Paper,
  Progress,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core'
import { IconDeviceMobile } from '@tabler/icons-react'
import type { PhoneUploadItem } from '@core/phone-upload/phone-upload.contract'
import type { PhotoOwnerTable } from '@core/photos/photos.contract'
import { MAX_PHOTO_BYTES } from '@core/photos/photos.contract'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../common/ErrorAlert'
import { messageText } from '../i18n/message-text'
import { QrCode } from '../labels/QrCode'
import classes from './PhoneUpload.module.css'
import { usePhoneSession, type ShownSession } from './use-phone-session'

/** m:ss of a number of milliseconds. */
function clock(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000))
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`
}

/** Time left, from the core's remainingMs and the screen's monotonic time (not its wall clock). */
function useCountdown(session: ShownSession): number {
  const [now, setNow] = useState(() => performance.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(performance.now()), 1000)
    return () => clearInterval(timer)
  }, [])
  return Math.max(0, session.remainingMs - Math.max(0, now - session.receivedAt))
}

function UploadRow({ item }: { item: PhoneUploadItem }) {
  const { t } = useTranslation()
  const percent = item.total ? Math.min(100, Math.round((item.received / item.total) * 100)) : 0
  return (
    <Group gap="sm" wrap="nowrap" data-testid="phone-arrival" data-state={item.state}>
      <Text size="sm" w={180} truncate="end" title={item.name}>
        {item.name}
      </Text>
      {item.state === 'failed' ? (
        <Text size="sm" c="red" data-testid="phone-arrival-error">
          {messageText(t, item.error?.messageKey ?? 'errors.internal', {
            maximumMb: MAX_PHOTO_BYTES / (1024 * 1024),
          })}
        </Text>
      ) : (
        <>
          <Progress
            value={item.state === 'receiving' ? percent : 100}
            w={140}
            size="sm"
            animated={item.state === 'processing'}
            color={item.state === 'done' ? 'teal' : 'blue'}
          />
          <Text size="sm" c="dimmed">
            {t(`phoneUpload.state.${item.state}`, { percent })}
          </Text>
        </>
      )}
    </Group>
  )
}

function SessionView({ session, onRestart }: { session: ShownSession; onRestart(): void }) {
  const { t } = useTranslation()
  const left = useCountdown(session)
  const [chosen, setChosen] = useState(0)
  const address = session.addresses[Math.min(chosen, session.addresses.length - 1)]
  const received = session.uploads.filter((u) => u.state === 'done').length
  if (session.state !== 'open' || !address) {
    return (
      <Stack gap="sm">
        <Alert color="orange" data-testid="phone-expired">
          {t('phoneUpload.expired')}
        </Alert>
        <Group>
          <Button onClick={onRestart} data-testid="phone-restart">
            {t('phoneUpload.restart')}
          </Button>
        </Group>
      </Stack>
    )
  }
  return (
    <Stack gap="md">
      <Group align="flex-start" gap="lg" wrap="nowrap">
        <Paper withBorder p={6} radius="md" bg="white">
          <QrCode text={address.url} className={classes.qr} />
        </Paper>
        <Stack gap="xs" style={{ flex: 1 }}>
          <List type="ordered" size="sm" spacing={4}>
            <List.Item>{t('phoneUpload.steps.wifi')}</List.Item>
            <List.Item>{t('phoneUpload.steps.scan')}</List.Item>
            <List.Item>{t('phoneUpload.steps.shoot')}</List.Item>
          </List>
          <Group gap="xs" mt={4}>
            <Text size="sm" c="dimmed">
              {t('phoneUpload.code')}
            </Text>
            <Text fw={700} size="xl" ff="monospace" data-testid="phone-dialog-code">
              {session.code}
            </Text>
          </Group>
          <Text size="xs" c="dimmed">
            {t('phoneUpload.codeHint')}
          </Text>
          <Text size="sm" data-testid="phone-closes-in">
            {t('phoneUpload.closesIn', { time: clock(left) })}
          </Text>
        </Stack>
      </Group>
      {session.addresses.length > 1 && (
        <Stack gap={4}>
          <Text size="sm">{t('phoneUpload.address')}</Text>
          <SegmentedControl
            data-testid="phone-address"
            value={String(chosen)}
            onChange={(value) => setChosen(Number(value))}
            data={session.addresses.map((a, i) => ({
              value: String(i),
              label: `${a.address} (${a.interface})`,
            }))}
          />
          <Text size="xs" c="dimmed">
            {t('phoneUpload.addressHint')}
          </Text>
        </Stack>
      )}
      <Text size="xs" c="dimmed" ff="monospace" style={{ wordBreak: 'break-all' }} data-testid="phone-url">
        {address.url.split('#')[0]}
      </Text>
      {session.loopbackOnly && (
        <Alert color="yellow" data-testid="phone-loopback">
          {t('phoneUpload.loopbackOnly')}
        </Alert>
      )}
      <Stack gap={6} data-testid="phone-arrivals">
        <Group gap="xs">
          <Title order={5}>{t('photos.title')}</Title>
          <Badge variant="light" color={received > 0 ? 'teal' : 'gray'} data-testid="phone-received">
            {t('phoneUpload.received', { count: received })}
          </Badge>
        </Group>
        {session.uploads.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('phoneUpload.none')}
          </Text>
        ) : (
          session.uploads.map((item) => <UploadRow key={item.id} item={item} />)
        )}
      </Stack>
      <Text size="xs" c="dimmed">
        {t('phoneUpload.privacy')}
      </Text>
    </Stack>
  )
}

export interface PhoneUploadButtonProps {
  /** Table of the record the phone's photos go into. */
  ownerTable: PhotoOwnerTable
  /** Id of the record. */
  ownerId: string
}

/** 手机传图: a button beside the photos that opens the QR dialog; the session lives while it is open. */
export function PhoneUploadButton({ ownerTable, ownerId }: PhoneUploadButtonProps) {
  const { t } = useTranslation()
  const [opened, setOpened] = useState(false)
  const { session, error, restart } = usePhoneSession({ ownerTable, ownerId }, opened)
  return (
    <>
      <Button
        variant="light"
        size="xs"
        leftSection={<IconDeviceMobile size={16} />}
        onClick={() => setOpened(true)}
        data-testid="phone-upload-open"
      >
        {t('phoneUpload.button')}
      </Button>
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        title={t('phoneUpload.title')}
        size="lg"
        data-testid="phone-upload-dialog"
      >
        <div data-testid="phone-upload-body" data-state={session?.state ?? (error ? 'failed' : 'opening')}>
          {error ? (
            <ErrorAlert error={error} />
          ) : session ? (
            <SessionView session={session} onRestart={restart} />
          ) : (
            <Group gap="xs">
              <Loader size="sm" />
              <Text size="sm">{t('phoneUpload.opening')}</Text>
            </Group>
          )}
        </div>
      </Modal>
    </>
  )
}
