import { useCall } from '../api/use-call'

/** The tables HQ maintains, as the core names them. */
export type HqOwnedTable = 'skus' | 'benchmarks' | 'demand_signals' | 'categories'

/**
 * Whether records of `table` are read-only here: HQ maintains them and this laptop is enrolled with HQ
 * (the core refuses such writes anyway; the screens hide what would be refused). Editable until known.
 */
export function useHqReadOnly(table: HqOwnedTable): boolean {
  const ownership = useCall('sync.hqOwned', {})
  return Boolean(ownership.data?.enrolled && ownership.data.hqOwnedTables.includes(table))
}
