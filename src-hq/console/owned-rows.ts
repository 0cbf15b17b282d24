import type { Benchmark, Sku } from '@core/skus/skus.contract'
import { useMemo } from 'react'
import { toBenchmark, toSku } from './app-calls-on-hq'
import { useHqCall } from './hq-api-context'

/** HQ's SKU briefs, oldest first, as the app's contract shapes them. */
export function useSkus(): { skus: Sku[] | undefined; error: unknown } {
  const rows = useHqCall('admin.rows.list', { table: 'skus' })
  const skus = useMemo(() => rows.data?.rows.map(toSku), [rows.data])
  return { skus, error: rows.error }
}

/** HQ's benchmarks of every SKU. */
export function useBenchmarks(): { benchmarks: Benchmark[] | undefined; error: unknown } {
  const rows = useHqCall('admin.rows.list', { table: 'benchmarks' })
  const benchmarks = useMemo(() => rows.data?.rows.map(toBenchmark), [rows.data])
  return { benchmarks, error: rows.error }
}
