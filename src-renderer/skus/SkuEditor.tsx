import {
  Autocomplete,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
  Textarea,
} from '@mantine/core'
import type { Sku } from '@core/skus/skus.contract'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { UNIT_SCALES } from '@core/skus/skus.contract'
import { scaledUnit } from '../common/figures'
import { useMutation } from '../api/use-mutation'
import { CategoryPolicyNotice } from '../categories/CategoryPolicyNotice'
import { notifySuccess } from '../common/notify'
import { formErrorsFrom } from '../forms/field-errors'
import { FormActions } from '../forms/FormActions'
import { FormFailure } from '../forms/FormFailure'
import { useEditorSubmit } from '../forms/use-editor-submit'
import { useUnsavedGuard } from '../forms/use-form-draft'
import { PackSpecEditor } from '../forms/PackSpecEditor'
import { BENCHMARK_CHANNELS } from '../benchmarks/channels'
import {
  COMPARABLE_UNITS,
  EMPTY_SKU,
  FOCUS_CATEGORIES,
  skuFieldMapping,
  skuFormValuesOf,
  toSkuInput,
  validateSku,
  type SkuFormValues,
} from './sku-form'

/**
 * Create or edit an SKU brief: what to develop, its retail pack, the planned order and the target. The
 * form validates with the contract's schema; what the core still rejects lands on the same fields.
 */
export function SkuEditor({
  sku,
  categories,
  onSaved,
  onCancel,
}: {
  /** The SKU to edit, or null to create one. */
  sku: Sku | null
  /** Categories already in use, offered as suggestions. */
  categories: string[]
  onSaved: (saved: Sku) => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const create = useMutation('skus.create')
  const update = useMutation('skus.update')
  const form = useForm<SkuFormValues>({
    mode: 'controlled',
    initialValues: sku ? skuFormValuesOf(sku) : EMPTY_SKU,
    validate: validateSku,
  })
  useUnsavedGuard(form)
  const values = form.getValues()

  // The innermost level counts the comparable unit: keep its label in step when the unit changes.
  const setUnit = (unit: string) => {
    const previous = values.comparableUnit
    form.setFieldValue('comparableUnit', unit)
    const spec = values.retailPackSpec
    const last = spec[spec.length - 1]
    if (last && (last.label === previous || last.label === '')) {
      form.setFieldValue(`retailPackSpec.${spec.length - 1}.label`, unit)
    }
  }

  const { submit, failure } = useEditorSubmit(form, {
    save: async (formValues) => {
      const input = toSkuInput(formValues)
      const saved = sku ? await update.run({ id: sku.id, values: input }) : await create.run(input)
      notifySuccess(t(sku ? 'skus.form.saved' : 'skus.form.created', { name: saved.name }))
      onSaved(saved)
    },
    fieldErrors: (fields, formValues) =>
      formErrorsFrom(fields, skuFieldMapping(formValues, sku ? ['values'] : [])),
  })

  const categoryOptions = [...new Set([...categories, ...FOCUS_CATEGORIES])]
  return (
    <form onSubmit={submit} noValidate data-testid="sku-form">
      <Stack gap="sm">
        <FormFailure failure={failure} />
        <Group grow gap="sm" align="flex-end">
          <Autocomplete
            label={t('skus.fields.category')}
            withAsterisk
            data={categoryOptions}
            data-testid="sku-category"
            {...form.getInputProps('category')}
          />
          <Autocomplete
            label={t('skus.fields.comparableUnit')}
            description={t('skus.hints.comparableUnit')}
            withAsterisk
            data={COMPARABLE_UNITS}
            data-testid="sku-unit"
            {...form.getInputProps('comparableUnit')}
            onChange={setUnit}
          />
        </Group>
        <CategoryPolicyNotice form={form} />
        <TextInput
          label={t('skus.fields.name')}
          placeholder={t('skus.placeholders.name')}
          withAsterisk
          data-autofocus
          data-testid="sku-name"
          {...form.getInputProps('name')}
        />
        <PackSpecEditor
          label={t('skus.fields.retailPackSpec')}
          description={t('skus.hints.retailPackSpec')}
          value={values.retailPackSpec}
          onChange={(spec) => form.setFieldValue('retailPackSpec', spec)}
          errors={form.errors}
          path="retailPackSpec"
          testId="sku-pack"
        />
        <Select
          w={260}
          label={t('quoteUi.unitScale.label')}
          description={t('quoteUi.unitScale.hint')}
          allowDeselect={false}
          data={UNIT_SCALES.map((scale) => ({
            value: String(scale),
            label: t('quoteUi.unitScale.option', {
              unit: scaledUnit({ unit: values.comparableUnit || '…', scale }),
            }),
          }))}
          value={String(values.unitScale)}
          onChange={(v) => form.setFieldValue('unitScale', Number(v ?? 1))}
          data-testid="sku-unit-scale"
        />
        <SimpleGrid cols={3} spacing="sm">
          <NumberInput
            label={t('skus.fields.plannedOrderPacks')}
            description={t('skus.hints.plannedOrderPacks')}
            withAsterisk
            min={1}
            allowDecimal={false}
            allowNegative={false}
            thousandSeparator=","
            data-testid="sku-planned"
            {...form.getInputProps('plannedOrderPacks')}
          />
          <TextInput
            label={t('skus.fields.targetRatio')}
            description={t('skus.hints.targetRatio')}
            data-testid="sku-ratio"
            {...form.getInputProps('targetRatio')}
          />
          <NumberInput
            label={t('skus.fields.targetMargin')}
            description={t('skus.hints.targetMargin')}
            suffix="%"
            min={0}
            max={99.9}
            decimalScale={2}
            allowNegative={false}
            data-testid="sku-margin"
            {...form.getInputProps('targetMarginPercent')}
          />
        </SimpleGrid>
        <Autocomplete
          label={t('skus.fields.benchmarkChannel')}
          description={t('skus.hints.benchmarkChannel')}
          placeholder={t('skus.placeholders.benchmarkChannel')}
          data={BENCHMARK_CHANNELS}
          clearable
          data-testid="sku-channel"
          {...form.getInputProps('benchmarkChannel')}
        />
        <Textarea
          label={t('skus.fields.notes')}
          autosize
          minRows={2}
          maxRows={8}
          {...form.getInputProps('notes')}
        />
        <FormActions onCancel={onCancel} pending={create.pending || update.pending} testId="sku-save" />
      </Stack>
    </form>
  )
}
