import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { restampInOrder, type LoggedChange } from './clock-correction'
import { compareHlc, formatHlc, makeHlc, MAX_COUNTER, parseHlc, type Hlc } from './hlc'

const NODE = '00000000000000aa'
const OTHER = '00000000000000bb'
const T0 = Date.UTC(2026, 5, 1)
const DAY = 86_400_000

// A laptop's unsent saves: each one stamp, 1..4 columns, made up to two days around T0.
const save = fc.record({
  millis: fc.integer({ min: T0 - 2 * DAY, max: T0 + 2 * DAY }),
  counter: fc.integer({ min: 0, max: MAX_COUNTER }),
  columns: fc.subarray(['name', 'notes', 'updated_at', 'created_at'], { minLength: 1 }),
})

function changesOf(saves: { millis: number; counter: number; columns: string[] }[]): LoggedChange[] {
  const unique = new Map<string, string[]>()
  for (const s of saves) unique.set(formatHlc(makeHlc(s.millis, s.counter, NODE)), s.columns)
  let seq = 0
  return [...unique.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .flatMap(([hlc, columns]) =>
      columns.map((column) => ({
        seq: ++seq,
        hlc,
        table_name: 'factories',
        row_id: 'r1',
        column_name: column,
        value: column.endsWith('_at') ? JSON.stringify(hlc.slice(0, 24)) : JSON.stringify(`v${seq}`),
        sent_at: null,
      })),
    )
}

describe('re-stamping properties', () => {
  it('keeps each save on one stamp, keeps their order, stays above the floor and never passes now', () => {
    fc.assert(
      fc.property(
        fc.array(save, { minLength: 1, maxLength: 40 }),
        fc.option(fc.integer({ min: T0 - 3 * DAY, max: T0 + 3 * DAY })),
        fc.integer({ min: -DAY, max: DAY }),
        fc.integer({ min: T0 - DAY, max: T0 + DAY }),
        (saves, floorMillis, delta, now) => {
          const unsent = changesOf(saves)
          const floor: Hlc | null = floorMillis === null ? null : makeHlc(floorMillis, 7, OTHER)
          const moved = restampInOrder(unsent, NODE, floor, delta, now)
          const byOld = new Map<string, string>()
          let previous: Hlc | null = null
          for (const change of unsent) {
            const next = moved.get(change.seq)!
            const stamp = parseHlc(next.hlc)
            expect(stamp.node).toBe(NODE)
            if (byOld.has(change.hlc)) {
              // Another column of the same save: the same new stamp.
              expect(next.hlc).toBe(byOld.get(change.hlc))
              continue
            }
            byOld.set(change.hlc, next.hlc)
            if (previous) expect(compareHlc(stamp, previous)).toBe(1)
            if (floor) expect(compareHlc(stamp, floor)).toBe(1)
            const target = Math.min(parseHlc(change.hlc).millis + delta, now)
            // At its target unless the floor or the save before it lifts it, and then only just above.
            expect(stamp.millis).toBeGreaterThanOrEqual(target)
            expect(stamp.millis).toBeLessThanOrEqual(Math.max(target, (previous ?? floor)?.millis ?? 0) + 1)
            previous = stamp
          }
          for (const change of unsent) {
            const value = moved.get(change.seq)!.value
            if (!change.column_name.endsWith('_at')) expect(value).toBe(change.value)
            else {
              const old = Date.parse(JSON.parse(change.value) as string)
              expect(Date.parse(JSON.parse(value) as string)).toBe(Math.min(old + delta, now))
            }
          }
        },
      ),
    )
  })

  it('moves stamps by exactly the correction when nothing is in the way', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: T0 - DAY, max: T0 }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: -DAY, max: DAY }),
        (millis, delta) => {
          const unsent = changesOf(millis.map((m) => ({ millis: m, counter: 0, columns: ['notes'] })))
          const moved = restampInOrder(unsent, NODE, null, delta, T0 + 2 * DAY)
          for (const change of unsent) {
            expect(parseHlc(moved.get(change.seq)!.hlc).millis).toBe(parseHlc(change.hlc).millis + delta)
          }
        },
      ),
    )
  })
})
