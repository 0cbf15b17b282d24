import { List, SimpleGrid, Stack, Text } from '@mantine/core'
import type { NegotiatedRow } from '@core/domain/pricing'
import { useTranslation } from 'react-i18next'
import { askHeadline, meetsTodayLines, type PackWord, stepText, tierLines } from './ask-text'

const TONE_COLOR = {
  ask: 'var(--mantine-color-orange-text)',
  meets: 'var(--mantine-color-green-text)',
  none: 'var(--mantine-color-dimmed)',
} as const

/** The ask price in one line, coloured by whether today's price meets. */
export function AskHeadline({ row, word, testId }: { row: NegotiatedRow; word: PackWord; testId?: string }) {
  const { t } = useTranslation()
  const headline = askHeadline(t, row.ask, word)
  return (
    <Text size="sm" fw={600} c={TONE_COLOR[headline.tone]} data-testid={testId} data-tone={headline.tone}>
      {headline.text}
    </Text>
  )
}

/**
 * An opened comparison row: what to ask for (at the planned order, at every tier, the order size and
 * the pack content that meet at today's price) beside the working of the row's figures, step by step.
 */
export function RowWorking({
  row,
  word,
  currency,
  unit,
}: {
  row: NegotiatedRow
  word: PackWord
  currency: string
  unit: string
}) {
  const { t } = useTranslation()
  const context = { word, currency, unit, orderPacks: row.orderPacks }
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" p="xs" data-testid="row-working">
      <Stack gap={6}>
        <AskHeadline row={row} word={word} testId="ask-headline" />
        {tierLines(t, row.ask, word).length > 0 ? (
          <>
            <Text size="xs" c="dimmed" fw={600}>
              {t('working.tiersTitle')}
            </Text>
            <List size="sm" spacing={2} data-testid="ask-tiers">
              {tierLines(t, row.ask, word).map((line) => (
                <List.Item key={line}>{line}</List.Item>
              ))}
            </List>
          </>
        ) : null}
        {meetsTodayLines(t, row.ask, word, unit).map((line) => (
          <Text key={line} size="sm" data-testid="ask-meets-today">
            {line}
          </Text>
        ))}
      </Stack>
      <Stack gap={4}>
        <Text size="xs" c="dimmed" fw={600}>
          {t('working.title')}
        </Text>
        <List type="ordered" size="sm" spacing={2} data-testid="working-steps">
          {row.working.map((step) => (
            <List.Item key={step.step} data-step={step.step}>
              {stepText(t, step, context)}
            </List.Item>
          ))}
        </List>
      </Stack>
    </SimpleGrid>
  )
}
