import { Badge } from '@mantine/core'
import type { FactoryStatus } from '@core/factories/factories.contract'
import { useTranslation } from 'react-i18next'
import { STATUS_COLORS } from './status-colors'

export function StatusBadge({ status }: { status: FactoryStatus }) {
  const { t } = useTranslation()
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" size="sm" radius="sm" tt="none">
      {t(`status.${status}`)}
    </Badge>
  )
}
