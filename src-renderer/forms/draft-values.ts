import type { PackFactor } from '@core/domain/pricing'
import Decimal from 'decimal.js'

/**
 * Form fields hold what the buyer typed (NumberInput gives number | ''); contract inputs want numbers
 * and decimal strings. These convert one way and back, leaving bad text for the schema to name.
 */

/** A number input's value: a number, or '' / text while empty or mid-typing. */
export type NumberDraft = number | string

/** One pack level as typed. */
export interface PackFactorDraft {
  /** How many of the next level (or of the comparable unit). */
  count: NumberDraft
  /** What is counted: 包, 抽, 卷, ml. */
  label: string
}

/**
 * A whole number from a number input; an empty field becomes undefined so that the schema reports the
 * field (the form shows it as required).
 */
export function numberOf(draft: NumberDraft): number {
  if (typeof draft === 'number') return draft
  const trimmed = draft.trim()
  return (trimmed === '' ? undefined : Number(trimmed)) as number
}

/** A nullable whole number: empty means none. */
export function optionalNumberOf(draft: NumberDraft): number | null {
  return typeof draft === 'string' && draft.trim() === '' ? null : numberOf(draft)
}

export function isEmptyDraft(draft: NumberDraft | string | null | undefined): boolean {
  return draft == null || (typeof draft === 'string' && draft.trim() === '')
}

/** '35' (percent) → '0.35', exactly; text that is not a number is passed on for the schema to reject. */
export function percentToDecimal(percent: NumberDraft): string {
  const text = String(percent).trim()
  try {
    return new Decimal(text).div(100).toString()
  } catch {
    return text
  }
}

/** '0.35' → 35 for a percent input. */
export function decimalToPercent(decimal: string): number {
  return new Decimal(decimal).times(100).toNumber()
}

export function packOf(drafts: readonly PackFactorDraft[]): PackFactor[] {
  return drafts.map((d) => ({ count: numberOf(d.count), label: d.label.trim() }))
}

export function packDraftOf(spec: readonly PackFactor[]): PackFactorDraft[] {
  return spec.map((f) => ({ count: f.count, label: f.label }))
}

/** Today in the buyer's own time zone, 'YYYY-MM-DD'. */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}
