import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core'
import type { SampleRequest } from '@core/sample-requests/sample-requests.contract'
import { IconPackageImport, IconTruck } from '@tabler/icons-react'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation } from '../api/use-mutation'
import { ConfirmDeleteButton } from '../common/ConfirmDeleteButton'
import { notifySuccess } from '../common/notify'
import { routeHash } from '../shell/route'
import { ReceiveModal, ShipModal } from './request-forms'

const STATUS_COLOR: Record<SampleRequest['status'], string> = {
  requested: 'gray',
  shipped: 'blue',
  received: 'teal',
}

/** Late, and why: not shipped by the promised date, or not arrived a week after shipping. */
export function LateBadge({ late }: { late: SampleRequest['late'] }) {
  const { t } = useTranslation()
  if (!late) return null
  return (
    <Badge color="red" variant="filled" data-testid="sample-request-late">
      {t(`sampleRequests.late.${late.reason}`, { days: late.daysLate })}
    </Badge>
  )
}

export function RequestStatusBadge({ status }: { status: SampleRequest['status'] }) {
  const { t } = useTranslation()
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" data-testid="sample-request-status">
      {t(`sampleRequests.status.${status}`)}
    </Badge>
  )
}

function RequestRow({
  request,
  focused,
  showFactory,
  onShip,
  onReceive,
}: {
  request: SampleRequest
  focused: boolean
  showFactory: boolean
  onShip: () => void
  onReceive: () => void
}) {
  const { t } = useTranslation()
  const remove = useMutation('sampleRequests.delete')
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (focused) ref.current?.scrollIntoView({ block: 'center' })
  }, [focused])
  return (
    <Paper
      ref={ref}
      withBorder
      p="sm"
      data-testid="sample-request-row"
      data-request-id={request.id}
      data-focused={focused || undefined}
      bg={focused ? 'var(--mantine-color-yellow-light)' : undefined}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Text fw={600}>{request.item}</Text>
            <Text size="sm" c="dimmed">
              {t('sampleRequests.quantityOf', { count: request.quantity })}
            </Text>
            <RequestStatusBadge status={request.status} />
            <LateBadge late={request.late} />
          </Group>
          <Group gap="md">
            {showFactory ? (
              <Anchor size="sm" href={routeHash({ area: 'factory', id: request.factoryId })}>
                {request.factoryName ?? '—'}
              </Anchor>
            ) : null}
            {request.visitId && request.visitDate ? (
              <Anchor size="sm" href={routeHash({ area: 'visit', id: request.visitId })}>
                {t('sampleRequests.fields.visitId')} {request.visitDate}
              </Anchor>
            ) : null}
            {request.skuId && request.skuName ? (
              <Anchor size="sm" href={routeHash({ area: 'sku', id: request.skuId })}>
                {request.skuName}
              </Anchor>
            ) : null}
          </Group>
          <Text size="sm" c="dimmed">
            {t('sampleRequests.requestedOn', { date: request.requestedOn })} ·{' '}
            {t('sampleRequests.promised', { date: request.promisedShipDate })}
          </Text>
          {request.shippedOn ? (
            <Text size="sm" data-testid="sample-request-shipping">
              {t('sampleRequests.shippedOnVia', {
                date: request.shippedOn,
                courier: request.courier,
                tracking: request.trackingNumber,
              })}
            </Text>
          ) : null}
          {request.receivedOn ? (
            <Group gap="xs">
              <Text size="sm">{t('sampleRequests.receivedOnAs', { date: request.receivedOn })}</Text>
              {request.sampleId ? (
                <Anchor size="sm" href={routeHash({ area: 'sample', id: request.sampleId })}>
                  {t('sampleRequests.openSample', { code: request.sampleCode ?? '' })}
                </Anchor>
              ) : null}
            </Group>
          ) : null}
          {request.notes ? (
            <Text size="sm" c="dimmed">
              {request.notes}
            </Text>
          ) : null}
        </Stack>
        <Group gap="xs" wrap="nowrap">
          {request.status === 'requested' ? (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconTruck size={14} />}
              onClick={onShip}
              data-testid="sample-request-ship"
            >
              {t('sampleRequests.ship')}
            </Button>
          ) : null}
          {request.status !== 'received' ? (
            <Button
              size="xs"
              variant="light"
              color="teal"
              leftSection={<IconPackageImport size={14} />}
              onClick={onReceive}
              data-testid="sample-request-receive"
            >
              {t('sampleRequests.receive')}
            </Button>
          ) : null}
          <ConfirmDeleteButton
            size="xs"
            title={t('sampleRequests.delete')}
            body={`${request.item} · ${request.factoryName ?? ''}`}
            pending={remove.pending}
            testId="sample-request-delete"
            onConfirm={async () => {
              await remove.run({ id: request.id })
              notifySuccess(t('sampleRequests.deleted'))
            }}
          />
        </Group>
      </Group>
    </Paper>
  )
}

/** Requests as the list shows them (late first, as the core orders them), with their steps. */
export function SampleRequestList({
  requests,
  focus,
  showFactory = true,
}: {
  requests: SampleRequest[]
  /** A request to highlight and scroll to. */
  focus?: string
  showFactory?: boolean
}) {
  const [shipping, setShipping] = useState<SampleRequest | null>(null)
  const [receiving, setReceiving] = useState<SampleRequest | null>(null)
  return (
    <Stack gap="xs" data-testid="sample-request-list">
      {requests.map((request) => (
        <RequestRow
          key={request.id}
          request={request}
          focused={request.id === focus}
          showFactory={showFactory}
          onShip={() => setShipping(request)}
          onReceive={() => setReceiving(request)}
        />
      ))}
      <ShipModal key={`ship-${shipping?.id ?? ''}`} request={shipping} onClose={() => setShipping(null)} />
      <ReceiveModal
        key={`receive-${receiving?.id ?? ''}`}
        request={receiving}
        onClose={() => setReceiving(null)}
      />
    </Stack>
  )
}
