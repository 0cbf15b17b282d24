import { Autocomplete, Group, NumberInput, SimpleGrid, Stack, TextInput } from '@mantine/core'
import { MonthPickerInput } from '@mantine/dates'
import type { DemandSignal } from '@core/demand/demand.contract'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { useMutation } from '../api/use-mutation'
import { BENCHMARK_CHANNELS } from '../benchmarks/channels'
import { ConfirmDeleteButton } from '../common/ConfirmDeleteButton'
import { notifySuccess } from '../common/notify'
import { formErrorsFrom } from '../forms/field-errors'
import { FormActions } from '../forms/FormActions'
import { FormFailure } from '../forms/FormFailure'
import { useEditorSubmit } from '../forms/use-editor-submit'
import { useUnsavedGuard } from '../forms/use-form-draft'
import {
  demandFieldMapping,
  demandFormValues,
  toDemandInput,
  validateDemand,
  type DemandFormValues,
} from './demand-form'

/** Records or corrects the units an SKU sold in one month on one channel (standalone laptops only). */
export function DemandEditor({
  skuId,
  signal,
  channels,
  onDone,
}: {
  skuId: string
  /** The signal to correct; null records a new one. */
  signal: DemandSignal | null
  /** Channels this SKU already has signals for, offered first. */
  channels: string[]
  onDone: () => void
}) {
  const { t } = useTranslation()
  const create = useMutation('demand.create')
  const update = useMutation('demand.update')
  const remove = useMutation('demand.delete')
  const form = useForm<DemandFormValues>({
    mode: 'controlled',
    initialValues: demandFormValues(signal),
    validate: (values) => validateDemand(values, skuId),
  })
  useUnsavedGuard(form)

  const { submit, failure } = useEditorSubmit(form, {
    save: async (values) => {
      const input = toDemandInput(values, skuId)
      const saved = signal ? await update.run({ id: signal.id, values: input }) : await create.run(input)
      notifySuccess(t('demand.saved', { channel: saved.channel, month: saved.month }))
      onDone()
    },
    fieldErrors: (fields, values) => formErrorsFrom(fields, demandFieldMapping(values, signal !== null)),
  })

  return (
    <form onSubmit={submit} noValidate data-testid="demand-form">
      <Stack gap="sm">
        <FormFailure failure={failure} />
        <SimpleGrid cols={2} spacing="sm">
          <MonthPickerInput
            label={t('demand.fields.month')}
            withAsterisk
            valueFormat="YYYY-MM"
            data-testid="demand-month"
            {...form.getInputProps('month')}
          />
          <Autocomplete
            label={t('demand.fields.channel')}
            withAsterisk
            data={[...new Set([...channels, ...BENCHMARK_CHANNELS])]}
            data-autofocus
            data-testid="demand-channel"
            {...form.getInputProps('channel')}
          />
        </SimpleGrid>
        <NumberInput
          label={t('demand.fields.monthlyUnits')}
          description={t('demand.hints.monthlyUnits')}
          withAsterisk
          min={0}
          allowDecimal={false}
          allowNegative={false}
          thousandSeparator=","
          data-testid="demand-units"
          {...form.getInputProps('monthlyUnits')}
        />
        <TextInput label={t('demand.fields.note')} {...form.getInputProps('note')} />
        <Group justify="space-between" align="flex-end">
          {signal ? (
            <ConfirmDeleteButton
              title={t('demand.deleteTitle')}
              body={t('demand.deleteBody', { channel: signal.channel, month: signal.month })}
              pending={remove.pending}
              onConfirm={async () => {
                await remove.run({ id: signal.id })
                onDone()
              }}
              testId="demand-delete"
            />
          ) : (
            <span />
          )}
          <FormActions
            onCancel={onDone}
            pending={create.pending || update.pending}
            testId="demand-save"
            sticky={false}
          />
        </Group>
      </Stack>
    </form>
  )
}
