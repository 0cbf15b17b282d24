import { Badge } from '@mantine/core'
import type { TourPhase } from '@core/tours/tours.contract'
import { useTranslation } from 'react-i18next'

const COLORS: Record<TourPhase, string> = { upcoming: 'blue', ongoing: 'teal', finished: 'gray' }

export function PhaseBadge({ phase }: { phase: TourPhase }) {
  const { t } = useTranslation()
  return (
    <Badge
      color={COLORS[phase]}
      variant="light"
      size="sm"
      radius="sm"
      tt="none"
      style={{ minWidth: 'max-content' }}
      data-testid="tour-phase"
    >
      {t(`tourPhase.${phase}`)}
    </Badge>
  )
}
