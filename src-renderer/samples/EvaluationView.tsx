import { Badge, Group, Rating, Stack, Table, Text } from '@mantine/core'
import type { Sample } from '@core/samples/samples.contract'
import { useTranslation } from 'react-i18next'
import { dimensionLabel } from './evaluation-dimensions'

const VERDICT_COLORS = { better: 'teal', onPar: 'blue', worse: 'red' } as const

/** The recorded evaluation: benchmark, per-dimension scores and the verdict. */
export function EvaluationView({ evaluation }: { evaluation: NonNullable<Sample['evaluation']> }) {
  const { t } = useTranslation()
  return (
    <Stack gap="xs" data-testid="evaluation">
      <Group gap="sm">
        <Badge
          color={VERDICT_COLORS[evaluation.verdict]}
          variant="filled"
          radius="sm"
          size="lg"
          tt="none"
          data-testid="evaluation-verdict-badge"
        >
          {t(`verdict.${evaluation.verdict}`)}
        </Badge>
        <Text size="sm" c="dimmed">
          {evaluation.benchmark ? t('samples.evaluation.against', { benchmark: evaluation.benchmark }) : ''}
        </Text>
      </Group>
      {evaluation.scores.length > 0 ? (
        <Table verticalSpacing={4}>
          <Table.Tbody>
            {evaluation.scores.map((s) => (
              <Table.Tr key={s.dimension}>
                <Table.Td w={130}>
                  <Text size="sm">{dimensionLabel(t, s.dimension)}</Text>
                </Table.Td>
                <Table.Td w={130}>
                  <Rating value={s.score} readOnly size="sm" />
                </Table.Td>
                <Table.Td w={30}>
                  <Text size="sm" fw={600} className="num">
                    {s.score}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={s.note ? undefined : 'dimmed'}>
                    {s.note || t('common.none')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      {evaluation.note ? (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {evaluation.note}
        </Text>
      ) : null}
    </Stack>
  )
}
