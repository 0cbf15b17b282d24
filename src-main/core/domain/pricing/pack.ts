import { Exact } from './exact'
import type { DecimalString, PackSpec } from './pricing.types'

/**
 * Pack specs as factories and shelves state them: a product of nested counts ending in the comparable
 * unit, e.g. 24 包 × 100 抽 = 2,400 抽 per case.
 */

/** Comparable units in one pack: the product of the factors' counts ('2400' for 24 包 × 100 抽). */
export function packUnits(spec: PackSpec): DecimalString {
  return packUnitsExact(spec).toString()
}

export function packUnitsExact(spec: PackSpec): Exact {
  return spec.reduce((units, factor) => units.times(Exact.of(factor.count)), Exact.ONE)
}

/**
 * The spec as a buyer writes it, e.g. '24包 × 100抽 = 2,400抽'. Without a total when there is a single
 * factor ('500ml').
 */
export function formatPackSpec(spec: PackSpec, options: { withTotal?: boolean } = {}): string {
  const parts = spec.map((factor) => `${groupThousands(String(factor.count))}${factor.label}`)
  const text = parts.join(' × ')
  const last = spec[spec.length - 1]
  if (options.withTotal === false || spec.length < 2 || !last) return text
  return `${text} = ${groupThousands(packUnits(spec))}${last.label}`
}

/** '2400' -> '2,400'; '1234.5' -> '1,234.5'. */
function groupThousands(value: string): string {
  const [whole = '', fraction] = value.split('.')
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return fraction === undefined ? grouped : `${grouped}.${fraction}`
}
