import {
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core'
import { DateInput } from '@mantine/dates'
import type { PackFactor } from '@core/domain/pricing'
import type { Quote } from '@core/quotes/quotes.contract'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { useMutation } from '../api/use-mutation'
import { notifySuccess } from '../common/notify'
import { DraftOffer } from '../forms/DraftOffer'
import { formErrorsFrom } from '../forms/field-errors'
import { FormActions } from '../forms/FormActions'
import { FormFailure } from '../forms/FormFailure'
import { useEditorSubmit } from '../forms/use-editor-submit'
import { useFormDraft } from '../forms/use-form-draft'
import { PackSpecEditor } from '../forms/PackSpecEditor'
import { FactorySelect } from './FactorySelect'
import {
  COMMON_CURRENCIES,
  emptyQuote,
  quoteFieldMapping,
  quoteFormValuesOf,
  toQuoteInput,
  validateQuote,
  type FreightKind,
  type QuoteFormValues,
} from './quote-form'
import { TiersEditor } from './TiersEditor'

/** What saving the form does: a new thread, the next round of one, or a correction of a round. */
export type QuoteEditMode = 'create' | 'revise' | 'update'

/**
 * A quote in whatever shape the factory gave it. Validated with the contract's QuoteInput before sending;
 * what the core still rejects (no rate for the currency, a deleted factory) lands on the same fields.
 */
export function QuoteEditor({
  skuId,
  retailPack,
  quote,
  mode,
  currencies,
  onSaved,
  onCancel,
}: {
  skuId: string
  /** The SKU's retail pack, the starting pack of a new quote. */
  retailPack: readonly PackFactor[]
  /** The round to revise or correct; null to create. */
  quote: Quote | null
  mode: QuoteEditMode
  /** Currencies with a rate in Settings. */
  currencies: string[]
  onSaved: (saved: Quote) => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const create = useMutation('quotes.create')
  const revise = useMutation('quotes.revise')
  const update = useMutation('quotes.update')
  const form = useForm<QuoteFormValues>({
    mode: 'controlled',
    initialValues: quote ? quoteFormValuesOf(quote) : emptyQuote(retailPack),
    validate: (values) => validateQuote(values, skuId),
  })
  // A correction and a next round of the same quote are different drafts; a new quote belongs to its SKU.
  const draft = useFormDraft(form, {
    address: { kind: 'quote', recordId: quote?.id ?? null, context: { sku: skuId, mode } },
    recordUpdatedAt: quote?.updatedAt ?? null,
  })
  const values = form.getValues()

  const save = async (formValues: QuoteFormValues): Promise<Quote> => {
    const input = toQuoteInput(formValues, skuId)
    if (mode === 'create' || !quote) return create.run(input)
    return mode === 'revise'
      ? revise.run({ id: quote.id, values: input })
      : update.run({ id: quote.id, values: input })
  }

  const { submit, failure } = useEditorSubmit(form, {
    save: async (formValues) => {
      const saved = await save(formValues)
      draft.clear()
      notifySuccess(t(`quotes.form.done.${mode}`, { name: saved.factoryName, round: saved.round }))
      onSaved(saved)
    },
    fieldErrors: (fields, formValues) =>
      formErrorsFrom(fields, quoteFieldMapping(formValues, mode === 'create' ? [] : ['values'])),
  })

  const currencyOptions = [...new Set([...COMMON_CURRENCIES, ...currencies, values.currency])]
  return (
    <form onSubmit={submit} noValidate data-testid="quote-form">
      <Stack gap="sm">
        <DraftOffer draft={draft} />
        <FormFailure failure={failure} />
        {mode === 'revise' && quote ? (
          <Text size="sm" c="dimmed">
            {t('quotes.form.reviseNote', { round: quote.round + 1 })}
          </Text>
        ) : null}
        <SimpleGrid cols={3} spacing="sm">
          <div style={{ gridColumn: 'span 2' }}>
            <FactorySelect
              value={values.factoryId}
              initialLabel={quote?.factoryName}
              onChange={(id) => form.setFieldValue('factoryId', id)}
              error={form.errors.factoryId}
              testId="quote-factory"
            />
          </div>
          <TextInput
            label={t('quotes.fields.sampleId')}
            data-testid="quote-sample"
            {...form.getInputProps('sampleId')}
          />
          <DateInput
            label={t('quotes.fields.quoteDate')}
            withAsterisk
            valueFormat="YYYY-MM-DD"
            data-testid="quote-date"
            {...form.getInputProps('quoteDate')}
          />
          <DateInput
            label={t('quotes.fields.validUntil')}
            valueFormat="YYYY-MM-DD"
            clearable
            data-testid="quote-valid-until"
            {...form.getInputProps('validUntil')}
          />
          <Select
            label={t('quotes.fields.currency')}
            data={currencyOptions}
            allowDeselect={false}
            searchable
            data-testid="quote-currency"
            {...form.getInputProps('currency')}
          />
        </SimpleGrid>
        <Group gap="sm" align="flex-end">
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('quotes.fields.vatBasis')}
            </Text>
            <SegmentedControl
              data={[
                { value: 'included', label: t('quotes.vat.included') },
                { value: 'excluded', label: t('quotes.vat.excluded') },
              ]}
              data-testid="quote-vat-basis"
              {...form.getInputProps('vatBasis')}
            />
          </Stack>
          <NumberInput
            w={140}
            label={t('quotes.fields.vatRate')}
            suffix="%"
            min={0}
            max={99}
            decimalScale={2}
            allowNegative={false}
            disabled={values.vatBasis === 'included'}
            data-testid="quote-vat-rate"
            {...form.getInputProps('vatRatePercent')}
          />
        </Group>
        <TiersEditor
          value={values.tiers}
          onChange={(tiers) => form.setFieldValue('tiers', tiers)}
          errors={form.errors}
          currency={values.currency}
        />
        <PackSpecEditor
          label={t('quotes.fields.packSpec')}
          description={t('quotes.hints.packSpec')}
          value={values.packSpec}
          onChange={(spec) => form.setFieldValue('packSpec', spec)}
          errors={form.errors}
          path="packSpec"
          testId="quote-pack"
        />
        <Group gap="sm" align="flex-end">
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('quotes.fields.freight')}
            </Text>
            <SegmentedControl
              data={(['included', 'perPack', 'perShipment'] as FreightKind[]).map((kind) => ({
                value: kind,
                label: t(`quotes.freight.${kind}`),
              }))}
              data-testid="quote-freight-kind"
              {...form.getInputProps('freightKind')}
            />
          </Stack>
          {values.freightKind !== 'included' ? (
            <TextInput
              w={180}
              inputMode="decimal"
              label={t(`quotes.freightAmount.${values.freightKind}`)}
              leftSection={<Text size="xs">{values.currency}</Text>}
              leftSectionWidth={44}
              data-testid="quote-freight-amount"
              {...form.getInputProps('freightAmount')}
            />
          ) : null}
        </Group>
        <SimpleGrid cols={3} spacing="sm">
          <NumberInput
            label={t('quotes.fields.moqPacks')}
            min={1}
            allowDecimal={false}
            allowNegative={false}
            thousandSeparator=","
            rightSection={<Text size="xs">{t('quotes.packUnit')}</Text>}
            data-testid="quote-moq"
            {...form.getInputProps('moqPacks')}
          />
          <NumberInput
            label={t('quotes.fields.leadTimeDays')}
            min={0}
            allowDecimal={false}
            allowNegative={false}
            rightSection={<Text size="xs">{t('quotes.days')}</Text>}
            data-testid="quote-lead-time"
            {...form.getInputProps('leadTimeDays')}
          />
          <TextInput
            label={t('quotes.fields.paymentTerms')}
            placeholder={t('quotes.placeholders.paymentTerms')}
            data-testid="quote-payment"
            {...form.getInputProps('paymentTerms')}
          />
        </SimpleGrid>
        <Textarea
          label={t('quotes.fields.notes')}
          autosize
          minRows={2}
          maxRows={6}
          {...form.getInputProps('notes')}
        />
        <FormActions
          onCancel={onCancel}
          pending={create.pending || revise.pending || update.pending}
          testId="quote-save"
          submitLabel={t(`quotes.form.submit.${mode}`)}
        />
      </Stack>
    </form>
  )
}
