import { DEFAULT_TARGET_RATIO } from '@core/domain/pricing/pricing.schema'
import { SkuInput, type Sku } from '@core/skus/skus.contract'
import type { FormErrors } from '@mantine/form'
import {
  decimalToPercent,
  isEmptyDraft,
  numberOf,
  packDraftOf,
  packOf,
  percentToDecimal,
  type NumberDraft,
  type PackFactorDraft,
} from '../forms/draft-values'
import { validateWith, type FieldMapping } from '../forms/field-errors'

/** Comparable units a buyer picks from (any other can be typed). */
export const COMPARABLE_UNITS = ['抽', 'ml', 'g', '片', '卷', '个']

/** The focus categories, offered as suggestions beside those already used. */
export const FOCUS_CATEGORIES = [
  '生活用纸',
  '湿厕纸',
  '一次性内裤',
  '一次性浴巾',
  '家庭清洁',
  '洗手液',
  '香氛',
  '白酒',
]

/** The SKU brief as the form holds it: margin in percent, counts as typed. */
export interface SkuFormValues {
  category: string
  name: string
  comparableUnit: string
  retailPackSpec: PackFactorDraft[]
  plannedOrderPacks: NumberDraft
  /** Unit prices shown per this many comparable units. */
  unitScale: number
  targetRatio: string
  /** Target gross margin in percent (35 for '0.35'). */
  targetMarginPercent: NumberDraft
  benchmarkChannel: string
  notes: string
  /** "Register anyway" under an excluded category, and why. */
  override: boolean
  overrideReason: string
}

export const EMPTY_SKU: SkuFormValues = {
  category: '',
  name: '',
  comparableUnit: '抽',
  retailPackSpec: [
    { count: '', label: '包' },
    { count: '', label: '抽' },
  ],
  plannedOrderPacks: '',
  unitScale: 1,
  targetRatio: DEFAULT_TARGET_RATIO,
  targetMarginPercent: 35,
  benchmarkChannel: '',
  notes: '',
  override: false,
  overrideReason: '',
}

export function skuFormValuesOf(sku: Sku): SkuFormValues {
  return {
    category: sku.category,
    name: sku.name,
    comparableUnit: sku.comparableUnit,
    retailPackSpec: packDraftOf(sku.retailPackSpec),
    plannedOrderPacks: sku.plannedOrderPacks,
    unitScale: sku.unitScale,
    targetRatio: sku.targetRatio,
    targetMarginPercent: decimalToPercent(sku.targetMargin),
    benchmarkChannel: sku.benchmarkChannel,
    notes: sku.notes,
    override: sku.categoryOverride !== null,
    overrideReason: sku.categoryOverride?.reason ?? '',
  }
}

export function toSkuInput(values: SkuFormValues): SkuInput {
  return {
    category: values.category,
    name: values.name,
    comparableUnit: values.comparableUnit,
    retailPackSpec: packOf(values.retailPackSpec),
    plannedOrderPacks: numberOf(values.plannedOrderPacks),
    unitScale: values.unitScale,
    targetRatio: values.targetRatio,
    targetMargin: percentToDecimal(values.targetMarginPercent),
    benchmarkChannel: values.benchmarkChannel,
    notes: values.notes,
    categoryOverride: values.override ? { override: true, reason: values.overrideReason } : null,
  }
}

/** Where the contract's SKU fields sit in this form. */
export function skuFieldMapping(values: SkuFormValues, dropPrefix: string[] = []): FieldMapping {
  const empty: string[] = (['plannedOrderPacks', 'targetMarginPercent'] as const).filter((f) =>
    isEmptyDraft(values[f]),
  )
  values.retailPackSpec.forEach((f, i) => {
    if (isEmptyDraft(f.count)) empty.push(`retailPackSpec.${i}.count`)
  })
  return {
    dropPrefix,
    rename: { targetMargin: 'targetMarginPercent', 'categoryOverride.reason': 'overrideReason' },
    empty,
  }
}

export function validateSku(values: SkuFormValues): FormErrors {
  return validateWith(SkuInput, toSkuInput(values), skuFieldMapping(values))
}
