import type { PackFactor } from '@core/domain/pricing'
import { BenchmarkInput } from '@core/skus/skus.contract'
import type { FormErrors } from '@mantine/form'
import { isEmptyDraft, packDraftOf, packOf, todayIso, type PackFactorDraft } from '../forms/draft-values'
import { validateWith, type FieldMapping } from '../forms/field-errors'

/** A brand shelf price as the form holds it. */
export interface BenchmarkFormValues {
  brand: string
  product: string
  channel: string
  packSpec: PackFactorDraft[]
  shelfPrice: string
  currency: string
  observedAt: string | null
  notes: string
}

/** A new observation: today, CNY, the SKU's retail pack (the brand's is often the same size). */
export function emptyBenchmark(retailPack: readonly PackFactor[]): BenchmarkFormValues {
  return {
    brand: '',
    product: '',
    channel: '',
    packSpec: packDraftOf(retailPack),
    shelfPrice: '',
    currency: 'CNY',
    observedAt: todayIso(),
    notes: '',
  }
}

export function toBenchmarkInput(values: BenchmarkFormValues, skuId: string): BenchmarkInput {
  return {
    skuId,
    brand: values.brand,
    product: values.product,
    channel: values.channel,
    packSpec: packOf(values.packSpec),
    shelfPrice: values.shelfPrice,
    currency: values.currency,
    observedAt: values.observedAt ?? '',
    notes: values.notes,
  }
}

export function benchmarkFieldMapping(values: BenchmarkFormValues): FieldMapping {
  const empty: string[] = []
  if (isEmptyDraft(values.shelfPrice)) empty.push('shelfPrice')
  if (!values.observedAt) empty.push('observedAt')
  values.packSpec.forEach((f, i) => {
    if (isEmptyDraft(f.count)) empty.push(`packSpec.${i}.count`)
  })
  return { empty }
}

export function validateBenchmark(values: BenchmarkFormValues, skuId: string): FormErrors {
  return validateWith(BenchmarkInput, toBenchmarkInput(values, skuId), benchmarkFieldMapping(values))
}
