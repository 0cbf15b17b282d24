import { Sparkline } from '@mantine/charts'
import { Group, Text, Tooltip } from '@mantine/core'
import type { TargetDashboardRow } from '@core/targets/targets.contract'
import { useTranslation } from 'react-i18next'
import { sharePercent } from '../common/figures'

/** How the best ratio moved as quotes came in; falling (cheaper) is good, so it is drawn green. */
export function RatioSparkline({ history }: { history: TargetDashboardRow['history'] }) {
  const { t } = useTranslation()
  const ratios = history.map((h) => (h.bestRatioToBrand === null ? null : Number(h.bestRatioToBrand)))
  const known = history.filter((h) => h.bestRatioToBrand !== null)
  if (known.length === 0) return <Text c="dimmed">{t('common.none')}</Text>
  const first = known[0]?.bestRatioToBrand ?? null
  const last = known[known.length - 1]?.bestRatioToBrand ?? null
  const share = (ratio: string) => t('quoteUi.shareOfBrand', { percent: sharePercent(ratio) })
  const tip = history
    .map((h) => `${h.date}: ${h.bestRatioToBrand ? share(h.bestRatioToBrand) : '—'}`)
    .join('\n')
  return (
    <Tooltip
      label={
        <Text size="xs" style={{ whiteSpace: 'pre' }}>
          {tip}
        </Text>
      }
      withinPortal
    >
      <Group gap={6} wrap="nowrap" data-testid="ratio-history">
        {known.length > 1 ? (
          <Sparkline
            w={90}
            h={26}
            data={ratios}
            curveType="linear"
            trendColors={{ positive: 'red.6', negative: 'teal.6', neutral: 'gray.5' }}
            fillOpacity={0.2}
            strokeWidth={1.5}
          />
        ) : null}
        <Text size="xs" c="dimmed" className="num">
          {first && last && sharePercent(first) !== sharePercent(last)
            ? `${sharePercent(first)}% → ${share(last)}`
            : share(last ?? '0')}
        </Text>
      </Group>
    </Tooltip>
  )
}
