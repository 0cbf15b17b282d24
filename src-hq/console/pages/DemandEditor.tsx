import { Autocomplete, Group, NumberInput, Select, Stack, TextInput, Textarea } from '@mantine/core'
import type { Sku } from '@core/skus/skus.contract'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { BENCHMARK_CHANNELS } from '../../../src-renderer/benchmarks/channels'
import { notifySuccess } from '../../../src-renderer/common/notify'
import { formErrorsFrom } from '../../../src-renderer/forms/field-errors'
import { FormActions } from '../../../src-renderer/forms/FormActions'
import { FormFailure } from '../../../src-renderer/forms/FormFailure'
import { useEditorSubmit } from '../../../src-renderer/forms/use-editor-submit'
import type { OwnedRow } from '../../admin.contract'
import {
  demandFieldMapping,
  emptyDemand,
  toDemandInput,
  validateDemand,
  type DemandFormValues,
} from '../demand-form'
import { useHqMutation } from '../hq-api-context'

/** Create or edit one demand signal: an SKU's monthly units on one channel. */
export function DemandEditor({
  signal,
  skus,
  onDone,
}: {
  /** The signal to edit, or null for a new one. */
  signal: OwnedRow | null
  skus: Sku[]
  onDone: () => void
}) {
  const { t } = useTranslation()
  const create = useHqMutation('admin.rows.create')
  const update = useHqMutation('admin.rows.update')
  const form = useForm<DemandFormValues>({
    mode: 'controlled',
    initialValues: signal ? (signal.values as unknown as DemandFormValues) : emptyDemand(skus[0]?.id ?? ''),
    validate: validateDemand,
  })
  const { submit, failure } = useEditorSubmit(form, {
    save: async (formValues) => {
      const values = toDemandInput(formValues)
      if (signal) await update.run({ table: 'demand_signals', id: signal.id, values })
      else await create.run({ table: 'demand_signals', values })
      const sku = skus.find((s) => s.id === values.skuId)
      notifySuccess(
        signal ? t('hqConsole.demand.saved') : t('hqConsole.demand.created', { sku: sku?.name ?? '' }),
      )
      onDone()
    },
    fieldErrors: (fields, formValues) => formErrorsFrom(fields, demandFieldMapping(formValues, ['values'])),
  })
  return (
    <form onSubmit={submit} noValidate data-testid="demand-form">
      <Stack gap="sm">
        <FormFailure failure={failure} />
        <Select
          label={t('hqConsole.demand.sku')}
          withAsterisk
          searchable
          allowDeselect={false}
          data={skus.map((s) => ({ value: s.id, label: `${s.category} · ${s.name}` }))}
          data-testid="demand-sku"
          {...form.getInputProps('skuId')}
        />
        <Group grow gap="sm" align="flex-start">
          <TextInput
            label={t('hqConsole.demand.month')}
            placeholder={t('hqConsole.demand.monthPlaceholder')}
            withAsterisk
            data-testid="demand-month"
            {...form.getInputProps('month')}
          />
          <Autocomplete
            label={t('hqConsole.demand.channel')}
            withAsterisk
            data={BENCHMARK_CHANNELS}
            data-testid="demand-channel"
            {...form.getInputProps('channel')}
          />
          <NumberInput
            label={t('hqConsole.demand.monthlyUnits')}
            withAsterisk
            min={0}
            allowDecimal={false}
            allowNegative={false}
            thousandSeparator=","
            data-testid="demand-units"
            {...form.getInputProps('monthlyUnits')}
          />
        </Group>
        <Textarea label={t('hqConsole.demand.note')} autosize minRows={2} {...form.getInputProps('note')} />
        <FormActions
          onCancel={onDone}
          pending={create.pending || update.pending}
          testId="demand-save"
          sticky={false}
        />
      </Stack>
    </form>
  )
}
