import type { CategoryOverride, CategoryPolicy, CategoryStatus } from '../categories/categories.contract'

/**
 * The category rule, without a database: the laptop's services and HQ's console both decide with it,
 * each reading the live category rows its own way.
 */

/** A live category row as far as the policy cares. */
export interface PolicyRow {
  status: string
  note: string
}

/** Focus first, excluded last: the list's order, and how strict each status is. */
export const STATUS_ORDER: Record<CategoryStatus, number> = { focus: 0, normal: 1, excluded: 2 }

/** The policy of a category name from the live rows of that name; the strictest wins when sync left duplicates. */
export function policyFrom(name: string, rows: readonly PolicyRow[]): CategoryPolicy {
  const strictest = [...rows].sort(
    (a, b) => STATUS_ORDER[b.status as CategoryStatus] - STATUS_ORDER[a.status as CategoryStatus],
  )[0]
  const status = (strictest?.status ?? 'normal') as CategoryStatus
  return { category: name, status, note: strictest?.note ?? '', overrideRequired: status === 'excluded' }
}

/** The category a record had before an update, and the override reason recorded then. */
export interface RecordedCategory {
  /** Category name stored on the record. */
  category: string
  /** Override reason stored on the record ('' for none). */
  reason: string
}

/**
 * The override reason to store on a record: '' when the category is not excluded; null when it is
 * excluded and nothing justifies it. An excluded category needs `override`, except on an update that
 * keeps the category the record already had, so a record saved before its category was excluded can
 * still be edited.
 */
export function overrideReasonFor(
  policy: CategoryPolicy,
  override: CategoryOverride | null,
  previous: RecordedCategory | null,
): string | null {
  if (!policy.overrideRequired) return ''
  if (override) return override.reason
  if (previous && previous.category.trim() === policy.category) return previous.reason
  return null
}
