import { z } from 'zod'
import { defineCalls } from '../api/define'

/**
 * Demand signals: how many units of an SKU sell per month on each channel (天猫, 京东, 山姆 …). HQ's
 * planners maintain them; a laptop enrolled with HQ reads them, a standalone one may keep its own.
 */

const text = (max: number) => z.string().trim().max(max, 'errors.tooLong')
const RecordId = z.uuid('errors.id.invalid')

/** A calendar month, 'YYYY-MM'. */
export const MonthText = z
  .string()
  .trim()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'errors.demand.month')
const ChannelText = text(40).min(1, 'errors.required')
/** Units sold in one month on one channel. */
const MonthlyUnits = z.number().int('errors.integer').min(0, 'errors.nonNegative').max(1_000_000_000)
const NoteText = text(1000).default('')

/**
 * The columns of a `demand_signals` row (snake_case, as stored and synced). The write path validates
 * every laptop write with it, and the HQ console validates HQ's writes with it, so both sides accept
 * the same values.
 */
export const DemandSignalFields = z.object({
  sku_id: z.string().trim().min(1, 'errors.required').max(100, 'errors.tooLong'),
  month: MonthText,
  channel: ChannelText,
  monthly_units: MonthlyUnits,
  note: NoteText,
})
export type DemandSignalFields = z.output<typeof DemandSignalFields>

export const DemandSignalInput = z.object({
  skuId: RecordId,
  month: MonthText,
  channel: ChannelText,
  monthlyUnits: MonthlyUnits,
  note: NoteText,
})
export type DemandSignalInput = z.input<typeof DemandSignalInput>
export type DemandSignalValues = z.output<typeof DemandSignalInput>

export const DemandSignal = DemandSignalInput.extend({
  id: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type DemandSignal = z.output<typeof DemandSignal>

const byId = z.object({ id: RecordId }).strict()

export const demandCalls = defineCalls({
  'demand.list': {
    summary: 'Lists the demand signals of an SKU: newest month first, then channel.',
    input: z.object({ skuId: RecordId }).strict(),
    output: z.array(DemandSignal),
  },
  'demand.create': {
    summary: 'Records the units an SKU sold in one month on one channel; one signal per month and channel.',
    input: DemandSignalInput.strict(),
    output: DemandSignal,
  },
  'demand.update': {
    summary: 'Corrects a demand signal.',
    input: z.object({ id: RecordId, values: DemandSignalInput.strict() }).strict(),
    output: DemandSignal,
  },
  'demand.delete': {
    summary: 'Deletes a demand signal (a tombstone).',
    input: byId,
    output: z.object({ id: z.string() }),
  },
})
