import { Group, Stack, Text } from '@mantine/core'
import type { FactorySummary } from '@core/factories/factories.contract'
import { useTranslation } from 'react-i18next'
import { StatusBadge } from './StatusBadge'
import { formatPlace } from './format'

/**
 * A factory as a picker lists it: name and status, then place, last visit and latest score, so the
 * buyer picks the right one of two similar names and sees how it stood.
 */
export function FactoryOption({ factory, label }: { factory: FactorySummary | undefined; label: string }) {
  const { t } = useTranslation()
  if (!factory) return <Text size="sm">{label}</Text>
  const { lastVisitDate, latestScore } = factory.glance
  const place = formatPlace(factory.province, factory.city)
  return (
    <Stack gap={0} data-testid="factory-option">
      {/* The option is named by the factory alone (what a screen reader and a search by name match);
          status, place and last visit are for the eye, and a paused or blacklisted pick is warned in words. */}
      <Group gap={6} wrap="nowrap">
        <Text size="sm">{label}</Text>
        <span aria-hidden>
          <StatusBadge status={factory.status} />
        </span>
      </Group>
      <Text size="xs" c="dimmed" className="num" aria-hidden data-testid="factory-option-glance">
        {[
          place,
          lastVisitDate
            ? `${t('factoryPage.glance.lastVisit')} ${lastVisitDate}`
            : t('factoryPage.glance.never'),
          latestScore !== null ? `${t('factoryPage.glance.latestScore')} ${latestScore.toFixed(1)}` : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>
    </Stack>
  )
}
