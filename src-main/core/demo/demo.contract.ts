import { z } from 'zod'
import { defineCalls } from '../api/define'

/** The demo data a first start seeds: how much of it is left, per kind, and clearing it. */

export const DemoKindCount = z.object({ kind: z.string(), records: z.number().int() })

export const DemoData = z.object({
  /** Demo records still on this laptop, per table, largest first (empty when there are none). */
  kinds: z.array(DemoKindCount),
  records: z.number().int(),
})
export type DemoData = z.infer<typeof DemoData>

export const demoCalls = defineCalls({
  'demo.get': {
    summary: 'How many demo records (seeded at first start, never synced) are on this laptop, per kind.',
    input: z.object({}).strict(),
    output: DemoData,
  },
  'demo.clear': {
    summary:
      'Removes every demo record and the demo’s change records in one transaction; the buyer’s own records stay. Answers what is left (nothing).',
    input: z.object({}).strict(),
    output: DemoData,
  },
})
