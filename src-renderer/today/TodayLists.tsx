import { Anchor, Badge, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core'
import type { Today } from '@core/today/today.contract'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useCall } from '../api/use-call'
import { ErrorAlert } from '../common/ErrorAlert'
import { LateBadge } from '../sample-requests/SampleRequestList'
import { SampleStatusBadge } from '../samples/SampleStatusBadge'
import { routeHash, type Route } from '../shell/route'

/** One list of Today: its title with the count, its first items, and how many more there are. */
function Section<T>({
  title,
  list,
  testId,
  all,
  render,
}: {
  title: string
  list: { total: number; items: T[] }
  testId: string
  /** Where the whole list lives. */
  all?: Route
  render: (item: T) => ReactNode
}) {
  const { t } = useTranslation()
  const more = list.total - list.items.length
  return (
    <Paper withBorder p="md" data-testid={testId}>
      <Group justify="space-between" mb="xs">
        <Group gap="xs">
          <Title order={4}>{title}</Title>
          <Badge color={list.total > 0 ? 'orange' : 'gray'} variant="light" data-testid={`${testId}-count`}>
            {list.total}
          </Badge>
        </Group>
        {all ? (
          <Anchor size="sm" href={routeHash(all)}>
            {t('today.seeAll')}
          </Anchor>
        ) : null}
      </Group>
      {list.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('today.none')}
        </Text>
      ) : (
        <Stack gap={6}>
          {list.items.map(render)}
          {more > 0 ? (
            <Text size="sm" c="dimmed">
              {t('today.more', { count: more })}
            </Text>
          ) : null}
        </Stack>
      )}
    </Paper>
  )
}

function Line({
  href,
  title,
  detail,
  testId,
}: {
  href: string
  title: ReactNode
  detail: ReactNode
  testId: string
}) {
  return (
    <Group justify="space-between" wrap="nowrap" gap="xs" data-testid={testId}>
      <Anchor href={href} size="sm" style={{ minWidth: 0 }} lineClamp={1}>
        {title}
      </Anchor>
      <Group gap={6} wrap="nowrap">
        {detail}
      </Group>
    </Group>
  )
}

function Dimmed({ children }: { children: ReactNode }) {
  return (
    <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
      {children}
    </Text>
  )
}

function TodayGrid({ today }: { today: Today }) {
  const { t } = useTranslation()
  const followUp = (overdue: boolean) => (f: Today['overdueFollowUps']['items'][number]) => (
    <Line
      key={f.id}
      testId="today-follow-up"
      href={routeHash({ area: 'visit', id: f.visitId })}
      title={`${f.text} · ${f.factoryName ?? ''}`}
      detail={
        overdue ? (
          <Badge color="red" variant="light">
            {t('today.overdueBy', { days: daysBetween(f.dueDate!, today.today) })}
          </Badge>
        ) : (
          <Dimmed>
            {f.dueDate === today.today ? t('today.dueToday') : t('today.dueOn', { date: f.dueDate })}
          </Dimmed>
        )
      }
    />
  )
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <Section
        title={t('today.lateSampleRequests')}
        list={today.lateSampleRequests}
        testId="today-late-requests"
        all={{ area: 'sampleRequests' }}
        render={(r) => (
          <Line
            key={r.id}
            testId="today-late-request"
            href={routeHash({ area: 'sampleRequests', focus: r.id })}
            title={`${r.item} · ${r.factoryName ?? ''}`}
            detail={<LateBadge late={r.late} />}
          />
        )}
      />
      <Section
        title={t('today.overdueFollowUps')}
        list={today.overdueFollowUps}
        testId="today-overdue-follow-ups"
        render={followUp(true)}
      />
      <Section
        title={t('today.dueFollowUps', { days: today.dueSoonDays })}
        list={today.dueFollowUps}
        testId="today-due-follow-ups"
        render={followUp(false)}
      />
      <Section
        title={t('today.samplesToEvaluate')}
        list={today.samplesToEvaluate}
        testId="today-samples"
        all={{ area: 'samples' }}
        render={(s) => (
          <Line
            key={s.id}
            testId="today-sample"
            href={routeHash({ area: 'sample', id: s.id })}
            title={`${s.code} ${s.name} · ${s.factoryName ?? ''}`}
            detail={
              <>
                <SampleStatusBadge status={s.status} />
                <Dimmed>{t('today.waitingDays', { days: s.days })}</Dimmed>
              </>
            }
          />
        )}
      />
      <Section
        title={t('today.expiringQuotes', { days: today.expiringWithinDays })}
        list={today.expiringQuotes}
        testId="today-expiring-quotes"
        render={(q) => (
          <Line
            key={q.id}
            testId="today-expiring-quote"
            href={routeHash({ area: 'sku', id: q.skuId })}
            title={`${q.factoryName ?? ''} · ${q.skuName ?? ''} · ${t('today.round', { round: q.round })}`}
            detail={
              <>
                <Dimmed>{t('today.validUntil', { date: q.validUntil })}</Dimmed>
                <Badge color={q.daysLeft <= 3 ? 'red' : 'yellow'} variant="light">
                  {t('today.daysLeft', { days: q.daysLeft })}
                </Badge>
              </>
            }
          />
        )}
      />
      <Section
        title={t('today.staleBenchmarks', { days: today.staleBenchmarkDays })}
        list={today.staleBenchmarks}
        testId="today-stale-benchmarks"
        render={(b) => (
          <Line
            key={b.skuId}
            testId="today-stale-benchmark"
            href={routeHash({ area: 'sku', id: b.skuId })}
            title={b.skuName}
            detail={
              <Dimmed>
                {t('today.observed', {
                  brand: b.brand,
                  channel: b.channel,
                  date: b.latestObservedAt,
                  days: b.daysOld,
                })}
              </Dimmed>
            }
          />
        )}
      />
    </SimpleGrid>
  )
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

/** What needs doing today, each item a click away from its record. */
export function TodayLists() {
  const { t } = useTranslation()
  const today = useCall('today.get', {})
  return (
    <Stack gap="md" data-testid="today">
      <Text c="dimmed" data-testid="today-date">
        {t('today.subtitle', { date: today.data?.today ?? '' })}
      </Text>
      {today.error ? <ErrorAlert error={today.error} title={t('today.loadFailed')} /> : null}
      {today.data ? <TodayGrid today={today.data} /> : today.error ? null : <Skeleton h={240} />}
    </Stack>
  )
}
