import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { type TourPhase, type TourSummary } from '@core/tours/tours.contract'
import { IconCalendarPlus, IconClipboardPlus } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useCall } from '../api/use-call'
import { ErrorAlert } from '../common/ErrorAlert'
import { FormDrawer } from '../forms/FormDrawer'
import { navigate } from '../shell/route'
import { RecentVisits } from '../visits/RecentVisits'
import { VisitEditor } from '../visits/VisitEditor'
import { BeltBadges } from './BeltBadges'
import { PhaseBadge } from './PhaseBadge'
import { TourEditor } from './TourEditor'
import { TourProgress } from './TourProgress'

/** Ongoing first (the buyer is on it), then what is coming, then the past. */
const PHASE_ORDER: TourPhase[] = ['ongoing', 'upcoming', 'finished']

function TourCard({ tour }: { tour: TourSummary }) {
  const { t } = useTranslation()
  return (
    <Paper
      withBorder
      p="md"
      component="a"
      href={`#/tours/${tour.id}`}
      style={{ color: 'inherit', textDecoration: 'none' }}
      data-testid="tour-card"
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text fw={600} lineClamp={2}>
            {tour.name}
          </Text>
          <PhaseBadge phase={tour.phase} />
        </Group>
        <Text size="sm" className="num">
          {tour.startDate} – {tour.endDate}
        </Text>
        <BeltBadges belts={tour.belts} />
        <Text size="xs" c="dimmed">
          {tour.members.length > 0 ? tour.members.join('、') : t('tours.noMembers')} ·{' '}
          {t('tours.visitCount', { count: tour.visitCount })}
        </Text>
        <TourProgress visited={tour.progress.visited} planned={tour.progress.planned} />
      </Stack>
    </Paper>
  )
}

/** Tours grouped by where they stand today, and the latest visits across all of them. */
export function ToursPage() {
  const { t } = useTranslation()
  const [creating, setCreating] = useState(false)
  const [logging, setLogging] = useState(false)
  const tours = useCall('tours.list', {})
  const all = tours.data ?? []

  return (
    <Stack gap="md" maw={1400}>
      <Group justify="space-between">
        <Title order={2}>{t('tours.title')}</Title>
        <Group gap="sm">
          <Button
            variant="default"
            leftSection={<IconClipboardPlus size={16} />}
            onClick={() => setLogging(true)}
            data-testid="visit-new"
          >
            {t('visits.logVisit')}
          </Button>
          <Button
            leftSection={<IconCalendarPlus size={16} />}
            onClick={() => setCreating(true)}
            data-testid="tour-new"
          >
            {t('tours.new')}
          </Button>
        </Group>
      </Group>
      {tours.error ? <ErrorAlert error={tours.error} /> : null}
      {tours.data && all.length === 0 ? (
        <Paper withBorder p="xl">
          <Text c="dimmed" ta="center">
            {t('tours.empty')}
          </Text>
        </Paper>
      ) : null}
      {PHASE_ORDER.map((phase) => {
        const inPhase = all.filter((tour) => tour.phase === phase)
        if (inPhase.length === 0) return null
        return (
          <Stack key={phase} gap="xs" data-testid={`tours-${phase}`}>
            <Group gap="xs">
              <Title order={4}>{t(`tours.phaseTitle.${phase}`)}</Title>
              <Badge tt="none" variant="light" color="gray" radius="sm">
                {inPhase.length}
              </Badge>
            </Group>
            <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="sm">
              {inPhase.map((tour) => (
                <TourCard key={tour.id} tour={tour} />
              ))}
            </SimpleGrid>
          </Stack>
        )
      })}
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={4}>{t('visits.recent')}</Title>
          <Anchor href="#/factories" size="sm">
            {t('visits.byFactoryHint')}
          </Anchor>
        </Group>
        <RecentVisits />
      </Stack>
      <FormDrawer opened={creating} title={t('tours.form.createTitle')} onClose={() => setCreating(false)}>
        {() => (
          <TourEditor
            tour={null}
            onCancel={() => setCreating(false)}
            onSaved={(saved) => {
              setCreating(false)
              navigate({ area: 'tour', id: saved.id })
            }}
          />
        )}
      </FormDrawer>
      <FormDrawer
        opened={logging}
        title={t('visits.form.createTitle')}
        onClose={() => setLogging(false)}
        size={760}
      >
        {() => (
          <VisitEditor
            visit={null}
            defaults={{}}
            onCancel={() => setLogging(false)}
            onSaved={(saved) => {
              setLogging(false)
              navigate({ area: 'visit', id: saved.id })
            }}
          />
        )}
      </FormDrawer>
    </Stack>
  )
}
