import type { Dispatch } from '../api/dispatcher'
import type { SyncRunner } from '../sync/sync-runner'

/**
 * Lets one job (a restore) have the database to itself while both hosts keep their core: calls that
 * arrive meanwhile wait at the gate and then run against the restored database; calls already running
 * finish first. Nothing is closed or reopened, so the Electron host, the browser host's dispatcher and
 * anything else holding the core keep working.
 */
export interface CallGate {
  /** Runs `job` unless an exclusive job holds the gate, then after it. */
  shared<T>(job: () => Promise<T>): Promise<T>
  /**
   * Holds new shared jobs back, calls `onClosed` (to ask long ones to stop), waits for the running
   * ones, runs `job`, then lets the held ones through.
   */
  exclusive<T>(job: () => Promise<T>, onClosed?: () => Promise<unknown>): Promise<T>
}

export function createCallGate(): CallGate {
  let running = 0
  let closed: Promise<void> | null = null
  let drained: (() => void) | null = null
  let exclusiveChain: Promise<unknown> = Promise.resolve()

  const shared = async <T>(job: () => Promise<T>): Promise<T> => {
    while (closed) await closed
    running++
    try {
      return await job()
    } finally {
      running--
      if (running === 0) drained?.()
    }
  }

  const exclusive = <T>(job: () => Promise<T>, onClosed?: () => Promise<unknown>): Promise<T> => {
    const turn = exclusiveChain.then(async () => {
      let open!: () => void
      closed = new Promise<void>((resolve) => (open = resolve))
      try {
        await onClosed?.()
        if (running > 0) await new Promise<void>((resolve) => (drained = resolve))
        drained = null
        return await job()
      } finally {
        closed = null
        open()
      }
    })
    exclusiveChain = turn.catch(() => undefined)
    return turn
  }

  return { shared, exclusive }
}

/** Calls that take the gate themselves (their handler runs an exclusive job) and so must not wait at it. */
const EXCLUSIVE_CALLS = new Set(['backup.restore'])

/** The dispatcher behind the gate. */
export function gatedDispatch(gate: CallGate, dispatch: Dispatch): Dispatch {
  return (call, input) =>
    EXCLUSIVE_CALLS.has(call) ? dispatch(call, input) : gate.shared(() => dispatch(call, input))
}

/**
 * The sync runner behind the gate: a run does not start while a restore holds it. A run in hand is not
 * waited for at full length: the restore cancels it when it closes the gate, then waits for it to stop.
 */
export function gatedRunner(gate: CallGate, runner: SyncRunner): SyncRunner {
  return {
    start: () => gate.shared(() => runner.start()),
    run: () => gate.shared(() => runner.run()),
    progress: () => runner.progress(),
    cancel: () => runner.cancel(),
    idle: () => runner.idle(),
    get running() {
      return runner.running
    },
  }
}
