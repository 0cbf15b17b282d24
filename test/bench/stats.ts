import { performance } from 'node:perf_hooks'

/** Percentile summary of repeated timings, in milliseconds. */
export interface Timing {
  /** Median. */
  p50: number
  /** 95th percentile (the figure DESIGN.md's targets are stated in). */
  p95: number
  /** How many samples the percentiles come from. */
  samples: number
}

/** Nearest-rank percentile of unsorted samples. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN
  const sorted = [...samples].sort((a, b) => a - b)
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number
}

export function summarize(samples: number[]): Timing {
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), samples: samples.length }
}

/** Times `work` once in milliseconds. */
export async function timeOnce(work: () => unknown): Promise<number> {
  const start = performance.now()
  await work()
  return performance.now() - start
}

/** Runs `work` `runs` times after `warmup` untimed runs and summarizes the per-run times. */
export async function timeRuns(runs: number, work: (i: number) => unknown, warmup = 0): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await work(-1 - i)
  const samples: number[] = []
  for (let i = 0; i < runs; i++) samples.push(await timeOnce(() => work(i)))
  return summarize(samples)
}
