import { Anchor, Badge, Button, Grid, Group, Paper, Stack, Text, Timeline, Title } from '@mantine/core'
import type { Tour } from '@core/tours/tours.contract'
import { IconClipboardPlus, IconEdit } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useCall } from '../api/use-call'
import { useMutation } from '../api/use-mutation'
import { BackLink } from '../common/BackLink'
import { ConfirmDeleteButton } from '../common/ConfirmDeleteButton'
import { DetailError, DetailLoading } from '../common/DetailStates'
import { notifySuccess } from '../common/notify'
import { FormDrawer } from '../forms/FormDrawer'
import { navigate } from '../shell/route'
import { PdfExportButton } from '../reports/PdfExportButton'
import { ScoreBadge } from '../visits/ScoreBadge'
import { clampDay, localToday } from '../visits/score-format'
import { VisitEditor } from '../visits/VisitEditor'
import type { VisitDefaults } from '../visits/visit-form'
import { BeltBadges } from './BeltBadges'
import { PhaseBadge } from './PhaseBadge'
import { TourEditor } from './TourEditor'
import { TourProgress } from './TourProgress'
import { ParentLabel } from '../trash/DeletedParent'
import { ItineraryPlan } from './ItineraryPlan'

function Itinerary({ tour }: { tour: Tour }) {
  const { t } = useTranslation()
  if (tour.itinerary.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="itinerary-empty">
        {t('tours.noVisits')}
      </Text>
    )
  }
  return (
    <Timeline bulletSize={22} lineWidth={2} active={tour.itinerary.length} data-testid="itinerary">
      {tour.itinerary.map((day) => (
        <Timeline.Item
          key={day.date}
          title={
            <Text fw={600} className="num">
              {day.date}
            </Text>
          }
          data-testid="itinerary-day"
        >
          <Stack gap={6} mt={4}>
            {day.visits.map((v) => (
              <Group key={v.visitId} gap="sm" wrap="nowrap" data-testid="itinerary-visit">
                <Anchor href={`#/visits/${v.visitId}`} fw={500} size="sm">
                  <ParentLabel
                    name={v.factoryName}
                    deleted={v.factoryDeleted}
                    fallback={t('tours.deletedFactory')}
                  />
                </Anchor>
                <ScoreBadge score={v.averageScore} />
                {v.openFollowUps > 0 ? (
                  <Badge tt="none" color="orange" variant="light" radius="sm" size="sm">
                    {t('visits.openCount', { count: v.openFollowUps })}
                  </Badge>
                ) : null}
                {v.planned ? null : (
                  <Badge tt="none" color="gray" variant="outline" radius="sm" size="sm">
                    {t('tours.unplanned')}
                  </Badge>
                )}
              </Group>
            ))}
          </Stack>
        </Timeline.Item>
      ))}
    </Timeline>
  )
}

/** A tour: where it goes and with whom, its day-by-day itinerary, and how much of the plan is done. */
export function TourPage({ id }: { id: string }) {
  const { t } = useTranslation()
  const [editing, setEditing] = useState(false)
  const [deleted, setDeleted] = useState(false)
  const [logging, setLogging] = useState<VisitDefaults | null>(null)
  const result = useCall('tours.get', { id }, !deleted)
  const remove = useMutation('tours.delete')
  const tour = result.data

  const back = <BackLink href="#/visits">{t('tours.back')}</BackLink>
  if (result.error) return <DetailError back={back} error={result.error} />
  if (!tour) return <DetailLoading back={back} />
  const day = clampDay(localToday(), tour.startDate, tour.endDate)
  const logVisit = (factoryId?: string, factoryName?: string | null) =>
    setLogging({ tourId: tour.id, visitDate: day, factoryId, factoryName: factoryName ?? undefined })

  return (
    <Stack gap="md" maw={1200} data-testid="tour-page">
      {back}
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={2} data-testid="tour-title">
              {tour.name}
            </Title>
            <PhaseBadge phase={tour.phase} />
          </Group>
          <Text c="dimmed" size="sm" className="num">
            {tour.startDate} – {tour.endDate}
            {tour.members.length > 0 ? ` · ${tour.members.join('、')}` : ''}
          </Text>
          <BeltBadges belts={tour.belts} />
        </Stack>
        <Group gap="sm" wrap="nowrap">
          <PdfExportButton kind="tour" id={tour.id} />
          <Button
            leftSection={<IconClipboardPlus size={16} />}
            onClick={() => logVisit()}
            data-testid="tour-log-visit"
          >
            {t('visits.logVisit')}
          </Button>
          <Button
            variant="default"
            leftSection={<IconEdit size={16} />}
            onClick={() => setEditing(true)}
            data-testid="tour-edit"
          >
            {t('common.edit')}
          </Button>
          <ConfirmDeleteButton
            title={t('tours.delete.title')}
            body={t('tours.delete.body', { name: tour.name })}
            pending={remove.pending}
            testId="tour-delete"
            onConfirm={async () => {
              await remove.run({ id: tour.id })
              setDeleted(true)
              notifySuccess(t('tours.delete.done', { name: tour.name }))
              navigate({ area: 'visits' })
            }}
          />
        </Group>
      </Group>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Paper withBorder p="md">
            <Stack gap="sm">
              <TourProgress visited={tour.progress.visited} planned={tour.progress.planned} size="md" />
              <ItineraryPlan tour={tour} defaultDay={day} onLogVisit={logVisit} />
            </Stack>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Paper withBorder p="md">
            <Stack gap="sm">
              <Title order={4}>{t('tours.itinerary')}</Title>
              <Itinerary tour={tour} />
            </Stack>
          </Paper>
        </Grid.Col>
      </Grid>
      {tour.notes ? (
        <Paper withBorder p="md">
          <Text size="xs" c="dimmed" mb={4}>
            {t('tours.fields.notes')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {tour.notes}
          </Text>
        </Paper>
      ) : null}
      <FormDrawer opened={editing} title={t('tours.form.editTitle')} onClose={() => setEditing(false)}>
        {() => (
          <TourEditor tour={tour} onCancel={() => setEditing(false)} onSaved={() => setEditing(false)} />
        )}
      </FormDrawer>
      <FormDrawer
        opened={logging !== null}
        title={t('visits.form.createTitle')}
        onClose={() => setLogging(null)}
        size={760}
      >
        {() => (
          <VisitEditor
            visit={null}
            defaults={logging ?? {}}
            onCancel={() => setLogging(null)}
            onSaved={(saved) => {
              setLogging(null)
              navigate({ area: 'visit', id: saved.id })
            }}
          />
        )}
      </FormDrawer>
    </Stack>
  )
}
