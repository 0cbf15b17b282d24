import { describe, expect, it } from 'vitest'
import {
  ClockDriftError,
  compareHlc,
  CounterOverflowError,
  DEFAULT_MAX_DRIFT_MS,
  formatHlc,
  HlcClock,
  InvalidHlcError,
  makeHlc,
  MAX_COUNTER,
  parseHlc,
  receiveHlc,
  tickHlc,
} from './hlc'

const NODE_A = '0123456789abcdef'
const NODE_B = 'fedcba9876543210'
const T0 = Date.UTC(2025, 2, 14, 8, 30, 0, 123)

describe('formatHlc / parseHlc', () => {
  it('formats as ISO time, 4-hex counter and node, and parses back', () => {
    const hlc = makeHlc(T0, 0x2a, NODE_A)
    const text = formatHlc(hlc)
    expect(text).toBe('2025-03-14T08:30:00.123Z-002A-0123456789abcdef')
    expect(parseHlc(text)).toEqual(hlc)
  })

  it.each([
    '',
    'garbage',
    '2025-03-14T08:30:00.123Z-002A',
    '2025-03-14T08:30:00.123Z-002a-0123456789abcdef', // lowercase counter
    '2025-03-14T08:30:00.123Z-002A-0123456789ABCDEF', // uppercase node
    '2025-03-14T08:30:00.123Z-002A-0123456789abcde', // short node
    '2025-02-30T08:30:00.123Z-0000-0123456789abcdef', // no such day
    '2025-03-14 08:30:00.123Z-0000-0123456789abcdef',
    ' 2025-03-14T08:30:00.123Z-0000-0123456789abcdef',
  ])('rejects %j with InvalidHlcError', (text) => {
    expect(() => parseHlc(text)).toThrow(InvalidHlcError)
  })

  it('rejects impossible parts when making a timestamp', () => {
    expect(() => makeHlc(-1, 0, NODE_A)).toThrow(InvalidHlcError)
    expect(() => makeHlc(1.5, 0, NODE_A)).toThrow(InvalidHlcError)
    expect(() => makeHlc(T0, -1, NODE_A)).toThrow(InvalidHlcError)
    expect(() => makeHlc(T0, 0, 'not-a-node')).toThrow(InvalidHlcError)
    expect(() => makeHlc(T0, MAX_COUNTER + 1, NODE_A)).toThrow(CounterOverflowError)
  })
})

describe('compareHlc', () => {
  it('orders by millis, then counter, then node', () => {
    expect(compareHlc(makeHlc(T0, 9, NODE_B), makeHlc(T0 + 1, 0, NODE_A))).toBe(-1)
    expect(compareHlc(makeHlc(T0, 1, NODE_B), makeHlc(T0, 2, NODE_A))).toBe(-1)
    expect(compareHlc(makeHlc(T0, 1, NODE_A), makeHlc(T0, 1, NODE_B))).toBe(-1)
    expect(compareHlc(makeHlc(T0, 1, NODE_A), makeHlc(T0, 1, NODE_A))).toBe(0)
  })
})

describe('tickHlc', () => {
  it('moves to the wall clock when it is ahead', () => {
    expect(tickHlc(makeHlc(T0, 7, NODE_A), T0 + 5)).toEqual(makeHlc(T0 + 5, 0, NODE_A))
  })

  it('counts up within one millisecond and when the wall clock goes backwards', () => {
    const last = makeHlc(T0, 3, NODE_A)
    expect(tickHlc(last, T0)).toEqual(makeHlc(T0, 4, NODE_A))
    expect(tickHlc(last, T0 - 60_000)).toEqual(makeHlc(T0, 4, NODE_A))
  })

  it('throws CounterOverflowError past MAX_COUNTER in one millisecond', () => {
    expect(() => tickHlc(makeHlc(T0, MAX_COUNTER, NODE_A), T0)).toThrow(CounterOverflowError)
  })

  it('throws ClockDriftError when the last timestamp is too far ahead of the wall clock', () => {
    const last = makeHlc(T0 + DEFAULT_MAX_DRIFT_MS + 1, 0, NODE_A)
    expect(() => tickHlc(last, T0)).toThrow(ClockDriftError)
  })
})

describe('receiveHlc', () => {
  it('returns a timestamp greater than both inputs, on the local node', () => {
    const last = makeHlc(T0, 5, NODE_A)
    const remote = makeHlc(T0, 9, NODE_B)
    const next = receiveHlc(last, remote, T0 - 10)
    expect(next).toEqual(makeHlc(T0, 10, NODE_A))
    expect(compareHlc(next, last)).toBe(1)
    expect(compareHlc(next, remote)).toBe(1)
  })

  it('follows a remote that is ahead within the allowed drift', () => {
    const next = receiveHlc(makeHlc(T0, 0, NODE_A), makeHlc(T0 + 1000, 2, NODE_B), T0)
    expect(next).toEqual(makeHlc(T0 + 1000, 3, NODE_A))
  })

  it('throws ClockDriftError when the remote is too far ahead, with the drift measured', () => {
    const remote = makeHlc(T0 + DEFAULT_MAX_DRIFT_MS + 500, 0, NODE_B)
    try {
      receiveHlc(makeHlc(T0, 0, NODE_A), remote, T0)
      expect.unreachable('receive should have thrown')
    } catch (error) {
      expect(error).toBeInstanceOf(ClockDriftError)
      expect((error as ClockDriftError).driftMs).toBe(DEFAULT_MAX_DRIFT_MS + 500)
    }
  })

  it('throws CounterOverflowError when the merged counter would pass MAX_COUNTER', () => {
    expect(() => receiveHlc(makeHlc(T0, 0, NODE_A), makeHlc(T0, MAX_COUNTER, NODE_B), T0)).toThrow(
      CounterOverflowError,
    )
  })
})

describe('HlcClock', () => {
  it('issues strictly increasing timestamps while the injected wall clock stands still or goes back', () => {
    const walls = [T0, T0, T0 - 5000, T0 + 1, T0 + 1, T0 - 1]
    let i = 0
    const clock = new HlcClock(NODE_A, () => walls[Math.min(i++, walls.length - 1)] ?? T0)
    const issued = walls.map(() => clock.tick())
    for (let k = 1; k < issued.length; k++) expect(issued[k]! > issued[k - 1]!).toBe(true)
    expect(issued[0]).toBe(formatHlc(makeHlc(T0, 0, NODE_A)))
    expect(issued[2]).toBe(formatHlc(makeHlc(T0, 2, NODE_A)))
    expect(issued[3]).toBe(formatHlc(makeHlc(T0 + 1, 0, NODE_A)))
    expect(clock.node).toBe(NODE_A)
  })

  it('continues after an initial timestamp and after observing a remote one', () => {
    const clock = new HlcClock(NODE_A, () => T0, makeHlc(T0, 40, NODE_B))
    expect(clock.tick()).toBe(formatHlc(makeHlc(T0, 41, NODE_A)))
    clock.observe(formatHlc(makeHlc(T0 + 2000, 3, NODE_B)))
    expect(clock.peek()).toEqual(makeHlc(T0 + 2000, 4, NODE_A))
    expect(clock.tick()).toBe(formatHlc(makeHlc(T0 + 2000, 5, NODE_A)))
  })

  it('refuses a remote timestamp from too far in the future and keeps its state', () => {
    const clock = new HlcClock(NODE_A, () => T0)
    clock.tick()
    const before = clock.peek()
    expect(() => clock.observe(formatHlc(makeHlc(T0 + 3_600_000, 0, NODE_B)))).toThrow(ClockDriftError)
    expect(clock.peek()).toEqual(before)
  })

  it('rejects garbage node ids and remote strings', () => {
    expect(() => new HlcClock('XYZ', () => T0)).toThrow(InvalidHlcError)
    expect(() => new HlcClock(NODE_A, () => T0).observe('yesterday')).toThrow(InvalidHlcError)
  })

  it('overflows after MAX_COUNTER + 1 events in one frozen millisecond', () => {
    const clock = new HlcClock(NODE_A, () => T0)
    for (let k = 0; k <= MAX_COUNTER; k++) clock.tick()
    expect(clock.peek().counter).toBe(MAX_COUNTER)
    expect(() => clock.tick()).toThrow(CounterOverflowError)
  })
})
