import { Badge, Stack, Table, Text } from '@mantine/core'
import { IconBan } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { ConfirmDeleteButton } from '../../../src-renderer/common/ConfirmDeleteButton'
import { ErrorAlert } from '../../../src-renderer/common/ErrorAlert'
import { notifySuccess } from '../../../src-renderer/common/notify'
import { formatDateTime } from '../../../src-renderer/factories/format'
import { useHqCall, useHqMutation } from '../hq-api-context'
import type { HqResult } from '../hq-api'
import { PageHeader } from './PageHeader'

type Device = HqResult<'admin.devices.list'>['devices'][number]

/** Revoke, after saying what it does. */
function RevokeButton({ device }: { device: Device }) {
  const { t } = useTranslation()
  const revoke = useHqMutation('admin.devices.revoke')
  return (
    <ConfirmDeleteButton
      title={t('hqConsole.devices.revokeTitle')}
      body={t('hqConsole.devices.revokeBody', { name: device.name })}
      label={t('hqConsole.devices.revoke')}
      confirmLabel={t('hqConsole.devices.revoke')}
      icon={<IconBan size={14} />}
      size="xs"
      pending={revoke.pending}
      testId="device-revoke"
      onConfirm={async () => {
        await revoke.run({ deviceId: device.id })
        notifySuccess(t('hqConsole.devices.revoked', { name: device.name }))
      }}
    />
  )
}

/** Enrolled laptops: when they enrolled, when they last pushed, and revocation. */
export function DevicesPage() {
  const { t } = useTranslation()
  const devices = useHqCall('admin.devices.list', {})
  const activity = useHqCall('admin.devices.activity', {})
  const byDevice = new Map((activity.data?.activity ?? []).map((a) => [a.deviceId, a]))
  const rows = [...(devices.data?.devices ?? [])].sort(
    (a, b) => Number(a.revokedAt !== null) - Number(b.revokedAt !== null),
  )
  return (
    <Stack gap="md">
      <PageHeader title={t('hqConsole.devices.title')} hint={t('hqConsole.devices.hint')} />
      {devices.error ? <ErrorAlert error={devices.error} /> : null}
      {devices.data && rows.length === 0 ? (
        <Text c="dimmed">{t('hqConsole.devices.empty')}</Text>
      ) : (
        <Table striped withTableBorder data-testid="devices-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('hqConsole.devices.name')}</Table.Th>
              <Table.Th>{t('hqConsole.devices.status')}</Table.Th>
              <Table.Th>{t('hqConsole.devices.enrolled')}</Table.Th>
              <Table.Th>{t('hqConsole.devices.lastPush')}</Table.Th>
              <Table.Th ta="right">{t('hqConsole.devices.messages')}</Table.Th>
              <Table.Th>{t('hqConsole.devices.node')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((device) => {
              const pushed = byDevice.get(device.id)
              return (
                <Table.Tr
                  key={device.id}
                  data-testid="device-row"
                  c={device.revokedAt ? 'dimmed' : undefined}
                >
                  <Table.Td fw={500}>{device.name}</Table.Td>
                  <Table.Td>
                    {device.revokedAt ? (
                      <Badge color="gray" variant="light" tt="none">
                        {t('hqConsole.devices.revokedAt', { time: formatDateTime(device.revokedAt) })}
                      </Badge>
                    ) : (
                      <Badge color="teal" variant="light" tt="none">
                        {t('hqConsole.devices.active')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{formatDateTime(device.createdAt)}</Table.Td>
                  <Table.Td>
                    {pushed ? formatDateTime(pushed.lastPushAt) : t('hqConsole.devices.never')}
                  </Table.Td>
                  <Table.Td ta="right" className="num">
                    {(pushed?.messages ?? 0).toLocaleString()}
                  </Table.Td>
                  <Table.Td ff="monospace" fz="xs">
                    {device.nodeId}
                  </Table.Td>
                  <Table.Td ta="right">{device.revokedAt ? null : <RevokeButton device={device} />}</Table.Td>
                </Table.Tr>
              )
            })}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  )
}
