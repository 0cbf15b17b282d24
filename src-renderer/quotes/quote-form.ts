import { DEFAULT_VAT_RATE } from '@core/domain/pricing/pricing.schema'
import type { PackFactor } from '@core/domain/pricing'
import { QuoteInput, type Quote } from '@core/quotes/quotes.contract'
import type { FormErrors } from '@mantine/form'
import {
  decimalToPercent,
  isEmptyDraft,
  numberOf,
  optionalNumberOf,
  packDraftOf,
  packOf,
  percentToDecimal,
  todayIso,
  type NumberDraft,
  type PackFactorDraft,
} from '../forms/draft-values'
import { validateWith, type FieldMapping } from '../forms/field-errors'

/** Currencies offered in the quote form (any with a rate in Settings is added). */
export const COMMON_CURRENCIES = ['CNY', 'USD', 'EUR', 'HKD', 'JPY']

export type FreightKind = 'included' | 'perPack' | 'perShipment'

/** One price tier as typed. */
export interface TierDraft {
  /** From this many quote packs. */
  fromPacks: NumberDraft
  /** Price per quote pack, as typed. */
  pricePerPack: string
}

/** A quote as the form holds it: VAT in percent, freight as kind + amount, counts as typed. */
export interface QuoteFormValues {
  factoryId: string | null
  /** The SKU, when the form was opened outside an SKU page (a visit, a factory). */
  skuId: string | null
  /** Free text from before samples could be picked: kept as it was, shown read-only. */
  sampleId: string
  linkedSampleId: string | null
  quoteDate: string | null
  validUntil: string | null
  currency: string
  vatBasis: 'included' | 'excluded'
  /** VAT rate in percent (13 for '0.13'). */
  vatRatePercent: NumberDraft
  tiers: TierDraft[]
  packSpec: PackFactorDraft[]
  freightKind: FreightKind
  freightAmount: string
  /** '' = the quote's currency. */
  freightCurrency: string
  /** The factory's word for one quoted pack ('' = 件). */
  packWord: string
  moqPacks: NumberDraft
  leadTimeDays: NumberDraft
  paymentTerms: string
  notes: string
}

/** Where a new quote starts from: a visit or a factory page fills in what it knows. */
export interface QuotePrefill {
  factoryId?: string | null
  skuId?: string | null
  linkedSampleId?: string | null
  quoteDate?: string | null
}

/** A new quote: today, CNY, VAT included at 13%, one empty tier, the SKU's own retail pack. */
export function emptyQuote(retailPack: readonly PackFactor[], prefill: QuotePrefill = {}): QuoteFormValues {
  return {
    factoryId: prefill.factoryId ?? null,
    skuId: prefill.skuId ?? null,
    sampleId: '',
    linkedSampleId: prefill.linkedSampleId ?? null,
    quoteDate: prefill.quoteDate ?? todayIso(),
    validUntil: null,
    currency: 'CNY',
    vatBasis: 'included',
    vatRatePercent: decimalToPercent(DEFAULT_VAT_RATE),
    tiers: [{ fromPacks: '', pricePerPack: '' }],
    packSpec: packDraftOf(retailPack),
    freightKind: 'included',
    freightAmount: '',
    freightCurrency: '',
    packWord: '',
    moqPacks: '',
    leadTimeDays: '',
    paymentTerms: '',
    notes: '',
  }
}

/** A stored round as the form's starting point (to revise or correct it). */
export function quoteFormValuesOf(quote: Quote): QuoteFormValues {
  return {
    factoryId: quote.factoryId,
    skuId: quote.skuId,
    sampleId: quote.sampleId,
    linkedSampleId: quote.linkedSampleId,
    quoteDate: quote.quoteDate,
    validUntil: quote.validUntil,
    currency: quote.currency,
    vatBasis: quote.vatBasis,
    vatRatePercent: decimalToPercent(quote.vatRate),
    tiers: quote.tiers.map((tier) => ({ fromPacks: tier.fromPacks, pricePerPack: tier.pricePerPack })),
    packSpec: packDraftOf(quote.packSpec),
    freightKind: quote.freight.kind,
    freightAmount: quote.freight.kind === 'included' ? '' : quote.freight.amount,
    freightCurrency: quote.freightCurrency,
    packWord: quote.packWord,
    moqPacks: quote.moqPacks ?? '',
    leadTimeDays: quote.leadTimeDays ?? '',
    paymentTerms: quote.paymentTerms,
    notes: quote.notes,
  }
}

export function toQuoteInput(values: QuoteFormValues, skuId: string | null): QuoteInput {
  return {
    skuId: skuId ?? values.skuId ?? '',
    factoryId: values.factoryId ?? '',
    sampleId: values.sampleId,
    linkedSampleId: values.linkedSampleId,
    quoteDate: values.quoteDate ?? '',
    validUntil: values.validUntil || null,
    currency: values.currency,
    vatBasis: values.vatBasis,
    vatRate: percentToDecimal(values.vatRatePercent),
    tiers: values.tiers.map((tier) => ({
      fromPacks: numberOf(tier.fromPacks),
      pricePerPack: tier.pricePerPack,
    })),
    packSpec: packOf(values.packSpec),
    freight:
      values.freightKind === 'included'
        ? { kind: 'included' }
        : { kind: values.freightKind, amount: values.freightAmount },
    freightCurrency: values.freightKind === 'included' ? '' : values.freightCurrency,
    packWord: values.packWord,
    moqPacks: optionalNumberOf(values.moqPacks),
    leadTimeDays: optionalNumberOf(values.leadTimeDays),
    paymentTerms: values.paymentTerms,
    notes: values.notes,
  }
}

/** Where the contract's quote fields sit in this form, and which of them are still empty. */
export function quoteFieldMapping(values: QuoteFormValues, dropPrefix: string[] = []): FieldMapping {
  const empty: string[] = []
  if (!values.factoryId) empty.push('factoryId')
  if (!values.skuId) empty.push('skuId')
  if (!values.quoteDate) empty.push('quoteDate')
  if (isEmptyDraft(values.vatRatePercent)) empty.push('vatRatePercent')
  if (values.freightKind !== 'included' && isEmptyDraft(values.freightAmount)) empty.push('freightAmount')
  values.tiers.forEach((tier, i) => {
    if (isEmptyDraft(tier.fromPacks)) empty.push(`tiers.${i}.fromPacks`)
    if (isEmptyDraft(tier.pricePerPack)) empty.push(`tiers.${i}.pricePerPack`)
  })
  values.packSpec.forEach((factor, i) => {
    if (isEmptyDraft(factor.count)) empty.push(`packSpec.${i}.count`)
  })
  return {
    dropPrefix,
    rename: { vatRate: 'vatRatePercent', 'freight.amount': 'freightAmount', freight: 'freightKind' },
    empty,
  }
}

export function validateQuote(values: QuoteFormValues, skuId: string | null): FormErrors {
  return validateWith(QuoteInput, toQuoteInput(values, skuId), quoteFieldMapping(values))
}
