import { z } from 'zod'
import { defineCalls } from '../api/define'
import {
  checkQuoteDates,
  DecimalText,
  PackSpecSchema,
  quoteTermsShape,
} from '../domain/pricing/pricing.schema'
import { RecordId } from '../skus/skus.contract'

/**
 * Quotes in whatever shape the factory gave them: per case or bundle, VAT in or out, tiered by quantity,
 * freight extra, in any currency. A revision is a new round in the same thread, so the negotiation
 * history stays. Shared with the renderer's forms; messages are i18n keys.
 */

const text = (max: number) => z.string().trim().max(max, 'errors.tooLong')

// The engine's terms, with the pack entered as its spec (24 包 × 100 抽) instead of a unit count.
const { unitsPerPack: _derived, ...terms } = quoteTermsShape

const quoteFields = {
  skuId: RecordId,
  factoryId: RecordId,
  /** Free text naming the sample, from before samples could be picked; kept as it was, '' when none. */
  sampleId: text(60).default(''),
  /** The sample the quote is for, picked from the factory's samples; null when none. */
  linkedSampleId: RecordId.nullable().default(null),
  ...terms,
  /** The currency of the freight amount when it differs from the quote's ('' = the quote's currency). */
  freightCurrency: z
    .string()
    .trim()
    .transform((v) => v.toUpperCase())
    .refine((v) => v === '' || /^[A-Z]{3}$/.test(v), 'errors.currency.invalid')
    .default(''),
  /** The word for one quote pack as the factory says it (箱, 包, 瓶 …); '' = 件. */
  packWord: text(10).default(''),
  /** The quote's own pack, e.g. a case of 24 包 × 100 抽. */
  packSpec: PackSpecSchema,
  leadTimeDays: z
    .number('errors.invalidType')
    .int('errors.integer')
    .min(0)
    .max(3650)
    .nullable()
    .default(null),
  paymentTerms: text(200).default(''),
  notes: text(2000).default(''),
}

export const QuoteInput = z.object(quoteFields).strict().superRefine(checkQuoteDates)
export type QuoteInput = z.input<typeof QuoteInput>
export type QuoteValues = z.output<typeof QuoteInput>

export const Quote = z.object({
  ...quoteFields,
  id: z.string(),
  threadId: z.string(),
  round: z.number().int(),
  /** Comparable units per quote pack, derived from the pack spec. */
  unitsPerPack: DecimalText,
  factoryName: z.string(),
  /** The linked sample's code and name, for display ('' when none or deleted). */
  linkedSampleCode: z.string(),
  linkedSampleName: z.string(),
  /** The SKU's name, for lists outside the SKU page. */
  skuName: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type Quote = z.output<typeof Quote>

export const quoteCalls = defineCalls({
  'quotes.list': {
    summary: 'Lists the latest round of every live quote thread for an SKU, a factory or a sample.',
    input: z
      .object({
        skuId: RecordId.optional(),
        factoryId: RecordId.optional(),
        sampleId: RecordId.optional(),
      })
      .strict()
      .refine((v) => v.skuId !== undefined || v.factoryId !== undefined || v.sampleId !== undefined, {
        message: 'errors.required',
        path: ['skuId'],
      }),
    output: z.array(Quote),
  },
  'quotes.get': {
    summary: 'Returns one quote round.',
    input: z.object({ id: RecordId }).strict(),
    output: Quote,
  },
  'quotes.rounds': {
    summary: 'The negotiation history of a quote: every round of its thread, oldest first.',
    input: z.object({ threadId: RecordId }).strict(),
    output: z.array(Quote),
  },
  'quotes.create': {
    summary: 'Records a new quote (round 1 of a new thread); its currency needs a rate in Settings.',
    input: QuoteInput,
    output: Quote,
  },
  'quotes.revise': {
    summary: 'Records the next round of a negotiation; earlier rounds are kept.',
    input: z.object({ id: RecordId, values: QuoteInput }).strict(),
    output: Quote,
  },
  'quotes.update': {
    summary: 'Corrects a round in place (a typo, not a new offer).',
    input: z.object({ id: RecordId, values: QuoteInput }).strict(),
    output: Quote,
  },
  'quotes.delete': {
    summary: 'Deletes one round (a tombstone); the thread falls back to its previous round.',
    input: z.object({ id: RecordId }).strict(),
    output: z.object({ id: z.string() }),
  },
})
