import { isValidElement } from 'react'
import { describe, expect, it } from 'vitest'
import { formErrorsFrom } from '../forms/field-errors'
import {
  emptyQuote,
  quoteFieldMapping,
  toQuoteInput,
  validateQuote,
  type QuoteFormValues,
} from './quote-form'

const SKU = '01890a5d-ac96-774b-bcce-b302099a8057'
const FACTORY = '01890a5d-ac96-774b-bcce-b302099a8058'
const CASE = [
  { count: 24, label: '包' },
  { count: 100, label: '抽' },
]

/** The message key a form error renders (errors stay keys until display). */
function keys(errors: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(errors).map(([k, v]) => [
      k,
      isValidElement<{ messageKey: string }>(v) ? v.props.messageKey : v,
    ]),
  )
}

/** Quote B of the paper SKU as a buyer types it: per bag, ex-VAT 13%, freight ¥0.01 per bag. */
const quoteB: QuoteFormValues = {
  ...emptyQuote(CASE),
  factoryId: FACTORY,
  quoteDate: '2026-11-05',
  vatBasis: 'excluded',
  tiers: [{ fromPacks: 100000, pricePerPack: '0.55' }],
  packSpec: [{ count: 100, label: '抽' }],
  freightKind: 'perPack',
  freightAmount: '0.01',
}

describe('quote form', () => {
  it('starts a new quote from the SKU’s pack, VAT included at 13%', () => {
    const values = emptyQuote(CASE)
    expect(values.packSpec).toEqual(CASE)
    expect(toQuoteInput({ ...values, vatBasis: 'excluded' }, SKU)).toMatchObject({ vatRate: '0.13' })
  })

  it('turns what the buyer typed into the contract’s input', () => {
    expect(toQuoteInput(quoteB, SKU)).toEqual({
      skuId: SKU,
      factoryId: FACTORY,
      sampleId: '',
      linkedSampleId: null,
      quoteDate: '2026-11-05',
      validUntil: null,
      currency: 'CNY',
      vatBasis: 'excluded',
      vatRate: '0.13',
      tiers: [{ fromPacks: 100000, pricePerPack: '0.55' }],
      packSpec: [{ count: 100, label: '抽' }],
      freight: { kind: 'perPack', amount: '0.01' },
      freightCurrency: '',
      packWord: '',
      moqPacks: null,
      leadTimeDays: null,
      paymentTerms: '',
      notes: '',
    })
    expect(validateQuote(quoteB, SKU)).toEqual({})
    // Domestic ¥ freight on a USD quote keeps its own currency; opened from a visit, the SKU is picked.
    expect(
      toQuoteInput({ ...quoteB, currency: 'USD', freightCurrency: 'CNY', skuId: SKU, packWord: '箱' }, null),
    ).toMatchObject({ skuId: SKU, currency: 'USD', freightCurrency: 'CNY', packWord: '箱' })
  })

  it('puts a duplicate tier’s error on that tier’s quantity, and empty fields read as required', () => {
    const errors = validateQuote(
      {
        ...quoteB,
        factoryId: null,
        tiers: [
          { fromPacks: 1000, pricePerPack: '15' },
          { fromPacks: 1000, pricePerPack: '' },
        ],
        freightAmount: '-1',
        vatRatePercent: 100,
      },
      SKU,
    )
    expect(keys(errors)).toEqual({
      factoryId: 'errors.required',
      'tiers.1.fromPacks': 'errors.tiers.overlap',
      'tiers.1.pricePerPack': 'errors.required',
      freightAmount: 'errors.positive',
      vatRatePercent: 'errors.vat.rateTooHigh',
    })
  })

  it('lands the core’s errors for a revision (under values) on the form’s own fields', () => {
    const errors = formErrorsFrom(
      [
        { path: ['values', 'currency'], messageKey: 'errors.currency.noRate', params: { currency: 'EUR' } },
        { path: ['values', 'factoryId'], messageKey: 'errors.reference.missing' },
        { path: ['values', 'freight', 'amount'], messageKey: 'errors.positive' },
      ],
      quoteFieldMapping(quoteB, ['values']),
    )
    expect(keys(errors)).toEqual({
      currency: 'errors.currency.noRate',
      factoryId: 'errors.reference.missing',
      freightAmount: 'errors.positive',
    })
    const currency = errors.currency
    expect(isValidElement<{ params?: unknown }>(currency) && currency.props.params).toEqual({
      currency: 'EUR',
    })
  })
})
