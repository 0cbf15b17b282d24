import { Paper, SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core'
import { SCORE_DIMENSIONS, type ScoreDimension } from '@core/domain/scorecard'
import type { FormErrors } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import type { DimensionDraft, LastScore } from './visit-form'

const CHOICES = ['', '1', '2', '3', '4', '5']

/**
 * The seven capability dimensions, each a 1–5 choice (or a dash for unscored) and a note. A segmented
 * control takes one click per score and shows every number, which suits typing up a meeting.
 */
export function ScorecardInput({
  value,
  onScore,
  onNote,
  errors,
  last = {},
}: {
  value: Record<ScoreDimension, DimensionDraft>
  /** What each dimension scored at the factory's last visit, shown beside this visit's score. */
  last?: Partial<Record<ScoreDimension, LastScore>>
  onScore: (dimension: ScoreDimension, score: string) => void
  onNote: (dimension: ScoreDimension, note: string) => void
  errors: FormErrors
}) {
  const { t } = useTranslation()
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {t('visits.fields.scores')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('visits.hints.scores')}
      </Text>
      <Paper withBorder>
        <Table verticalSpacing={6} horizontalSpacing="sm" data-testid="scorecard-input">
          <Table.Tbody>
            {SCORE_DIMENSIONS.map((d) => {
              const error = errors[`scores.${d}.score`]
              const before = last[d]
              return (
                <Table.Tr key={d} data-testid={`score-row-${d}`}>
                  <Table.Td w={150}>
                    <Text size="sm" fw={500}>
                      {t(`scorecard.dimensions.${d}`)}
                    </Text>
                    {before ? (
                      <Text size="xs" c="dimmed" data-testid={`last-score-${d}`}>
                        {t('visits.lastScore', { score: before.score, date: before.visitDate })}
                      </Text>
                    ) : null}
                    {error ? (
                      <Text size="xs" c="red">
                        {error}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td w={230}>
                    <SegmentedControl
                      size="xs"
                      fullWidth
                      aria-label={t(`scorecard.dimensions.${d}`)}
                      value={value[d].score}
                      onChange={(score) => onScore(d, score)}
                      data={CHOICES.map((c) => ({ value: c, label: c === '' ? '—' : c }))}
                      data-testid={`score-${d}`}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      size="xs"
                      placeholder={t('visits.placeholders.scoreNote')}
                      aria-label={t('visits.scoreNoteFor', { dimension: t(`scorecard.dimensions.${d}`) })}
                      value={value[d].note}
                      onChange={(e) => onNote(d, e.currentTarget.value)}
                      error={errors[`scores.${d}.note`]}
                      data-testid={`score-note-${d}`}
                    />
                  </Table.Td>
                </Table.Tr>
              )
            })}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  )
}
