import type { PricingSku, WhatIf } from '@core/domain/pricing'
import { WhatIfSchema } from '@core/domain/pricing/pricing.schema'
import {
  decimalToPercent,
  isEmptyDraft,
  numberOf,
  percentToDecimal,
  type NumberDraft,
} from '../forms/draft-values'

/** The what-if controls as typed: planned order, margin in percent, target ratio. */
export interface WhatIfDraft {
  plannedOrderRetailPacks: NumberDraft
  marginPercent: NumberDraft
  targetRatio: string
}

/** The result of reading the controls: the overrides that are valid, and message keys for the rest. */
export interface WhatIfReading {
  /** Valid overrides, ready for compareQuotes and exports.comparison. */
  whatIf: WhatIf
  /** Field → i18n message key, for controls whose text is not valid (ignored until fixed). */
  errors: Partial<Record<keyof WhatIfDraft, string>>
}

/** The SKU's own plan, as the controls start. */
export function draftOf(sku: PricingSku): WhatIfDraft {
  return {
    plannedOrderRetailPacks: sku.plannedOrderRetailPacks,
    marginPercent: decimalToPercent(sku.targetGrossMargin),
    targetRatio: sku.targetRatio,
  }
}

const firstMessage = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues[0]?.message.startsWith('errors.') ? result.error.issues[0].message : 'errors.invalid'

/** Validates each control with the contract's WhatIf schema; an invalid one keeps the SKU's value. */
export function readWhatIf(draft: WhatIfDraft): WhatIfReading {
  const whatIf: WhatIf = {}
  const errors: WhatIfReading['errors'] = {}
  const shape = WhatIfSchema.shape

  const planned = shape.plannedOrderRetailPacks.safeParse(numberOf(draft.plannedOrderRetailPacks))
  if (isEmptyDraft(draft.plannedOrderRetailPacks)) errors.plannedOrderRetailPacks = 'errors.required'
  else if (planned.success && planned.data !== undefined) whatIf.plannedOrderRetailPacks = planned.data
  else errors.plannedOrderRetailPacks = firstMessage(planned)

  const margin = shape.targetGrossMargin.safeParse(percentToDecimal(draft.marginPercent))
  if (isEmptyDraft(draft.marginPercent)) errors.marginPercent = 'errors.required'
  else if (margin.success && margin.data !== undefined) whatIf.targetGrossMargin = margin.data
  else errors.marginPercent = firstMessage(margin)

  const ratio = shape.targetRatio.safeParse(draft.targetRatio)
  if (ratio.success && ratio.data !== undefined) whatIf.targetRatio = ratio.data
  else errors.targetRatio = firstMessage(ratio)

  return { whatIf, errors }
}
