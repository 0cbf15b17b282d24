import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  compareHlc,
  formatHlc,
  HlcClock,
  makeHlc,
  MAX_COUNTER,
  parseHlc,
  receiveHlc,
  tickHlc,
  type Hlc,
} from './hlc'

// 2000-01-01 .. 2100-01-01: the range real devices live in, far from the format's edges.
const MIN_MILLIS = Date.UTC(2000, 0, 1)
const MAX_MILLIS = Date.UTC(2100, 0, 1)

const node = fc.stringMatching(/^[0-9a-f]{16}$/)
const millis = fc.integer({ min: MIN_MILLIS, max: MAX_MILLIS })
const hlc: fc.Arbitrary<Hlc> = fc
  .record({ millis, counter: fc.integer({ min: 0, max: MAX_COUNTER }), node })
  .map(({ millis: m, counter, node: n }) => makeHlc(m, counter, n))

const sign = (n: number) => Math.sign(n)

describe('HLC properties', () => {
  it('parse(format(h)) is h', () => {
    fc.assert(
      fc.property(hlc, (h) => {
        expect(parseHlc(formatHlc(h))).toEqual(h)
      }),
    )
  })

  it('lexical order of the strings equals compareHlc order', () => {
    fc.assert(
      fc.property(hlc, hlc, (a, b) => {
        const fa = formatHlc(a)
        const fb = formatHlc(b)
        const lexical = fa < fb ? -1 : fa > fb ? 1 : 0
        expect(lexical).toBe(sign(compareHlc(a, b)))
      }),
    )
  })

  it('tick is strictly greater than the last timestamp and never fails, whatever the wall clock does', () => {
    const day = 86_400_000
    fc.assert(
      fc.property(hlc, fc.integer({ min: -2 * day, max: 2 * day }), (last, delta) => {
        const next = tickHlc(last, last.millis + delta)
        expect(compareHlc(next, last)).toBe(1)
        expect(next.millis).toBeGreaterThanOrEqual(last.millis + delta)
        // It runs ahead of the wall clock only as far as it had to: the last stamp plus one step.
        expect(next.millis).toBeLessThanOrEqual(Math.max(last.millis + 1, last.millis + delta))
        expect(next.node).toBe(last.node)
      }),
    )
  })

  it('receive is greater than both the local and the remote timestamp, however far apart', () => {
    fc.assert(
      fc.property(hlc, hlc, fc.integer({ min: -86_400_000, max: 86_400_000 }), (last, remote, delta) => {
        const wall = Math.max(last.millis, remote.millis) + delta
        const next = receiveHlc(last, remote, wall)
        expect(compareHlc(next, last)).toBe(1)
        expect(compareHlc(next, remote)).toBe(1)
        expect(next.millis).toBeGreaterThanOrEqual(wall)
        expect(next.node).toBe(last.node)
      }),
    )
  })

  it('a clock fed any wall times, remote stamps and full counters issues strictly increasing strings', () => {
    const event = fc.oneof(
      fc.record({ tick: fc.integer({ min: -86_400_000, max: 86_400_000 }) }),
      fc.record({ remote: hlc }),
    )
    fc.assert(
      fc.property(millis, fc.array(event, { maxLength: 200 }), (start, events) => {
        let wall = start
        const clock = new HlcClock(
          '00000000000000aa',
          () => wall,
          makeHlc(start, MAX_COUNTER - 3, '00000000000000aa'),
        )
        let previous = formatHlc(clock.peek())
        for (const e of events) {
          if ('remote' in e) {
            clock.observe(formatHlc(e.remote))
            expect(compareHlc(clock.peek(), e.remote)).toBe(1)
          } else {
            wall = Math.min(Math.max(wall + e.tick, MIN_MILLIS), MAX_MILLIS)
          }
          const next = clock.tick()
          expect(next > previous).toBe(true)
          previous = next
        }
      }),
    )
  })
})
