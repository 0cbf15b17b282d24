import { RadarChart } from '@mantine/charts'
import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core'
import type { FactoryScorecard } from '@core/visits/visits.contract'
import { IconClipboardPlus } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useCall } from '../api/use-call'
import { ErrorAlert } from '../common/ErrorAlert'
import { FormDrawer } from '../forms/FormDrawer'
import { navigate } from '../shell/route'
import { FollowUpList } from './FollowUpList'
import { DeltaMark, ScoreBadge } from './ScoreBadge'
import { formatScore } from './score-format'
import { VisitEditor } from './VisitEditor'

function ScoreRadar({ card }: { card: FactoryScorecard }) {
  const { t } = useTranslation()
  const data = card.dimensions.map((d) => ({
    dimension: t(`scorecard.dimensions.${d.dimension}`),
    latest: d.latest ?? 0,
    average: d.average ?? 0,
  }))
  return (
    <Stack gap={4} data-testid="score-radar">
      <RadarChart
        h={300}
        data={data}
        dataKey="dimension"
        withPolarRadiusAxis
        polarRadiusAxisProps={{ domain: [0, 5], tickCount: 6, angle: 90 }}
        withLegend
        withTooltip
        series={[
          { name: 'latest', label: t('scorecard.latest'), color: 'blue.6', opacity: 0.25 },
          { name: 'average', label: t('scorecard.average'), color: 'orange.6', opacity: 0.1 },
        ]}
      />
    </Stack>
  )
}

function DimensionTable({ card }: { card: FactoryScorecard }) {
  const { t } = useTranslation()
  return (
    <Table verticalSpacing={5} horizontalSpacing="xs" data-testid="dimension-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('scorecard.dimension')}</Table.Th>
          <Table.Th ta="right">{t('scorecard.latest')}</Table.Th>
          <Table.Th ta="right">{t('scorecard.change')}</Table.Th>
          <Table.Th ta="right">{t('scorecard.average')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {card.dimensions.map((d) => (
          <Table.Tr
            key={d.dimension}
            data-testid={`dimension-${d.dimension}`}
            title={d.latestNote || undefined}
          >
            <Table.Td>
              <Text size="sm">{t(`scorecard.dimensions.${d.dimension}`)}</Text>
            </Table.Td>
            <Table.Td ta="right">
              <Text size="sm" fw={600} className="num">
                {d.latest ?? t('common.none')}
              </Text>
            </Table.Td>
            <Table.Td ta="right">
              <DeltaMark delta={d.delta} />
            </Table.Td>
            <Table.Td ta="right">
              <Text size="sm" className="num" c="dimmed">
                {formatScore(d.average) ?? t('common.none')}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

/**
 * A factory's visits at a glance: the radar of latest and average scores, how each score moved since
 * the previous visit, the visit history and the follow-ups still open.
 */
export function FactoryScorecardPanel({
  factoryId,
  factoryName,
}: {
  factoryId: string
  factoryName: string
}) {
  const { t } = useTranslation()
  const [logging, setLogging] = useState(false)
  const result = useCall('factories.scorecard', { factoryId })
  const card = result.data

  return (
    <Stack gap="sm" data-testid="factory-scorecard">
      <Group justify="space-between">
        <Group gap="xs">
          <Title order={4}>{t('scorecard.title')}</Title>
          {card ? (
            <Badge tt="none" variant="light" color="gray" radius="sm">
              {t('visits.visitCount', { count: card.visits.length })}
            </Badge>
          ) : null}
        </Group>
        <Button
          variant="light"
          leftSection={<IconClipboardPlus size={16} />}
          onClick={() => setLogging(true)}
          data-testid="factory-log-visit"
        >
          {t('visits.logVisit')}
        </Button>
      </Group>
      {result.error ? <ErrorAlert error={result.error} /> : null}
      {!card ? (
        result.error ? null : (
          <Skeleton h={300} />
        )
      ) : card.visits.length === 0 ? (
        <Paper withBorder p="lg">
          <Text c="dimmed" size="sm" ta="center" data-testid="scorecard-empty">
            {t('scorecard.noVisits')}
          </Text>
        </Paper>
      ) : (
        <>
          <Paper withBorder p="md">
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
              <ScoreRadar card={card} />
              <Stack gap="xs">
                <Group gap="lg">
                  <Stack gap={0}>
                    <Text size="xs" c="dimmed">
                      {t('scorecard.overallLatest')}
                    </Text>
                    <ScoreBadge score={card.overall.latest} testId="overall-latest" />
                  </Stack>
                  <Stack gap={0}>
                    <Text size="xs" c="dimmed">
                      {t('scorecard.overallAverage')}
                    </Text>
                    <ScoreBadge score={card.overall.average} testId="overall-average" />
                  </Stack>
                </Group>
                <DimensionTable card={card} />
                <Text size="xs" c="dimmed">
                  {t('scorecard.changeHint')}
                </Text>
              </Stack>
            </SimpleGrid>
          </Paper>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <Paper withBorder p="md">
              <Text fw={500} mb="xs">
                {t('scorecard.history')}
              </Text>
              <Table verticalSpacing={5} highlightOnHover data-testid="visit-history">
                <Table.Tbody>
                  {card.visits.map((v) => (
                    <Table.Tr
                      key={v.id}
                      style={{ cursor: 'pointer' }}
                      onClick={() => navigate({ area: 'visit', id: v.id })}
                      data-testid="history-visit"
                    >
                      <Table.Td className="num" w={110}>
                        <Anchor href={`#/visits/${v.id}`} size="sm" onClick={(e) => e.stopPropagation()}>
                          {v.visitDate}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" c={v.tourName ? undefined : 'dimmed'} lineClamp={1}>
                          {v.tourName ?? t('visits.noTour')}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right">
                        <ScoreBadge score={v.averageScore} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
            <Paper withBorder p="md">
              <Group gap="xs" mb="xs">
                <Text fw={500}>{t('scorecard.openFollowUps')}</Text>
                {card.openFollowUps.length > 0 ? (
                  <Badge tt="none" color="orange" variant="light" radius="sm">
                    {card.openFollowUps.length}
                  </Badge>
                ) : null}
              </Group>
              <FollowUpList items={card.openFollowUps} withSource />
            </Paper>
          </SimpleGrid>
        </>
      )}
      <FormDrawer
        opened={logging}
        title={t('visits.form.createTitle')}
        onClose={() => setLogging(false)}
        size={760}
      >
        {() => (
          <VisitEditor
            visit={null}
            defaults={{ factoryId, factoryName }}
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
