import {
  ActionIcon,
  Alert,
  Autocomplete,
  Button,
  Group,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core'
import {
  EvaluationInput,
  SUGGESTED_EVALUATION_DIMENSIONS,
  VERDICTS,
  type Sample,
} from '@core/samples/samples.contract'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiCallError } from '../api/api-call-error'
import { useMutation } from '../api/use-mutation'
import { errorMessage } from '../common/error-message'
import { notifySuccess } from '../common/notify'
import { sameValues } from '../forms/draft-store'
import { formErrorsFrom, validateWith } from '../forms/field-errors'
import { useGuardedCancel, useGuardedForm } from '../forms/form-guard'
import { dimensionKey, dimensionLabel } from './evaluation-dimensions'

interface ScoreDraft {
  dimension: string
  score: string
  note: string
}

/** The sample against the brand benchmark: a 1–5 score per dimension, a verdict and a note. */
export function EvaluationEditor({ sample, onDone }: { sample: Sample; onDone: () => void }) {
  const { t } = useTranslation()
  const evaluate = useMutation('samples.evaluate')
  const current = sample.evaluation
  const [benchmark, setBenchmark] = useState(current?.benchmark ?? '')
  const [scores, setScores] = useState<ScoreDraft[]>(
    current
      ? current.scores.map((s) => ({
          dimension: dimensionLabel(t, s.dimension),
          score: String(s.score),
          note: s.note,
        }))
      : SUGGESTED_EVALUATION_DIMENSIONS.slice(0, 3).map((d) => ({
          dimension: dimensionLabel(t, d),
          score: '',
          note: '',
        })),
  )
  const [verdict, setVerdict] = useState<string>(current?.verdict ?? '')
  const [note, setNote] = useState(current?.note ?? '')
  const [errors, setErrors] = useState<Record<string, React.ReactNode>>({})
  const [failure, setFailure] = useState<string | null>(null)
  // What the drawer opened with (a ref keeps the first render's values), to tell whether anything changed.
  const opened = useRef({ benchmark, scores, verdict, note })
  useGuardedForm({ isDirty: () => !sameValues({ benchmark, scores, verdict, note }, opened.current) })
  const cancel = useGuardedCancel(onDone)
  const set = (i: number, patch: Partial<ScoreDraft>) =>
    setScores((all) => all.map((s, j) => (j === i ? { ...s, ...patch } : s)))

  const save = async () => {
    const input = {
      benchmark,
      // A row without a score is a suggestion the buyer did not use.
      scores: scores
        .filter((s) => s.score !== '')
        .map((s) => ({ dimension: dimensionKey(t, s.dimension), score: Number(s.score), note: s.note })),
      verdict,
      note,
    }
    const found = validateWith(EvaluationInput, input, { empty: verdict ? [] : ['verdict'] })
    setErrors(found)
    if (Object.keys(found).length > 0) return setFailure(t('common.fixErrors'))
    setFailure(null)
    try {
      await evaluate.run({ id: sample.id, evaluation: EvaluationInput.parse(input) })
      notifySuccess(t('samples.evaluation.saved'))
      onDone()
    } catch (error) {
      if (error instanceof ApiCallError)
        setErrors(formErrorsFrom(error.apiError.fields, { dropPrefix: ['evaluation'] }))
      setFailure(errorMessage(t, error))
    }
  }

  return (
    <Stack gap="sm" data-testid="evaluation-form">
      {failure ? (
        <Alert color="red" variant="light" data-testid="form-error">
          {failure}
        </Alert>
      ) : null}
      <TextInput
        label={t('samples.evaluation.benchmark')}
        placeholder={t('samples.evaluation.benchmarkPlaceholder')}
        value={benchmark}
        onChange={(e) => setBenchmark(e.currentTarget.value)}
        error={errors.benchmark}
        data-testid="evaluation-benchmark"
      />
      <Text size="sm" fw={500}>
        {t('samples.evaluation.scores')}
      </Text>
      {scores.map((s, i) => (
        <Group key={i} gap="xs" wrap="nowrap" align="flex-start" data-testid="evaluation-row">
          <Autocomplete
            w={150}
            aria-label={t('samples.evaluation.dimension')}
            data={SUGGESTED_EVALUATION_DIMENSIONS.map((d) => dimensionLabel(t, d))}
            value={s.dimension}
            onChange={(v) => set(i, { dimension: v })}
            error={errors[`scores.${i}.dimension`]}
            data-testid="evaluation-dimension"
          />
          <SegmentedControl
            size="xs"
            aria-label={s.dimension}
            value={s.score}
            onChange={(v) => set(i, { score: v })}
            data={['', '1', '2', '3', '4', '5'].map((c) => ({ value: c, label: c === '' ? '—' : c }))}
            data-testid="evaluation-score"
          />
          <TextInput
            style={{ flex: 1 }}
            size="xs"
            mt={2}
            placeholder={t('visits.placeholders.scoreNote')}
            aria-label={t('samples.evaluation.note')}
            value={s.note}
            onChange={(e) => set(i, { note: e.currentTarget.value })}
          />
          <ActionIcon
            variant="subtle"
            color="gray"
            mt={4}
            aria-label={t('common.delete')}
            onClick={() => setScores((all) => all.filter((_, j) => j !== i))}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} />}
          onClick={() => setScores((all) => [...all, { dimension: '', score: '', note: '' }])}
        >
          {t('samples.evaluation.addDimension')}
        </Button>
      </Group>
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t('samples.evaluation.verdict')}{' '}
          <Text span c="red">
            *
          </Text>
        </Text>
        <SegmentedControl
          value={verdict}
          onChange={setVerdict}
          data={VERDICTS.map((v) => ({ value: v, label: t(`verdict.${v}`) }))}
          data-testid="evaluation-verdict"
        />
        {errors.verdict ? (
          <Text size="xs" c="red">
            {errors.verdict}
          </Text>
        ) : null}
      </Stack>
      <Textarea
        label={t('samples.evaluation.note')}
        autosize
        minRows={2}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={cancel}>
          {t('common.cancel')}
        </Button>
        <Button loading={evaluate.pending} onClick={() => void save()} data-testid="evaluation-save">
          {t('common.save')}
        </Button>
      </Group>
    </Stack>
  )
}
