import { Badge } from '@mantine/core'
import type { SampleStatus } from '@core/samples/samples.contract'
import { useTranslation } from 'react-i18next'

/** One colour per step of the workflow; the two endings are green and red. */
export const SAMPLE_STATUS_COLORS: Record<SampleStatus, string> = {
  requested: 'gray',
  received: 'blue',
  evaluating: 'violet',
  approved: 'teal',
  rejected: 'red',
}

export function SampleStatusBadge({ status, size = 'sm' }: { status: SampleStatus; size?: 'sm' | 'lg' }) {
  const { t } = useTranslation()
  return (
    <Badge
      color={SAMPLE_STATUS_COLORS[status]}
      variant="light"
      size={size}
      radius="sm"
      tt="none"
      // Never ellipsized in a narrow table column.
      style={{ minWidth: 'max-content' }}
      data-testid="sample-status"
      data-status={status}
    >
      {t(`sampleStatus.${status}`)}
    </Badge>
  )
}
