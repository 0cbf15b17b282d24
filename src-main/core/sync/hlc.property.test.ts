import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  ClockDriftError,
  compareHlc,
  CounterOverflowError,
  DEFAULT_MAX_DRIFT_MS,
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

  it('tick is strictly greater than the last timestamp, whatever the wall clock does', () => {
    fc.assert(
      fc.property(hlc, fc.integer({ min: -DEFAULT_MAX_DRIFT_MS, max: 10_000 }), (last, delta) => {
        let next: Hlc
        try {
          next = tickHlc(last, last.millis + delta)
        } catch (error) {
          // The only allowed failure is a full counter in a millisecond the wall clock has not left.
          expect(error).toBeInstanceOf(CounterOverflowError)
          expect(last.counter).toBe(MAX_COUNTER)
          expect(delta).toBeLessThanOrEqual(0)
          return
        }
        expect(compareHlc(next, last)).toBe(1)
        expect(next.millis).toBeGreaterThanOrEqual(last.millis + delta)
        expect(next.node).toBe(last.node)
      }),
    )
  })

  it('receive is greater than both the local and the remote timestamp', () => {
    fc.assert(
      fc.property(
        hlc,
        hlc.filter((r) => r.counter < MAX_COUNTER),
        fc.integer({ min: -10_000, max: 10_000 }),
        (last, remote, delta) => {
          const local = { ...last, counter: Math.min(last.counter, MAX_COUNTER - 1) }
          // Keep the remote within drift of the wall clock so the merge is allowed.
          const wall = Math.max(local.millis, remote.millis) + delta
          fc.pre(remote.millis - wall <= DEFAULT_MAX_DRIFT_MS && local.millis - wall <= DEFAULT_MAX_DRIFT_MS)
          const next = receiveHlc(local, remote, wall)
          expect(compareHlc(next, local)).toBe(1)
          expect(compareHlc(next, remote)).toBe(1)
          expect(next.node).toBe(local.node)
        },
      ),
    )
  })

  it('receive refuses any remote further ahead of the wall clock than the allowed drift', () => {
    fc.assert(
      fc.property(
        hlc,
        hlc,
        fc.integer({ min: 1, max: 10 * DEFAULT_MAX_DRIFT_MS }),
        (last, remote, excess) => {
          const wall = remote.millis - DEFAULT_MAX_DRIFT_MS - excess
          expect(() => receiveHlc(last, remote, wall)).toThrow(ClockDriftError)
        },
      ),
    )
  })

  it('a clock fed any sequence of wall times issues strictly increasing strings', () => {
    // Steps back are bounded so the wall clock never falls more than the allowed drift behind the
    // clock (a bigger jump back is refused with ClockDriftError, tested above).
    fc.assert(
      fc.property(
        millis,
        fc.array(fc.integer({ min: -120_000, max: 120_000 }), { maxLength: 200 }),
        (start, steps) => {
          let wall = start
          const clock = new HlcClock('00000000000000aa', () => wall)
          let previous = ''
          let highest = start
          for (const step of steps) {
            wall = Math.max(wall + step, highest - DEFAULT_MAX_DRIFT_MS)
            highest = Math.max(highest, wall)
            const next = clock.tick()
            expect(next > previous).toBe(true)
            previous = next
          }
        },
      ),
    )
  })
})
