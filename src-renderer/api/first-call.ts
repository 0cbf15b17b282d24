import type { CallInput, CallName } from '@core/api/contract'
import type { Envelope, Transport } from './transport'

/** One call the page is known to make first, planned from the URL before the app's code runs. */
export interface PlannedCall<K extends CallName = CallName> {
  /** The call's name. */
  name: K
  /** Its input, exactly as the page will send it. */
  input: CallInput<K>
}

/**
 * A reply older than this is not handed out: by then the page has long asked for itself, and the
 * data may have changed since.
 */
const FRESH_MS = 5_000

/** The planned call under way, and the transport that hands its reply out. */
export interface FirstCall {
  /** Answers the first call identical to the planned one with its reply; the rest as usual. */
  transport: Transport
  /** Settles once the planned call has (at once when nothing was planned); never rejects. */
  settled: Promise<void>
}

/**
 * Starts `planned` on `transport` now, while the rest of the app is still being parsed and run. The
 * returned transport answers the first identical call with that reply (once, while fresh); every other
 * call, and any repeat, goes to `transport` as usual.
 */
export function startFirstCall(
  transport: Transport,
  planned: PlannedCall | null,
  now: () => number = () => performance.now(),
): FirstCall {
  if (!planned) return { transport, settled: Promise.resolve() }
  const startedAt = now()
  const key = callKey(planned.name, planned.input)
  let early: Promise<Envelope> | null = transport(planned.name, planned.input)
  // Nobody may ever take it (the page changed before it rendered): never an unhandled rejection.
  const settled = early.then(
    () => undefined,
    () => undefined,
  )
  const answering: Transport = (name, input) => {
    if (early && callKey(name, input) === key) {
      const reply = early
      early = null
      if (now() - startedAt <= FRESH_MS) return reply
    }
    return transport(name, input)
  }
  return { transport: answering, settled }
}

function callKey(name: string, input: unknown): string {
  return `${name}\n${JSON.stringify(input)}`
}
