import { Badge } from '@mantine/core'
import type { Certificate } from '@core/certificates/certificates.contract'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'

/** The flag in words: "23 天后到期", "已过期 4 天", "长期有效". */
export function certificateStatusText(t: TFunction, status: Pick<Certificate, 'state' | 'daysLeft'>): string {
  const days = status.daysLeft ?? 0
  switch (status.state) {
    case 'expired':
      return t('certificates.status.expired', { count: -days })
    case 'expiring':
      return days === 0
        ? t('certificates.status.expiresToday')
        : t('certificates.status.expiring', { count: days })
    case 'valid':
      return t('certificates.status.valid')
    case 'no_expiry':
      return t('certificates.status.no_expiry')
  }
}

export const STATE_COLORS: Record<Certificate['state'], string> = {
  expired: 'red',
  expiring: 'orange',
  valid: 'teal',
  no_expiry: 'gray',
}

/** A certificate's flag as a coloured badge. */
export function CertificateStatusBadge({ status }: { status: Pick<Certificate, 'state' | 'daysLeft'> }) {
  const { t } = useTranslation()
  return (
    <Badge
      color={STATE_COLORS[status.state]}
      variant="light"
      tt="none"
      data-testid="certificate-status"
      data-state={status.state}
    >
      {certificateStatusText(t, status)}
    </Badge>
  )
}
