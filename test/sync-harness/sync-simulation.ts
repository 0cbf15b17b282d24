import assert from 'node:assert/strict'
import { setTimeout as sleep } from 'node:timers/promises'
import { isDeepStrictEqual } from 'node:util'
import { openHqDatabase } from '../../src-hq/db/connection'
import { databaseConfig } from '../../src-hq/hq'
import { startHqProcess } from '../../src-hq/testing/hq-process'
import { createHqStore, startStoreHq, type HqBackendName, type HqStore } from '../../src-hq/testing/test-hq'
import { faultyClient, prng, type FaultCounts } from './faulty-client'
import { createSyncDevice, factoriesOf, type HqAddress, type SyncDevice } from './sync-device'

/**
 * One seed of the randomized sync simulation (sync.simulation.test.ts runs them): 8 laptops on their
 * own SQLite files edit factories field by field — a fifth of the field edits on the same hot fields —
 * with skewed clocks, and sync in random order through a network that drops, duplicates and reorders
 * requests and replies and cuts laptops off for a while. In the middle of a laptop's sync HQ restarts
 * twice per seed: once gracefully, once by kill -9 of its own process (`npm run hq`).
 *
 * At quiet every replica must equal HQ's log (per field, its newest value), and every change a laptop
 * made must be in the log once: an acknowledged write is never re-sent, so one that a kill lost would be
 * missing. Together: no acknowledged write is lost unless a newer edit of the same field replaced it.
 * The same seed replays the same edits and network faults; the moment a kill lands varies.
 */

export const DEVICES = 8
const EDIT_COLUMNS = ['name', 'address', 'capacity', 'notes', 'city', 'province', 'industrial_belt']
const HOT_COLUMNS = ['notes', 'capacity']
// A hot edit sets one field, another edit one to three: a third of the edits is a fifth of the field edits.
const HOT_SHARE = 1 / 3
const MAX_SKEW_MS = 90_000
const NETWORK_FAULTS = { dropRequest: 0.1, dropReply: 0.1, duplicate: 0.1, reorder: 0.1 }

/** What one seed did, and what it found wrong. */
export interface SeedCounts {
  edits: number
  fieldEdits: number
  /** Field edits on the hot fields every laptop edits. */
  sameFieldEdits: number
  syncs: number
  partitions: number
  /** HQ's process killed with SIGKILL while a laptop synced. */
  kills: number
  /** HQ in the simulation's process closed while a laptop synced (requests in flight finish first). */
  restarts: number
  faults: FaultCounts
  minSkewMs: number
  maxSkewMs: number
  /** Replicas that differ from HQ's log at quiet. */
  divergences: number
  /** Changes a laptop made (all acknowledged at quiet) that are not in HQ's log, or not once. */
  lostWrites: number
}

export function emptyCounts(): SeedCounts {
  return {
    edits: 0,
    fieldEdits: 0,
    sameFieldEdits: 0,
    syncs: 0,
    partitions: 0,
    kills: 0,
    restarts: 0,
    faults: { droppedRequests: 0, droppedReplies: 0, duplicates: 0, reordered: 0, cutOff: 0 },
    minSkewMs: Infinity,
    maxSkewMs: -Infinity,
    divergences: 0,
    lostWrites: 0,
  }
}

export function addCounts(total: SeedCounts, seed: SeedCounts): void {
  for (const key of Object.keys(total) as (keyof SeedCounts)[]) {
    if (key === 'faults') {
      for (const kind of Object.keys(total.faults) as (keyof FaultCounts)[])
        total.faults[kind] += seed.faults[kind]
    } else if (key === 'minSkewMs') total.minSkewMs = Math.min(total.minSkewMs, seed.minSkewMs)
    else if (key === 'maxSkewMs') total.maxSkewMs = Math.max(total.maxSkewMs, seed.maxSkewMs)
    else total[key] += seed[key]
  }
}

interface LoggedChange {
  row_id: string
  column_name: string
  hlc: string
  value: string
}

/** HQ's log of factory changes, read straight from its database. */
async function readHqLog(store: HqStore): Promise<LoggedChange[]> {
  const database = openHqDatabase(databaseConfig(store))
  try {
    return await database.db
      .selectFrom('messages')
      .select(['row_id', 'column_name', 'hlc', 'value'])
      .where('table_name', '=', 'factories')
      .execute()
  } finally {
    await database.close()
  }
}

/** Per row, per column, the value of the newest logged change: what every replica must hold. */
function stateOfLog(log: readonly LoggedChange[]): Record<string, Record<string, unknown>> {
  const newest = new Map<string, LoggedChange>()
  for (const change of log) {
    const key = `${change.row_id}\u0000${change.column_name}`
    const seen = newest.get(key)
    if (!seen || change.hlc > seen.hlc) newest.set(key, change)
  }
  const state: Record<string, Record<string, unknown>> = {}
  for (const change of newest.values())
    (state[change.row_id] ??= { id: change.row_id })[change.column_name] = JSON.parse(change.value)
  return state
}

/** One change of one field: a write stamps all the fields it sets with one timestamp. */
const changeKey = (c: LoggedChange) => `${c.hlc}\u0000${c.row_id}\u0000${c.column_name}`

/** This laptop's own changes that are not in HQ's log exactly once, with the same value. */
function lostChanges(device: SyncDevice, log: readonly LoggedChange[]): LoggedChange[] {
  const copies = new Map<string, LoggedChange[]>()
  for (const change of log) copies.set(changeKey(change), [...(copies.get(changeKey(change)) ?? []), change])
  const own = device.core.database.sqlite
    .prepare(
      "SELECT row_id, column_name, hlc, value FROM change_log WHERE device_id = ? AND table_name = 'factories'",
    )
    .all(device.deviceId) as LoggedChange[]
  return own.filter((change) => {
    const logged = copies.get(changeKey(change)) ?? []
    return logged.length !== 1 || logged[0]!.value !== change.value
  })
}

/**
 * The seed's HQ. It alternates between running in the simulation's process, where starting it is cheap
 * and `stop` is HQ's own graceful close, and running as its own process (`npm run hq`), which costs half
 * a second of CPU to start and whose `stop` is SIGKILL: whatever it had not committed is gone.
 */
interface SeedHq extends HqAddress {
  inProcess: boolean
  stop(): Promise<void>
  /** HQ's internal errors so far: there must be none. */
  errors(): string
}

async function startSeedHq(store: HqStore, inProcess: boolean): Promise<SeedHq> {
  if (!inProcess) {
    const hq = await startHqProcess(store)
    return { ...hq, inProcess, stop: () => hq.stop('SIGKILL'), errors: () => hq.stderr() }
  }
  const errors: string[] = []
  const hq = await startStoreHq(store, {
    onInternalError: (error, call) => errors.push(`internal error in ${call}: ${String(error)}`),
  })
  return {
    url: hq.url,
    adminToken: hq.adminToken,
    inProcess,
    stop: () => hq.close(),
    errors: () => errors.join('\n'),
  }
}

/** Runs one seed on a fresh HQ store; throws when something other than a count went wrong. */
export async function runSeed(backend: HqBackendName, seed: number, steps: number): Promise<SeedCounts> {
  const store = await createHqStore(backend)
  try {
    return await runSeedOn(store, seed, steps)
  } finally {
    await store.dispose()
  }
}

async function runSeedOn(store: HqStore, seed: number, steps: number): Promise<SeedCounts> {
  const random = prng(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
  const counts = emptyCounts()
  let hq = await startSeedHq(store, true)
  const hqErrors: string[] = []
  const devices: SyncDevice[] = []
  let simTime = Date.now()
  const skews = Array.from({ length: DEVICES }, () => Math.round((random() * 2 - 1) * MAX_SKEW_MS))
  counts.minSkewMs = Math.min(...skews)
  counts.maxSkewMs = Math.max(...skews)
  let step = 0
  const cutOffUntil = Array.from({ length: DEVICES }, () => 0)
  try {
    for (let i = 0; i < DEVICES; i++)
      devices.push(await createSyncDevice(hq, `laptop ${i}`, simTime + skews[i]!))
    const clients = devices.map((device, i) =>
      faultyClient(
        () => device.httpClient(hq.url),
        random,
        NETWORK_FAULTS,
        counts.faults,
        () => step < cutOffUntil[i]!,
      ),
    )
    const tick = () => {
      simTime += Math.floor(random() * 40)
      devices.forEach((d, i) => d.setWall(simTime + skews[i]!))
    }

    /** HQ goes down in the middle of this laptop's sync and comes back, in the other kind of process. */
    const restartHqDuring = async (index: number) => {
      if (hq.inProcess) counts.restarts++
      else counts.kills++
      const syncing = devices[index]!.sync(clients[index])
      await sleep(random() * 20)
      await hq.stop()
      hqErrors.push(hq.errors())
      const report = await syncing
      assert.ok(['ok', 'offline'].includes(report.outcome), report.message)
      counts.syncs++
      hq = await startSeedHq(store, !hq.inProcess)
    }

    // The hot rows everyone edits: created on laptop 0 and synced to all before the offline work starts.
    const hotRows: string[] = []
    for (let i = 0; i < 3; i++) hotRows.push(await devices[0]!.createFactory({ name: `热点工厂 ${i}` }))
    for (const device of devices) await device.sync()
    for (const device of devices) await device.sync()

    // Two restarts at random moments: HQ in the simulation's process closes and comes back as its own
    // process, which some steps later is killed -9 (and HQ comes back in the simulation's).
    const restartAt = Math.floor(steps * (0.1 + 0.4 * random()))
    const killAt = restartAt + 3 + Math.floor(steps * 0.4 * random())
    for (step = 0; step < steps; step++) {
      tick()
      const index = Math.floor(random() * DEVICES)
      const device = devices[index]!
      const roll = random()
      if (step === restartAt || step === killAt) {
        await restartHqDuring(index)
      } else if (roll < 0.02) {
        // A partition: this laptop is cut off for a while; it keeps working offline and its syncs fail.
        cutOffUntil[index] = step + 10 + Math.floor(random() * 40)
        counts.partitions++
      } else if (roll < 0.06) {
        await device.createFactory({ name: `工厂 ${seed}-${step}` })
        counts.edits++
      } else if (roll < 0.7) {
        // A burst of offline work on one laptop: a few edits, each of one to three fields.
        const rows = Object.keys(factoriesOf(device))
        const burst = 1 + Math.floor(random() * 4)
        for (let e = 0; e < burst; e++) {
          const hot = random() < HOT_SHARE
          const values: Record<string, string> = {}
          const fields = hot ? 1 : 1 + Math.floor(random() * 3)
          for (let f = 0; f < fields; f++)
            values[pick(hot ? HOT_COLUMNS : EDIT_COLUMNS)] = `${index}-${step}-${e}-${f}`
          await device.edit(pick(hot ? hotRows : rows), values)
          counts.edits++
          counts.fieldEdits += Object.keys(values).length
          if (hot) counts.sameFieldEdits++
          tick()
        }
      } else {
        // A bad network may cut it short, but HQ must never refuse it (no clock drift, no 429, no 5xx).
        const report = await device.sync(clients[index])
        assert.ok(['ok', 'offline'].includes(report.outcome), report.message)
        counts.syncs++
      }
    }

    // Quiet: partitions heal, the network is reliable, everyone syncs until a round moves nothing.
    cutOffUntil.fill(0)
    for (let round = 0, moved = true; moved; round++) {
      assert.ok(round < 4, 'quiet takes more than 4 sync rounds')
      moved = false
      for (const device of devices) {
        tick()
        const report = await device.sync(await device.httpClient(hq.url))
        assert.equal(report.outcome, 'ok', report.message)
        counts.syncs++
        if (report.pushed > 0 || report.pulled > 0) moved = true
      }
    }

    const log = await readHqLog(store)
    const expected = stateOfLog(log)
    for (const device of devices) {
      const unsent = device.core.database.sqlite
        .prepare('SELECT count(*) AS n FROM change_log WHERE sent_at IS NULL')
        .get() as { n: number }
      assert.equal(unsent.n, 0, `${device.deviceId} has unsent changes at quiet`)
      const actual = factoriesOf(device)
      if (!isDeepStrictEqual(actual, expected)) counts.divergences++
      counts.lostWrites += lostChanges(device, log).length
    }
    hqErrors.push(hq.errors())
    // Nothing HQ served may have failed inside it, however it was stopped.
    assert.equal(hqErrors.join('').trim(), '', 'HQ had internal errors')
    return counts
  } finally {
    for (const device of devices) await device.dispose()
    await hq.stop()
  }
}

/** The run's totals, in the words the closing note quotes. */
export function formatTotals(
  backend: HqBackendName,
  run: { seeds: number; passed: number; seconds: number },
  total: SeedCounts,
): string {
  const n = (value: number) => value.toLocaleString('en-US')
  const f = total.faults
  return [
    `sync simulation on ${backend}: ${run.passed} of ${run.seeds} seeds passed, ` +
      `${DEVICES} laptops + HQ each, ${Math.round(run.seconds)} s`,
    `  edits ${n(total.edits)}, field edits ${n(total.fieldEdits)} (on the same hot fields ` +
      `${n(total.sameFieldEdits)}), syncs ${n(total.syncs)}`,
    `  faults: dropped requests ${n(f.droppedRequests)}, dropped replies ${n(f.droppedReplies)}, ` +
      `duplicated ${n(f.duplicates)}, reordered ${n(f.reordered)}, partitions ${n(total.partitions)} ` +
      `(${n(f.cutOff)} requests cut off), HQ restarts mid-sync ${n(total.kills + total.restarts)} ` +
      `(kill -9 of its process ${n(total.kills)}, graceful ${n(total.restarts)})`,
    `  clock skew ${Math.round(total.minSkewMs / 1000)} s … +${Math.round(total.maxSkewMs / 1000)} s; ` +
      `divergences ${total.divergences}; lost acknowledged writes ${total.lostWrites}`,
  ].join('\n')
}
