import { z } from 'zod'
import { defineCalls } from '../api/define'
import { CurrencyCode, PositiveDecimal } from '../domain/pricing/pricing.schema'

/** Manual exchange rates, kept offline: CNY per one unit of a currency. CNY itself needs none. */

export const CurrencyRate = z.object({
  currency: z.string(),
  /** CNY per one unit of the currency, e.g. '7.10' for USD. */
  rate: z.string(),
  updatedAt: z.string(),
})
export type CurrencyRate = z.infer<typeof CurrencyRate>

export const RateInput = z
  .object({
    currency: CurrencyCode.refine((v) => v !== 'CNY', 'errors.currency.base'),
    rate: PositiveDecimal,
  })
  .strict()

export const rateCalls = defineCalls({
  'rates.list': {
    summary: 'Lists the manual exchange rates (CNY per unit of each currency).',
    input: z.object({}).strict(),
    output: z.array(CurrencyRate),
  },
  'rates.set': {
    summary: 'Sets the rate of a currency (creates or replaces it).',
    input: RateInput,
    output: CurrencyRate,
  },
  'rates.delete': {
    summary: 'Removes the rate of a currency; quotes in it then show as needing a rate.',
    input: z.object({ currency: CurrencyCode }).strict(),
    output: z.object({ currency: z.string() }),
  },
})
