import { Badge, Group, Skeleton, Stack, Text, Timeline } from '@mantine/core'
import { IconCircleCheck, IconMessageCircle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useCall } from '../api/use-call'
import { ErrorAlert } from '../common/ErrorAlert'
import { formatPackSpec, freightText, tiersText } from './quote-format'

/** The negotiation of one quote, round by round, oldest first; the latest round is the one compared. */
export function QuoteRoundsTimeline({ threadId }: { threadId: string }) {
  const { t } = useTranslation()
  const rounds = useCall('quotes.rounds', { threadId })
  if (rounds.error) return <ErrorAlert error={rounds.error} />
  if (!rounds.data) return <Skeleton h={160} />
  const latest = rounds.data.length - 1
  return (
    <Timeline active={latest} bulletSize={24} lineWidth={2} data-testid="quote-timeline">
      {rounds.data.map((round, i) => (
        <Timeline.Item
          key={round.id}
          bullet={i === latest ? <IconCircleCheck size={14} /> : <IconMessageCircle size={14} />}
          title={
            <Group gap="xs">
              <Text fw={600}>{t('quotes.round', { round: round.round })}</Text>
              <Text size="sm" c="dimmed">
                {round.quoteDate}
              </Text>
              {i === latest ? (
                <Badge size="xs" variant="light" tt="none">
                  {t('quotes.latestRound')}
                </Badge>
              ) : null}
            </Group>
          }
          data-testid="quote-round"
        >
          <Stack gap={2}>
            <Text size="sm" className="num">
              {tiersText(t, round.tiers, round.currency)}
            </Text>
            <Text size="xs" c="dimmed">
              {[
                formatPackSpec(round.packSpec),
                t(`quotes.vat.${round.vatBasis}`),
                freightText(t, round.freight, round.currency),
                round.moqPacks ? t('quotes.moqText', { moq: round.moqPacks.toLocaleString() }) : null,
                round.validUntil ? t('quotes.validUntilText', { date: round.validUntil }) : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
            {round.notes ? (
              <Text size="xs" c="dimmed" fs="italic">
                {round.notes}
              </Text>
            ) : null}
          </Stack>
        </Timeline.Item>
      ))}
    </Timeline>
  )
}
