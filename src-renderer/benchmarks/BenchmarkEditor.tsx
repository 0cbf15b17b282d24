import { Autocomplete, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import { DateInput } from '@mantine/dates'
import type { PackFactor } from '@core/domain/pricing'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { useMutation } from '../api/use-mutation'
import { notifySuccess } from '../common/notify'
import { formErrorsFrom } from '../forms/field-errors'
import { FormActions } from '../forms/FormActions'
import { FormFailure } from '../forms/FormFailure'
import { useEditorSubmit } from '../forms/use-editor-submit'
import { useUnsavedGuard } from '../forms/use-form-draft'
import { PackSpecEditor } from '../forms/PackSpecEditor'
import { COMMON_CURRENCIES } from '../quotes/quote-form'
import {
  benchmarkFieldMapping,
  emptyBenchmark,
  toBenchmarkInput,
  validateBenchmark,
  type BenchmarkFormValues,
} from './benchmark-form'
import { BENCHMARK_CHANNELS } from './channels'

/** Brands buyers benchmark against most, offered as suggestions. */
const BRANDS = [
  '维达',
  '清风',
  '心相印',
  '洁柔',
  '舒洁',
  "Member's Mark",
  'Kirkland',
  '威露士',
  '滴露',
  '蓝月亮',
  '立白',
]

/** Records one brand shelf price seen on one channel on one day. */
export function BenchmarkEditor({
  skuId,
  retailPack,
  currencies,
  onSaved,
  onCancel,
}: {
  skuId: string
  retailPack: readonly PackFactor[]
  currencies: string[]
  onSaved: () => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const create = useMutation('benchmarks.create')
  const form = useForm<BenchmarkFormValues>({
    mode: 'controlled',
    initialValues: emptyBenchmark(retailPack),
    validate: (values) => validateBenchmark(values, skuId),
  })
  useUnsavedGuard(form)
  const values = form.getValues()

  const { submit, failure } = useEditorSubmit(form, {
    save: async (formValues) => {
      const saved = await create.run(toBenchmarkInput(formValues, skuId))
      notifySuccess(t('benchmarks.created', { brand: saved.brand, channel: saved.channel }))
      onSaved()
    },
    fieldErrors: (fields, formValues) => formErrorsFrom(fields, benchmarkFieldMapping(formValues)),
  })

  return (
    <form onSubmit={submit} noValidate data-testid="benchmark-form">
      <Stack gap="sm">
        <FormFailure failure={failure} />
        <SimpleGrid cols={2} spacing="sm">
          <Autocomplete
            label={t('benchmarks.fields.brand')}
            withAsterisk
            data={BRANDS}
            data-autofocus
            data-testid="benchmark-brand"
            {...form.getInputProps('brand')}
          />
          <Autocomplete
            label={t('benchmarks.fields.channel')}
            withAsterisk
            data={BENCHMARK_CHANNELS}
            data-testid="benchmark-channel"
            {...form.getInputProps('channel')}
          />
        </SimpleGrid>
        <TextInput
          label={t('benchmarks.fields.product')}
          placeholder={t('benchmarks.placeholders.product')}
          data-testid="benchmark-product"
          {...form.getInputProps('product')}
        />
        <PackSpecEditor
          label={t('benchmarks.fields.packSpec')}
          value={values.packSpec}
          onChange={(spec) => form.setFieldValue('packSpec', spec)}
          errors={form.errors}
          path="packSpec"
          testId="benchmark-pack"
        />
        <SimpleGrid cols={3} spacing="sm">
          <TextInput
            label={t('benchmarks.fields.shelfPrice')}
            withAsterisk
            inputMode="decimal"
            leftSection={<Text size="xs">{values.currency}</Text>}
            leftSectionWidth={44}
            data-testid="benchmark-price"
            {...form.getInputProps('shelfPrice')}
          />
          <Select
            label={t('quotes.fields.currency')}
            data={[...new Set([...COMMON_CURRENCIES, ...currencies])]}
            allowDeselect={false}
            searchable
            data-testid="benchmark-currency"
            {...form.getInputProps('currency')}
          />
          <DateInput
            label={t('benchmarks.fields.observedAt')}
            withAsterisk
            valueFormat="YYYY-MM-DD"
            data-testid="benchmark-date"
            {...form.getInputProps('observedAt')}
          />
        </SimpleGrid>
        <TextInput label={t('benchmarks.fields.notes')} {...form.getInputProps('notes')} />
        <FormActions onCancel={onCancel} pending={create.pending} testId="benchmark-save" sticky={false} />
      </Stack>
    </form>
  )
}
