import { Button, Group, Stack, Textarea } from '@mantine/core'
import type { Sample, SampleStatus } from '@core/samples/samples.contract'
import { reasonRequired } from '@core/domain/sample-workflow'
import { IconArrowRight, IconCheck, IconX } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation } from '../api/use-mutation'
import { errorMessage } from '../common/error-message'
import { notifyError, notifySuccess } from '../common/notify'
import { useGuardedCancel, useGuardedForm } from '../forms/form-guard'
import { FormModal } from '../forms/FormModal'

function iconOf(to: SampleStatus) {
  if (to === 'approved') return <IconCheck size={16} />
  if (to === 'rejected') return <IconX size={16} />
  return <IconArrowRight size={16} />
}

/**
 * One button per status the sample may move to next (the core says which), so an invalid move is never
 * offered. Rejecting asks for the reason first. Evaluating is not among them: filling in the evaluation
 * starts it, so the buyer has one evaluation action, not two.
 */
export function StatusActions({ sample }: { sample: Sample }) {
  const { t } = useTranslation()
  const transition = useMutation('samples.transition')
  const [asking, setAsking] = useState<SampleStatus | null>(null)
  const [reason, setReason] = useState('')
  const [reasonError, setReasonError] = useState<string | null>(null)

  const move = async (to: SampleStatus, why: string) => {
    try {
      await transition.run({ id: sample.id, to, reason: why })
      notifySuccess(t('samples.moved', { status: t(`sampleStatus.${to}`) }))
      setAsking(null)
    } catch (error) {
      if (asking) setReasonError(errorMessage(t, error))
      else notifyError(t('errors.title'), errorMessage(t, error))
    }
  }
  const start = (to: SampleStatus) => {
    if (!reasonRequired(to)) return void move(to, '')
    setReason('')
    setReasonError(null)
    setAsking(to)
  }

  const moves = sample.nextStatuses.filter((to) => to !== 'evaluating')
  if (moves.length === 0) return null
  return (
    <>
      <Group gap="xs" data-testid="status-actions">
        {moves.map((to) => (
          <Button
            key={to}
            size="sm"
            variant={to === 'rejected' ? 'light' : 'filled'}
            color={to === 'rejected' ? 'red' : to === 'approved' ? 'teal' : undefined}
            leftSection={iconOf(to)}
            loading={transition.pending && asking === null}
            onClick={() => start(to)}
            data-testid={`status-to-${to}`}
          >
            {t(`samples.moveTo.${to}`)}
          </Button>
        ))}
      </Group>
      <FormModal
        opened={asking !== null}
        onClose={() => setAsking(null)}
        title={t('samples.reject.title', { code: sample.code })}
      >
        <RejectReason
          reason={reason}
          onReason={(text) => {
            setReason(text)
            setReasonError(null)
          }}
          error={reasonError}
          pending={transition.pending}
          onCancel={() => setAsking(null)}
          onConfirm={() => {
            if (reason.trim() === '') setReasonError(t('errors.sample.rejectReason'))
            else if (asking) void move(asking, reason)
          }}
        />
      </FormModal>
    </>
  )
}

/** The reason a sample is rejected, inside the guarded modal (closing with a reason typed asks first). */
function RejectReason({
  reason,
  onReason,
  error,
  pending,
  onCancel,
  onConfirm,
}: {
  reason: string
  onReason: (text: string) => void
  error: string | null
  pending: boolean
  onCancel: () => void
  onConfirm: () => void
}) {
  const { t } = useTranslation()
  useGuardedForm({ isDirty: () => reason.trim() !== '' })
  const cancel = useGuardedCancel(onCancel)
  return (
    <Stack gap="sm">
      <Textarea
        label={t('samples.reject.reason')}
        withAsterisk
        autosize
        minRows={3}
        data-autofocus
        value={reason}
        onChange={(e) => onReason(e.currentTarget.value)}
        error={error}
        data-testid="reject-reason"
      />
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={cancel}>
          {t('common.cancel')}
        </Button>
        <Button color="red" loading={pending} onClick={onConfirm} data-testid="reject-confirm">
          {t('samples.moveTo.rejected')}
        </Button>
      </Group>
    </Stack>
  )
}
