import { Badge, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { formatDelta, formatScore, scoreColor } from './score-format'

/** A visit's or a dimension's score as a coloured badge; a dash when unscored. */
export function ScoreBadge({ score, testId }: { score: number | null; testId?: string }) {
  const { t } = useTranslation()
  const text = formatScore(score)
  if (text === null || score === null) {
    return (
      <Text span c="dimmed" size="sm" data-testid={testId}>
        {t('common.none')}
      </Text>
    )
  }
  return (
    <Badge
      tt="none"
      color={scoreColor(score)}
      variant="light"
      radius="sm"
      className="num"
      style={{ minWidth: 'max-content' }}
      data-testid={testId}
      title={t('visits.scoreOutOf')}
    >
      {text}
    </Badge>
  )
}

/** ▲ +1 in green, ▼ −2 in red, = when unchanged, a dash when there is no earlier score. */
export function DeltaMark({ delta }: { delta: number | null }) {
  const { t } = useTranslation()
  if (delta === null) {
    return (
      <Text span c="dimmed" size="sm" data-testid="score-delta">
        {t('common.none')}
      </Text>
    )
  }
  const color = delta > 0 ? 'teal' : delta < 0 ? 'red' : 'dimmed'
  return (
    <Text span size="sm" fw={600} c={color} className="num" data-testid="score-delta">
      {formatDelta(delta)}
    </Text>
  )
}
