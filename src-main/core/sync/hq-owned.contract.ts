import { z } from 'zod'
import { defineCalls } from '../api/define'

/** What the renderer needs to show HQ-owned records read-only: cheap enough to ask on every screen. */
export const HqOwnership = z.object({
  /** Enrolled with HQ: the HQ-owned tables are read-only here. */
  enrolled: z.boolean(),
  /** Tables HQ maintains: skus, benchmarks, demand_signals, categories. */
  hqOwnedTables: z.array(z.string()),
})
export type HqOwnership = z.infer<typeof HqOwnership>

export const hqOwnedCalls = defineCalls({
  'sync.hqOwned': {
    summary:
      'Whether this laptop is enrolled with HQ and which tables HQ maintains (read-only here while enrolled).',
    input: z.object({}).strict(),
    output: HqOwnership,
  },
})
