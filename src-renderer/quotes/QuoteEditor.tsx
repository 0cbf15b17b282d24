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
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useCall } from '../api/use-call'
import { packDraftOf } from '../forms/draft-values'
import { useMutation } from '../api/use-mutation'
import { PACK_WORDS, packWordText } from '../common/figures'
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
  type QuotePrefill,
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
  prefill = {},
  contextNote,
  onSaved,
  onCancel,
}: {
  /** The SKU the quote is for; null when opened from a visit or a factory (the buyer picks the SKU). */
  skuId: string | null
  /** The SKU's retail pack, the starting pack of a new quote. */
  retailPack: readonly PackFactor[]
  /** What a visit or factory page already knows (factory, date, sample). */
  prefill?: QuotePrefill
  /** Where the quote is being entered from, said above the form. */
  contextNote?: string
  /** The round to revise or correct; null to create. */
  quote: Quote | null
  mode: QuoteEditMode
  /** Currencies with a rate in Settings. */
  currencies: string[]
  onSaved: (saved: Quote) => void
  onCancel: () => void
}) {
  const { t, i18n } = useTranslation()
  const create = useMutation('quotes.create')
  const revise = useMutation('quotes.revise')
  const update = useMutation('quotes.update')
  const form = useForm<QuoteFormValues>({
    mode: 'controlled',
    initialValues: quote ? quoteFormValuesOf(quote) : emptyQuote(retailPack, { skuId, ...prefill }),
    validate: (values) => validateQuote(values, skuId),
  })
  // A correction and a next round of the same quote are different drafts; a new quote belongs to its SKU
  // (or to the factory it was started from).
  const draft = useFormDraft(form, {
    address: {
      kind: 'quote',
      recordId: quote?.id ?? null,
      context: { sku: skuId ?? '', factory: prefill.factoryId ?? '', mode },
    },
    recordUpdatedAt: quote?.updatedAt ?? null,
  })
  const values = form.getValues()
  const skus = useCall('skus.list', {}, skuId === null)
  const samples = useCall(
    'samples.list',
    { factoryId: values.factoryId ?? undefined },
    values.factoryId !== null,
  )
  // Opened outside an SKU page: the picked SKU's retail pack is where the quote's pack starts.
  const pickedSku = useCall('skus.get', { id: values.skuId ?? '' }, skuId === null && values.skuId !== null)
  const pickedPack = pickedSku.data?.retailPackSpec
  useEffect(() => {
    if (pickedPack && form.getValues().packSpec.length === 0)
      form.setFieldValue('packSpec', packDraftOf(pickedPack))
    // form is stable; the pack of a newly picked SKU is the trigger.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pickedPack])
  const skuOptions = (skus.data ?? []).map((s) => ({ value: s.id, label: `${s.name}（${s.category}）` }))
  const sampleOptions = (values.factoryId ? (samples.data ?? []) : []).map((s) => ({
    value: s.id,
    label: `${s.code} · ${s.name}`,
  }))
  const chooseFactory = (id: string | null) => {
    form.setFieldValue('factoryId', id)
    // A sample belongs to one factory: another factory means choosing its sample again.
    if (id !== values.factoryId) form.setFieldValue('linkedSampleId', null)
  }
  const packWordOptions = [...new Set([...PACK_WORDS, values.packWord].filter((w) => w !== ''))].map((w) => ({
    value: w,
    label: i18n.language.startsWith('zh') ? w : `${w} (${packWordText(w, i18n.language)})`,
  }))

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
        {contextNote ? (
          <Text size="sm" c="dimmed" data-testid="quote-context">
            {contextNote}
          </Text>
        ) : null}
        {mode === 'revise' && quote ? (
          <Text size="sm" c="dimmed">
            {t('quotes.form.reviseNote', { round: quote.round + 1 })}
          </Text>
        ) : null}
        {skuId === null ? (
          <Select
            label={t('quoteUi.fields.sku')}
            placeholder={t('quoteUi.placeholders.sku')}
            withAsterisk
            searchable
            data={skuOptions}
            data-testid="quote-sku"
            {...form.getInputProps('skuId')}
          />
        ) : null}
        <SimpleGrid cols={3} spacing="sm">
          <div style={{ gridColumn: 'span 2' }}>
            <FactorySelect
              value={values.factoryId}
              initialLabel={quote?.factoryName}
              onChange={chooseFactory}
              error={form.errors.factoryId}
              testId="quote-factory"
            />
          </div>
          <Stack gap={2}>
            <Select
              label={t('quoteUi.fields.linkedSample')}
              placeholder={
                values.factoryId && sampleOptions.length === 0
                  ? t('quoteUi.hints.noSamples')
                  : t('quoteUi.placeholders.linkedSample')
              }
              clearable
              searchable
              disabled={!values.factoryId}
              data={sampleOptions}
              data-testid="quote-sample"
              {...form.getInputProps('linkedSampleId')}
            />
            {values.sampleId ? (
              <Text size="xs" c="dimmed" data-testid="quote-legacy-sample">
                {t('quoteUi.legacySample', { text: values.sampleId })}
              </Text>
            ) : null}
          </Stack>
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
        <Select
          w={220}
          label={t('quoteUi.fields.packWord')}
          description={t('quoteUi.hints.packWord')}
          placeholder={packWordText('', i18n.language)}
          data={packWordOptions}
          clearable
          data-testid="quote-pack-word"
          value={values.packWord || null}
          onChange={(word) => form.setFieldValue('packWord', word ?? '')}
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
            <>
              <TextInput
                w={180}
                inputMode="decimal"
                label={t(`quotes.freightAmount.${values.freightKind}`)}
                leftSection={<Text size="xs">{values.freightCurrency || values.currency}</Text>}
                leftSectionWidth={44}
                data-testid="quote-freight-amount"
                {...form.getInputProps('freightAmount')}
              />
              <Select
                w={150}
                label={t('quoteUi.fields.freightCurrency')}
                data={[
                  { value: '', label: t('quoteUi.sameCurrency') },
                  ...currencyOptions
                    .filter((c) => c !== values.currency)
                    .map((c) => ({ value: c, label: c })),
                ]}
                allowDeselect={false}
                data-testid="quote-freight-currency"
                value={values.freightCurrency}
                onChange={(c) => form.setFieldValue('freightCurrency', c ?? '')}
                error={form.errors.freightCurrency}
              />
            </>
          ) : null}
        </Group>
        <SimpleGrid cols={3} spacing="sm">
          <NumberInput
            label={t('quotes.fields.moqPacks')}
            min={1}
            allowDecimal={false}
            allowNegative={false}
            thousandSeparator=","
            rightSection={<Text size="xs">{packWordText(values.packWord, i18n.language)}</Text>}
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
