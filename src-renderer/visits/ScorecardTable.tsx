import { Rating, Table, Text } from '@mantine/core'
import { SCORE_DIMENSIONS } from '@core/domain/scorecard'
import type { Scorecard } from '@core/visits/visits.contract'
import { useTranslation } from 'react-i18next'

/** One visit's scores, read-only: stars plus the number (stars alone are hard to read at a glance). */
export function ScorecardTable({ scores }: { scores: Scorecard }) {
  const { t } = useTranslation()
  return (
    <Table verticalSpacing={6} horizontalSpacing="sm" data-testid="scorecard">
      <Table.Tbody>
        {SCORE_DIMENSIONS.map((d) => {
          const { score, note } = scores[d]
          return (
            <Table.Tr key={d} data-testid={`scorecard-${d}`}>
              <Table.Td w={140}>
                <Text size="sm" fw={500}>
                  {t(`scorecard.dimensions.${d}`)}
                </Text>
              </Table.Td>
              <Table.Td w={150}>
                {score === null ? (
                  <Text size="sm" c="dimmed">
                    {t('visits.unscored')}
                  </Text>
                ) : (
                  <Rating value={score} readOnly size="sm" aria-label={`${score} / 5`} />
                )}
              </Table.Td>
              <Table.Td w={40}>
                <Text size="sm" fw={600} className="num" data-testid="scorecard-score">
                  {score ?? ''}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={note ? undefined : 'dimmed'}>
                  {note || t('common.none')}
                </Text>
              </Table.Td>
            </Table.Tr>
          )
        })}
      </Table.Tbody>
    </Table>
  )
}
