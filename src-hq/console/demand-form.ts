import { DemandSignalInput } from '@core/demand/demand.contract'
import type { FormErrors } from '@mantine/form'
import { isEmptyDraft, numberOf, type NumberDraft } from '../../src-renderer/forms/draft-values'
import { validateWith, type FieldMapping } from '../../src-renderer/forms/field-errors'

/** A demand signal as the form holds it: units as typed. */
export interface DemandFormValues {
  skuId: string
  month: string
  channel: string
  monthlyUnits: NumberDraft
  note: string
}

/** Last month, the figure HQ most often has in hand. */
function lastMonth(now: Date): string {
  const d = new Date(now.getFullYear(), now.getMonth() - 1, 1)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`
}

export function emptyDemand(skuId: string, now = new Date()): DemandFormValues {
  return { skuId, month: lastMonth(now), channel: '', monthlyUnits: '', note: '' }
}

export function toDemandInput(values: DemandFormValues): DemandSignalInput {
  return { ...values, monthlyUnits: numberOf(values.monthlyUnits) }
}

/** Where the contract's fields sit in this form (HQ's errors come under ['values', …]). */
export function demandFieldMapping(values: DemandFormValues, dropPrefix: string[] = []): FieldMapping {
  return { dropPrefix, empty: isEmptyDraft(values.monthlyUnits) ? ['monthlyUnits'] : [] }
}

export function validateDemand(values: DemandFormValues): FormErrors {
  return validateWith(DemandSignalInput, toDemandInput(values), demandFieldMapping(values))
}
