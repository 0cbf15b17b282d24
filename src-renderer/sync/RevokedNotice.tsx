import { Alert, Anchor, Text } from '@mantine/core'
import { IconLock } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { CallResult } from '@core/api/contract'
import { formatDateTime } from '../factories/format'

/**
 * Says that HQ no longer accepts this laptop (revoked, or an HQ that does not know it), since when, and
 * what to do: ask HQ for a new enrolment code and enrol again; the unsent work stays and goes up then.
 */
export function RevokedNotice({ status }: { status: CallResult<'sync.status'> & { revokedAt: string } }) {
  const { t } = useTranslation()
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconLock size={18} />}
      title={t('sync.revoked.title', { time: formatDateTime(status.revokedAt) })}
      data-testid="sync-revoked"
    >
      <Text size="sm" mb="xs">
        {t('sync.revoked.body', { count: status.unsentRecords })}
      </Text>
      <Text size="sm" mb="xs">
        {t('sync.revoked.steps')}
      </Text>
      <Anchor href="#/settings" size="sm" fw={500}>
        {t('sync.revoked.link')}
      </Anchor>
    </Alert>
  )
}
