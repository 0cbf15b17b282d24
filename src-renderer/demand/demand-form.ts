import { DemandSignalInput, type DemandSignal } from '@core/demand/demand.contract'
import type { FormErrors } from '@mantine/form'
import { isEmptyDraft, numberOf, type NumberDraft } from '../forms/draft-values'
import { validateWith, type FieldMapping } from '../forms/field-errors'

/** A demand signal as the form holds it; the month picker gives the month's first day. */
export interface DemandFormValues {
  /** 'YYYY-MM-01' from the month picker, or null while empty. */
  month: string | null
  channel: string
  monthlyUnits: NumberDraft
  note: string
}

/** The month a new signal most likely reports: the last full month. */
export function lastMonth(today = new Date()): string {
  const d = new Date(today.getFullYear(), today.getMonth() - 1, 1)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-01`
}

export function demandFormValues(signal: DemandSignal | null, today = new Date()): DemandFormValues {
  if (!signal) return { month: lastMonth(today), channel: '', monthlyUnits: '', note: '' }
  return {
    month: `${signal.month}-01`,
    channel: signal.channel,
    monthlyUnits: signal.monthlyUnits,
    note: signal.note,
  }
}

export function toDemandInput(values: DemandFormValues, skuId: string): DemandSignalInput {
  return {
    skuId,
    month: values.month ? values.month.slice(0, 7) : '',
    channel: values.channel,
    monthlyUnits: numberOf(values.monthlyUnits),
    note: values.note,
  }
}

export function demandFieldMapping(values: DemandFormValues, update = false): FieldMapping {
  const empty: string[] = []
  if (!values.month) empty.push('month')
  if (isEmptyDraft(values.monthlyUnits)) empty.push('monthlyUnits')
  return { empty, dropPrefix: update ? ['values'] : [] }
}

export function validateDemand(values: DemandFormValues, skuId: string): FormErrors {
  return validateWith(DemandSignalInput, toDemandInput(values, skuId), demandFieldMapping(values))
}
