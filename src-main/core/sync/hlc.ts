/**
 * Hybrid logical clock (HLC), after Actual Budget's CRDT timestamps.
 *
 * A timestamp orders every change across devices: wall-clock milliseconds, then a counter for events in
 * the same millisecond, then the node id as a tie-breaker. Its string form sorts lexically in the same
 * order as `compareHlc`, so SQLite can compare timestamps as plain TEXT.
 *
 * Pure module: the wall clock is always passed in, so tests are deterministic.
 *
 * Local ticks and received stamps never refuse: a laptop's clock may be hours off (a dual-boot laptop in
 * China runs 8 h fast) with nothing to correct it offline, and a save must never fail for it. After a
 * stamp ahead of the wall clock the clock keeps counting, and an exhausted counter moves on to the next
 * millisecond. HQ is the guard against runaway stamps: it refuses pushes far ahead of its own time
 * (DEFAULT_MAX_DRIFT_MS), and the laptop stamps with HQ-corrected time (clock-correction.ts).
 */

/** Largest counter value; a 4-digit hex field. */
export const MAX_COUNTER = 0xffff
/** How far a pushed timestamp may run ahead of HQ's clock before HQ refuses the push (5 minutes). */
export const DEFAULT_MAX_DRIFT_MS = 5 * 60 * 1000
/** Largest millis that still formats as a 4-digit-year ISO date. */
const MAX_MILLIS = Date.UTC(9999, 11, 31, 23, 59, 59, 999)

const NODE_PATTERN = /^[0-9a-f]{16}$/
const HLC_PATTERN = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)-([0-9A-F]{4})-([0-9a-f]{16})$/

export interface Hlc {
  /** Milliseconds since the Unix epoch (physical part). */
  readonly millis: number
  /** Logical counter for events within the same millisecond. */
  readonly counter: number
  /** 16 lowercase hex characters naming the device that made the timestamp. */
  readonly node: string
}

/** A counter past MAX_COUNTER given to makeHlc (a malformed timestamp; ticks never overflow). */
export class CounterOverflowError extends Error {
  override readonly name = 'CounterOverflowError'
  constructor() {
    super(`HLC counter overflow (more than ${MAX_COUNTER} events in one millisecond)`)
  }
}

/** A string or value that is not a well-formed timestamp. */
export class InvalidHlcError extends Error {
  override readonly name = 'InvalidHlcError'
  constructor(readonly input: string) {
    super(`not a valid HLC timestamp: ${JSON.stringify(input)}`)
  }
}

export function isValidNode(node: string): boolean {
  return NODE_PATTERN.test(node)
}

export function makeHlc(millis: number, counter: number, node: string): Hlc {
  if (!Number.isInteger(millis) || millis < 0 || millis > MAX_MILLIS)
    throw new InvalidHlcError(String(millis))
  if (!Number.isInteger(counter) || counter < 0) throw new InvalidHlcError(String(counter))
  if (counter > MAX_COUNTER) throw new CounterOverflowError()
  if (!isValidNode(node)) throw new InvalidHlcError(node)
  return { millis, counter, node }
}

export function formatHlc(hlc: Hlc): string {
  const counter = hlc.counter.toString(16).toUpperCase().padStart(4, '0')
  return `${new Date(hlc.millis).toISOString()}-${counter}-${hlc.node}`
}

export function parseHlc(text: string): Hlc {
  const match = HLC_PATTERN.exec(text)
  if (!match) throw new InvalidHlcError(text)
  const [, iso, counter, node] = match as unknown as [string, string, string, string]
  const millis = Date.parse(iso)
  if (Number.isNaN(millis) || new Date(millis).toISOString() !== iso) throw new InvalidHlcError(text)
  return makeHlc(millis, parseInt(counter, 16), node)
}

/** Total order: millis, then counter, then node. */
export function compareHlc(a: Hlc, b: Hlc): number {
  if (a.millis !== b.millis) return a.millis < b.millis ? -1 : 1
  if (a.counter !== b.counter) return a.counter < b.counter ? -1 : 1
  return a.node < b.node ? -1 : a.node > b.node ? 1 : 0
}

/** The smallest timestamp after `at`: the next counter, or the next millisecond once it is exhausted. */
function after(at: { millis: number; counter: number }, node: string): Hlc {
  if (at.counter < MAX_COUNTER) return { millis: at.millis, counter: at.counter + 1, node }
  if (at.millis >= MAX_MILLIS) throw new InvalidHlcError(String(at.millis + 1))
  return { millis: at.millis + 1, counter: 0, node }
}

/**
 * Timestamp for a local event: strictly greater than `last` and never behind the wall clock. It never
 * refuses: a `last` ahead of the wall clock is simply counted on from.
 */
export function tickHlc(last: Hlc, wallMillis: number): Hlc {
  if (wallMillis > last.millis) return { millis: wallMillis, counter: 0, node: last.node }
  return after(last, last.node)
}

/**
 * Merges a remote timestamp into the local clock: the result is greater than both `last` and `remote`,
 * so any later local change sorts after everything this device has seen. It never refuses, however far
 * ahead the remote is: HQ only hands out stamps it accepted within its drift of its own time.
 */
export function receiveHlc(last: Hlc, remote: Hlc, wallMillis: number): Hlc {
  const highest = compareHlc(remote, last) > 0 ? remote : last
  if (wallMillis > highest.millis) return { millis: wallMillis, counter: 0, node: last.node }
  return after(highest, last.node)
}

/**
 * The stateful clock of one device. Created at start-up and passed down (never a global), so tests can
 * run several devices in one process with their own wall clocks.
 */
export class HlcClock {
  private last: Hlc

  constructor(
    node: string,
    private readonly wallClock: () => number = Date.now,
    initial?: Hlc,
  ) {
    if (!isValidNode(node)) throw new InvalidHlcError(node)
    this.last = initial ? { ...initial, node } : { millis: 0, counter: 0, node }
  }

  /** Node id of this device. */
  get node(): string {
    return this.last.node
  }

  /** The latest timestamp issued or observed. */
  peek(): Hlc {
    return this.last
  }

  /** Issues the timestamp for a new local change. */
  tick(): string {
    this.last = tickHlc(this.last, this.wallClock())
    return formatHlc(this.last)
  }

  /** Observes a remote timestamp (after its change has been committed). */
  observe(remote: string): void {
    this.last = receiveHlc(this.last, parseHlc(remote), this.wallClock())
  }

  /**
   * Continues from `hlc` instead, even below the latest timestamp: only for re-stamping
   * (clock-correction.ts), which moves this device's unseen stamps and hands back the newest stamp left
   * in the change log, so later ticks still sort after every recorded change.
   */
  restartFrom(hlc: Hlc): void {
    this.last = { ...hlc, node: this.last.node }
  }
}
