import { z } from 'zod'

/**
 * Demand signals: how many units of an SKU sell per month on one channel (天猫, 京东, 山姆 …), set by HQ
 * and read by the buyers. Shared with the forms (HQ console, the app); messages are i18n keys.
 */

const text = (max: number) => z.string().trim().max(max, 'errors.tooLong')

export const DemandSignalFields = z.object({
  skuId: z.uuid('errors.id.invalid'),
  /** The month the figure is for, 'YYYY-MM'. */
  month: z
    .string()
    .trim()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'errors.demand.month'),
  channel: text(40).min(1, 'errors.required'),
  /** Units sold per month on that channel. */
  monthlyUnits: z
    .number('errors.invalidType')
    .int('errors.integer')
    .min(0, 'errors.nonNegative')
    .max(1_000_000_000, 'errors.tooBig.number'),
  note: text(1000).default(''),
})
export type DemandSignalInput = z.input<typeof DemandSignalFields>
export type DemandSignalValues = z.output<typeof DemandSignalFields>
