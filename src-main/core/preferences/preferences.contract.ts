import { z } from 'zod'
import { defineCalls } from '../api/define'
import { DEFAULT_STALE_BENCHMARK_DAYS } from '../domain/pricing'

/** How this laptop's buyer wants figures judged, kept locally (never synced). */

export const Preferences = z.object({
  /** Days a brand observation may be older than a quote before the comparison flags it (default 30). */
  staleBenchmarkDays: z.number().int(),
})
export type Preferences = z.infer<typeof Preferences>

export const PreferencesInput = z
  .object({
    staleBenchmarkDays: z
      .number('errors.invalidType')
      .int('errors.integer')
      .min(0, 'errors.nonNegative')
      .max(3650, 'errors.tooBig.number'),
  })
  .strict()

export { DEFAULT_STALE_BENCHMARK_DAYS }

export const preferenceCalls = defineCalls({
  'preferences.get': {
    summary:
      'Returns this laptop’s local judging preferences (the age at which a benchmark counts as stale).',
    input: z.object({}).strict(),
    output: Preferences,
  },
  'preferences.set': {
    summary: 'Saves the local judging preferences; they stay on this laptop and are not synced.',
    input: PreferencesInput,
    output: Preferences,
  },
})
