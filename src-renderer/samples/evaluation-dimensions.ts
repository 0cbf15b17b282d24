import { SUGGESTED_EVALUATION_DIMENSIONS } from '@core/samples/samples.contract'
import type { TFunction } from 'i18next'

type Suggested = (typeof SUGGESTED_EVALUATION_DIMENSIONS)[number]

function isSuggested(key: string): key is Suggested {
  return (SUGGESTED_EVALUATION_DIMENSIONS as readonly string[]).includes(key)
}

/**
 * An evaluation dimension as shown: the suggested ones are stored as keys ('absorbency') and read in the
 * UI language; a buyer's own ('压花清晰度') is shown as typed.
 */
export function dimensionLabel(t: TFunction, key: string): string {
  return isSuggested(key) ? t(`evaluation.dimensions.${key}`) : key
}

/** Back from what the form shows to what is stored: a suggested dimension's label becomes its key. */
export function dimensionKey(t: TFunction, label: string): string {
  const text = label.trim()
  return SUGGESTED_EVALUATION_DIMENSIONS.find((key) => t(`evaluation.dimensions.${key}`) === text) ?? text
}
