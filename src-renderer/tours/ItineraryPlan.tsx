import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core'
import { DragDropContext, Draggable, Droppable, type DropResult } from '@hello-pangea/dnd'
import { formatPhone } from '@core/domain/phone'
import type { Tour } from '@core/tours/tours.contract'
import {
  IconArrowDown,
  IconArrowUp,
  IconCheck,
  IconGripVertical,
  IconMapPin,
  IconPhone,
  IconPlus,
  IconUser,
} from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation } from '../api/use-mutation'
import { errorMessage } from '../common/error-message'
import { notifyError, notifySuccess } from '../common/notify'
import { LazyFactoryFormDrawer } from '../factories/LazyFactoryFormDrawer'
import { StatusBadge } from '../factories/StatusBadge'
import { formatPlace } from '../factories/format'
import { PdfExportButton } from '../reports/PdfExportButton'
import { ParentName } from '../trash/DeletedParent'
import { ScoreBadge } from '../visits/ScoreBadge'
import {
  flatten,
  moveStop,
  moveToDay,
  planDays,
  planInput,
  stepStop,
  type PlanDay,
  type Stop,
} from './itinerary-plan'

/** A day's droppable id: its date, or this for "no day yet". */
const UNDATED = 'undated'

function StopCard({
  stop,
  order,
  first,
  last,
  dayOptions,
  onStep,
  onDay,
  onLogVisit,
}: {
  stop: Stop
  /** Its place in the day, from 1. */
  order: number
  first: boolean
  last: boolean
  dayOptions: { value: string; label: string }[]
  onStep: (step: -1 | 1) => void
  onDay: (date: string | null) => void
  onLogVisit: () => void
}) {
  const { t } = useTranslation()
  const name = stop.factoryName ?? t('tours.deletedFactory')
  const place = formatPlace(stop.province ?? '', stop.city ?? '')
  return (
    <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
      <Group gap="xs" wrap="nowrap" justify="space-between">
        <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
          <Badge circle variant="filled" color="blue" size="md" className="num">
            {order}
          </Badge>
          <Text fw={600} size="sm" truncate data-testid="stop-name">
            {stop.factoryName ? (
              <ParentName
                kind="factories"
                id={stop.factoryId}
                name={stop.factoryName}
                deleted={stop.factoryDeleted}
                href={`#/factories/${stop.factoryId}`}
                fallback=""
              />
            ) : (
              name
            )}
          </Text>
          {stop.status ? <StatusBadge status={stop.status} /> : null}
        </Group>
        <Group gap={4} wrap="nowrap">
          <Tooltip label={t('itinerary.moveUp', { name })}>
            <ActionIcon
              variant="subtle"
              size="sm"
              disabled={first}
              aria-label={t('itinerary.moveUp', { name })}
              onClick={() => onStep(-1)}
              data-testid="stop-up"
            >
              <IconArrowUp size={14} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('itinerary.moveDown', { name })}>
            <ActionIcon
              variant="subtle"
              size="sm"
              disabled={last}
              aria-label={t('itinerary.moveDown', { name })}
              onClick={() => onStep(1)}
              data-testid="stop-down"
            >
              <IconArrowDown size={14} />
            </ActionIcon>
          </Tooltip>
          <Select
            size="xs"
            w={178}
            aria-label={`${t('itinerary.dayLabel')} · ${name}`}
            allowDeselect={false}
            data={dayOptions}
            value={stop.day ?? UNDATED}
            onChange={(value) => onDay(value === UNDATED || value === null ? null : value)}
            data-testid="stop-day"
          />
        </Group>
      </Group>
      <Group gap="md" wrap="wrap" pl={34}>
        <Group gap={4} wrap="nowrap">
          <IconMapPin size={13} color="var(--mantine-color-dimmed)" />
          <Text size="xs" c={stop.address ? undefined : 'dimmed'} data-testid="stop-address">
            {[place, stop.address].filter(Boolean).join(' · ') || t('itinerary.noAddress')}
          </Text>
        </Group>
        <Group gap={4} wrap="nowrap" data-testid="stop-contact">
          <IconUser size={13} color="var(--mantine-color-dimmed)" />
          {stop.contact ? (
            <>
              <Text size="xs">
                {stop.contact.name}
                {stop.contact.role ? `（${stop.contact.role}）` : ''}
              </Text>
              {stop.contact.phone ? (
                <Anchor href={`tel:${stop.contact.phone}`} size="xs" className="num">
                  <Group gap={2} wrap="nowrap">
                    <IconPhone size={12} />
                    {formatPhone(stop.contact.phone, t('factories.contact.extension'))}
                  </Group>
                </Anchor>
              ) : null}
            </>
          ) : (
            <Text size="xs" c="dimmed">
              {t('itinerary.noContact')}
            </Text>
          )}
        </Group>
      </Group>
      <Group gap="xs" pl={34} wrap="wrap">
        <Text size="xs" c="dimmed" className="num" data-testid="stop-last-visit">
          {stop.glance.lastVisitDate
            ? t('itinerary.lastVisit', { date: stop.glance.lastVisitDate })
            : t('itinerary.neverVisited')}
        </Text>
        <ScoreBadge score={stop.glance.latestScore} testId="stop-score" />
        {stop.glance.openFollowUps > 0 ? (
          <Badge tt="none" color="orange" variant="light" radius="sm" size="sm" data-testid="stop-follow-ups">
            {t('itinerary.openFollowUps', { count: stop.glance.openFollowUps })}
          </Badge>
        ) : null}
        {stop.visited ? (
          <Badge
            tt="none"
            color="teal"
            variant="light"
            radius="sm"
            size="sm"
            leftSection={<IconCheck size={12} />}
          >
            {t('tours.visited')}
          </Badge>
        ) : stop.factoryName ? (
          <Button size="compact-xs" variant="light" onClick={onLogVisit} data-testid="planned-log-visit">
            {t('visits.logVisit')}
          </Button>
        ) : null}
      </Group>
    </Stack>
  )
}

/**
 * The tour's plan as the buyer drives it: the planned factories by day and in visiting order, each with
 * where it is, whom to call, how it stood at the last visit and what is still open. Reordered by drag,
 * or from the keyboard with move up/down and the day picker; every change is saved at once (tours.plan).
 * A factory met on the spot is created here and planned into the day without leaving the tour.
 */
export function ItineraryPlan({
  tour,
  defaultDay,
  onLogVisit,
}: {
  tour: Tour
  /** The day a new factory is planned on (today within the tour, else its first day). */
  defaultDay: string
  onLogVisit: (factoryId: string, factoryName: string | null) => void
}) {
  const { t } = useTranslation()
  const plan = useMutation('tours.plan')
  const [creating, setCreating] = useState(false)
  // The arrangement just made, shown until the saved tour comes back (so a drag does not snap back).
  const [pending, setPending] = useState<{ days: PlanDay[]; base: string } | null>(null)
  const saved = planDays(tour, tour.plannedFactories)
  const days = pending && pending.base === tour.updatedAt ? pending.days : saved

  const save = async (next: PlanDay[]) => {
    setPending({ days: next, base: tour.updatedAt })
    try {
      await plan.run(planInput(tour.id, flatten(next)))
    } catch (error) {
      setPending(null)
      notifyError(t('itinerary.saveFailed'), errorMessage(t, error))
    }
  }

  const dayOptions = [
    ...days.flatMap((d, i) =>
      d.date ? [{ value: d.date, label: t('itinerary.day', { n: i + 1, date: d.date }) }] : [],
    ),
    { value: UNDATED, label: t('itinerary.noDay') },
  ]
  const dayIndex = (droppableId: string) => days.findIndex((d) => (d.date ?? UNDATED) === droppableId)
  const onDragEnd = (result: DropResult) => {
    const { source, destination } = result
    if (!destination) return
    if (source.droppableId === destination.droppableId && source.index === destination.index) return
    void save(
      moveStop(
        days,
        { day: dayIndex(source.droppableId), index: source.index },
        { day: dayIndex(destination.droppableId), index: destination.index },
      ),
    )
  }

  return (
    <Stack gap="sm" data-testid="itinerary-plan">
      <Group justify="space-between" wrap="nowrap">
        <Stack gap={0}>
          <Title order={4}>{t('itinerary.title')}</Title>
          <Text size="xs" c="dimmed">
            {t('itinerary.hint')}
          </Text>
        </Stack>
        <Group gap="xs" wrap="nowrap">
          <PdfExportButton
            kind="tour"
            id={tour.id}
            mode="itinerary"
            days={days.flatMap((d) => (d.date ? [d.date] : []))}
            defaultDay={defaultDay}
            label={t('itinerary.print')}
            testId="itinerary-print"
          />
          <Button
            variant="light"
            leftSection={<IconPlus size={16} />}
            onClick={() => setCreating(true)}
            data-testid="itinerary-new-factory"
          >
            {t('itinerary.newFactory')}
          </Button>
        </Group>
      </Group>
      {tour.plannedFactories.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="itinerary-no-stops">
          {t('itinerary.noStops')}
        </Text>
      ) : null}
      <DragDropContext onDragEnd={onDragEnd}>
        {days.map((day, d) => {
          const id = day.date ?? UNDATED
          if (day.date === null && day.stops.length === 0 && tour.plannedFactories.length === 0) return null
          return (
            <Paper key={id} withBorder p="sm" data-testid="plan-day" data-day={id}>
              <Group gap="xs" mb={6}>
                <Text fw={600} size="sm" className="num">
                  {day.date ? t('itinerary.day', { n: d + 1, date: day.date }) : t('itinerary.undated')}
                </Text>
                <Badge size="xs" variant="light" color="gray" tt="none">
                  {day.stops.length}
                </Badge>
              </Group>
              <Droppable droppableId={id}>
                {(drop) => (
                  <Stack gap={6} ref={drop.innerRef} {...drop.droppableProps} mih={36}>
                    {day.stops.length === 0 ? (
                      <Text size="xs" c="dimmed">
                        {t('itinerary.emptyDay')}
                      </Text>
                    ) : null}
                    {day.stops.map((stop, index) => (
                      <Draggable key={stop.factoryId} draggableId={stop.factoryId} index={index}>
                        {(drag) => (
                          <Paper
                            withBorder
                            p="xs"
                            radius="sm"
                            ref={drag.innerRef}
                            {...drag.draggableProps}
                            data-testid="planned-factory"
                            data-factory={stop.factoryId}
                          >
                            <Group gap="xs" wrap="nowrap" align="flex-start">
                              <div
                                {...drag.dragHandleProps}
                                aria-label={t('itinerary.dragHandle', { name: stop.factoryName ?? '' })}
                                data-testid="stop-handle"
                                style={{ cursor: 'grab', paddingTop: 4 }}
                              >
                                <IconGripVertical size={16} color="var(--mantine-color-dimmed)" />
                              </div>
                              <StopCard
                                stop={stop}
                                order={index + 1}
                                first={index === 0}
                                last={index === day.stops.length - 1}
                                dayOptions={dayOptions}
                                onStep={(step) => void save(stepStop(days, d, index, step))}
                                onDay={(date) => void save(moveToDay(days, d, index, date))}
                                onLogVisit={() => onLogVisit(stop.factoryId, stop.factoryName)}
                              />
                            </Group>
                          </Paper>
                        )}
                      </Draggable>
                    ))}
                    {drop.placeholder}
                  </Stack>
                )}
              </Droppable>
            </Paper>
          )
        })}
      </DragDropContext>
      <LazyFactoryFormDrawer
        opened={creating}
        factory={null}
        title={t('itinerary.newFactoryTitle')}
        onClose={() => setCreating(false)}
        onSaved={(factory) => {
          setCreating(false)
          const stops = [...flatten(days), { factoryId: factory.id, day: defaultDay }]
          void plan.run(planInput(tour.id, stops)).then(
            () => notifySuccess(t('itinerary.added', { name: factory.name })),
            (error: unknown) => notifyError(t('itinerary.saveFailed'), errorMessage(t, error)),
          )
        }}
      />
    </Stack>
  )
}
