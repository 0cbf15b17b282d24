import { describe, expect, it } from 'vitest'
import {
  compareHlc,
  CounterOverflowError,
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

  it('moves to the next millisecond once the counter is exhausted', () => {
    expect(tickHlc(makeHlc(T0, MAX_COUNTER, NODE_A), T0)).toEqual(makeHlc(T0 + 1, 0, NODE_A))
    expect(tickHlc(makeHlc(T0, MAX_COUNTER, NODE_A), T0 - 60_000)).toEqual(makeHlc(T0 + 1, 0, NODE_A))
  })

  it('keeps counting after a stamp 8 hours ahead of the wall clock (it never refuses)', () => {
    const ahead = makeHlc(T0 + 8 * 3_600_000, 0, NODE_A)
    expect(tickHlc(ahead, T0)).toEqual(makeHlc(ahead.millis, 1, NODE_A))
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

  it('follows a remote that is ahead, however far (a slow laptop must still receive)', () => {
    expect(receiveHlc(makeHlc(T0, 0, NODE_A), makeHlc(T0 + 1000, 2, NODE_B), T0)).toEqual(
      makeHlc(T0 + 1000, 3, NODE_A),
    )
    const dayAhead = makeHlc(T0 + 86_400_000, 7, NODE_B)
    expect(receiveHlc(makeHlc(T0, 0, NODE_A), dayAhead, T0)).toEqual(makeHlc(dayAhead.millis, 8, NODE_A))
  })

  it('moves to the next millisecond when the merged counter is exhausted', () => {
    expect(receiveHlc(makeHlc(T0, 0, NODE_A), makeHlc(T0, MAX_COUNTER, NODE_B), T0)).toEqual(
      makeHlc(T0 + 1, 0, NODE_A),
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

  it('restarts from a lower stamp when re-stamping hands one back, and ticks after it', () => {
    const clock = new HlcClock(NODE_A, () => T0, makeHlc(T0 + 8 * 3_600_000, 3, NODE_A))
    clock.restartFrom(makeHlc(T0 - 10, 2, NODE_B))
    expect(clock.peek()).toEqual(makeHlc(T0 - 10, 2, NODE_A))
    expect(clock.tick()).toBe(formatHlc(makeHlc(T0, 0, NODE_A)))
  })

  it('rejects garbage node ids and remote strings', () => {
    expect(() => new HlcClock('XYZ', () => T0)).toThrow(InvalidHlcError)
    expect(() => new HlcClock(NODE_A, () => T0).observe('yesterday')).toThrow(InvalidHlcError)
  })

  it('issues 70,000 saves in one frozen millisecond without failing, moving on a millisecond', () => {
    const clock = new HlcClock(NODE_A, () => T0)
    let previous = ''
    for (let k = 0; k < 70_000; k++) {
      const next = clock.tick()
      expect(next > previous).toBe(true)
      previous = next
    }
    expect(clock.peek()).toEqual(makeHlc(T0 + 1, 70_000 - MAX_COUNTER - 2, NODE_A))
  })
})
