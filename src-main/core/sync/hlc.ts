/**
 * Hybrid logical clock (HLC), after Actual Budget's CRDT timestamps.
 *
 * A timestamp orders every change across devices: wall-clock milliseconds, then a counter for events in
 * the same millisecond, then the node id as a tie-breaker. Its string form sorts lexically in the same
 * order as `compareHlc`, so SQLite can compare timestamps as plain TEXT.
 *
 * Pure module: the wall clock is always passed in, so tests are deterministic.
 */

/** Largest counter value; a 4-digit hex field. */
export const MAX_COUNTER = 0xffff
/** How far a timestamp may run ahead of the local wall clock before we refuse it (5 minutes). */
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

/** A timestamp would be further ahead of the wall clock than the allowed drift. */
export class ClockDriftError extends Error {
  override readonly name = 'ClockDriftError'
  constructor(
    readonly driftMs: number,
    readonly maxDriftMs: number,
  ) {
    super(`clock drift of ${driftMs} ms exceeds the allowed ${maxDriftMs} ms`)
  }
}

/** More than MAX_COUNTER events within one millisecond. */
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

function checkDrift(millis: number, wallMillis: number, maxDriftMs: number): void {
  const drift = millis - wallMillis
  if (drift > maxDriftMs) throw new ClockDriftError(drift, maxDriftMs)
}

/** Timestamp for a local event: strictly greater than `last`, and never behind the wall clock. */
export function tickHlc(last: Hlc, wallMillis: number, maxDriftMs = DEFAULT_MAX_DRIFT_MS): Hlc {
  const millis = Math.max(last.millis, wallMillis)
  const counter = millis === last.millis ? last.counter + 1 : 0
  checkDrift(millis, wallMillis, maxDriftMs)
  if (counter > MAX_COUNTER) throw new CounterOverflowError()
  return { millis, counter, node: last.node }
}

/**
 * Merges a remote timestamp into the local clock: the result is greater than both `last` and `remote`,
 * so any later local change sorts after everything this device has seen.
 */
export function receiveHlc(
  last: Hlc,
  remote: Hlc,
  wallMillis: number,
  maxDriftMs = DEFAULT_MAX_DRIFT_MS,
): Hlc {
  checkDrift(remote.millis, wallMillis, maxDriftMs)
  const millis = Math.max(last.millis, remote.millis, wallMillis)
  let counter: number
  if (millis === last.millis && millis === remote.millis) counter = Math.max(last.counter, remote.counter) + 1
  else if (millis === last.millis) counter = last.counter + 1
  else if (millis === remote.millis) counter = remote.counter + 1
  else counter = 0
  checkDrift(millis, wallMillis, maxDriftMs)
  if (counter > MAX_COUNTER) throw new CounterOverflowError()
  return { millis, counter, node: last.node }
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
    private readonly maxDriftMs = DEFAULT_MAX_DRIFT_MS,
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
    this.last = tickHlc(this.last, this.wallClock(), this.maxDriftMs)
    return formatHlc(this.last)
  }

  /** Observes a remote timestamp (after its change has been committed). */
  observe(remote: string): void {
    this.last = receiveHlc(this.last, parseHlc(remote), this.wallClock(), this.maxDriftMs)
  }
}
