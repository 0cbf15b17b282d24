import { Badge, type MantineColor } from '@mantine/core'
import type { SkuTargetStatus } from '@core/targets/targets.contract'
import { useTranslation } from 'react-i18next'

/** Green meets, yellow is within 10%, red misses; grey says why there is no verdict yet. */
export const TARGET_STATUS_COLORS: Record<SkuTargetStatus, MantineColor> = {
  met: 'teal',
  within10: 'yellow',
  missed: 'red',
  noQuote: 'gray',
  noBenchmark: 'gray',
}

export const TARGET_STATUSES: SkuTargetStatus[] = ['met', 'within10', 'missed', 'noQuote', 'noBenchmark']

export function TargetStatusBadge({
  status,
  size = 'sm',
  testId,
}: {
  status: SkuTargetStatus
  size?: 'xs' | 'sm' | 'md' | 'lg'
  testId?: string
}) {
  const { t } = useTranslation()
  const verdict = status === 'met' || status === 'within10' || status === 'missed'
  return (
    <Badge
      color={TARGET_STATUS_COLORS[status]}
      variant={verdict ? 'filled' : 'light'}
      size={size}
      radius="sm"
      tt="none"
      // Never ellipsize a verdict: its column keeps the whole word.
      styles={{ label: { overflow: 'visible', textOverflow: 'clip' } }}
      data-testid={testId}
      data-status={status}
    >
      {t(`targetStatus.${status}`)}
    </Badge>
  )
}
