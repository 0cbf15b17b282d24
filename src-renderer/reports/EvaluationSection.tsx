import { Badge, Group, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { ReportSection } from './ReportSection'
import type { SampleReportData } from './report-types'

const VERDICT_COLORS = { better: 'teal', onPar: 'blue', worse: 'red' } as const

/** Specs as the buyer listed them. */
export function SpecsSection({ specs }: { specs: SampleReportData['sample']['specs'] }) {
  const { t } = useTranslation()
  return (
    <ReportSection title={t('reports.sample.specs')}>
      {specs.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('reports.sample.noSpecs')}
        </Text>
      ) : (
        <dl className="print-facts print-facts-3">
          {specs.map((spec, i) => (
            <div key={`${spec.key}-${i}`} className="print-fact">
              <dt>{spec.key}</dt>
              <dd>{spec.value || t('common.none')}</dd>
            </div>
          ))}
        </dl>
      )}
    </ReportSection>
  )
}

/** The sample against the brand benchmark: verdict, a bar per dimension (of 5) and the notes. */
export function EvaluationSection({ evaluation }: { evaluation: SampleReportData['sample']['evaluation'] }) {
  const { t } = useTranslation()
  return (
    <ReportSection title={t('reports.evaluation.title')} testId="report-evaluation">
      {!evaluation ? (
        <Text size="sm" c="dimmed">
          {t('reports.evaluation.none')}
        </Text>
      ) : (
        <>
          <Group gap="sm" mb={6}>
            <Text size="sm">
              {t('reports.evaluation.against', {
                benchmark: evaluation.benchmark || t('reports.evaluation.noBenchmark'),
              })}
            </Text>
            <Badge color={VERDICT_COLORS[evaluation.verdict]} variant="light" radius="sm" tt="none">
              {t(`reports.verdict.${evaluation.verdict}`)}
            </Badge>
          </Group>
          <table className="print-table print-scores">
            <tbody>
              {evaluation.scores.map((score) => (
                <tr key={score.dimension}>
                  <td className="print-score-label">
                    {t(`reports.evaluation.dimensions.${score.dimension}`, { defaultValue: score.dimension })}
                  </td>
                  <td className="print-score-bar">
                    <span className="print-bar">
                      <span style={{ width: `${(score.score / 5) * 100}%` }} />
                    </span>
                  </td>
                  <td className="num print-score-value">{score.score} / 5</td>
                  <td className="print-score-note">{score.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {evaluation.note ? (
            <Text size="sm" mt={6}>
              {evaluation.note}
            </Text>
          ) : null}
        </>
      )}
    </ReportSection>
  )
}
