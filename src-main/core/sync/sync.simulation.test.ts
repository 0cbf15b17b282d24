import { isDeepStrictEqual } from 'node:util'
import { describe, expect, it } from 'vitest'
import type { Hq } from '../../../src-hq/hq'
import { createHqStore, hqBackends, startStoreHq, type HqStore } from '../../../src-hq/testing/test-hq'
import { faultyClient, prng, type FaultCounts } from './testing/faulty-client'
import { createSyncDevice, factoriesOf, type SyncDevice } from './testing/sync-device'

/**
 * Randomized convergence (Actual Budget's sync.property test, run for real): N laptops on their own
 * SQLite files edit factories field by field — a fifth of the edits on the same hot fields — with
 * skewed clocks, and sync in random order through a network that drops, duplicates and reorders
 * requests and replies, while HQ restarts. At quiet, every replica equals HQ's log, and every change
 * HQ acknowledged is in the log. SYNC_SIM_SEEDS runs more seeds; SYNC_SIM_STEPS makes each longer.
 */

const DEVICES = 8
const SEEDS = Number(process.env.SYNC_SIM_SEEDS ?? 2)
const STEPS = Number(process.env.SYNC_SIM_STEPS ?? 600)
const EDIT_COLUMNS = ['name', 'address', 'capacity', 'notes', 'city', 'province', 'industrial_belt']
const HOT_COLUMNS = ['notes', 'capacity']
const MAX_SKEW_MS = 90_000

interface RunSummary {
  seed: number
  edits: number
  fieldEdits: number
  syncs: number
  restarts: number
  faults: FaultCounts
  divergences: number
}

/** HQ's state: per row, per column, the value of the newest message — what every replica must hold. */
async function stateOfLog(hq: Hq): Promise<Record<string, Record<string, unknown>>> {
  const rows = await hq.database.db
    .selectFrom('messages')
    .select(['table_name', 'row_id', 'column_name', 'hlc', 'value'])
    .where('table_name', '=', 'factories')
    .execute()
  const newest = new Map<string, { hlc: string; value: string }>()
  for (const r of rows) {
    const key = `${r.row_id}\u0000${r.column_name}`
    const seen = newest.get(key)
    if (!seen || r.hlc > seen.hlc) newest.set(key, { hlc: r.hlc, value: r.value })
  }
  const state: Record<string, Record<string, unknown>> = {}
  for (const [key, { value }] of newest) {
    const [row, column] = key.split('\u0000') as [string, string]
    ;(state[row] ??= { id: row })[column] = JSON.parse(value)
  }
  return state
}

async function runSeed(store: HqStore, seed: number): Promise<RunSummary> {
  const random = prng(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
  let hq = await startStoreHq(store, { rateLimit: { max: 1_000_000, windowMs: 60_000 } })
  const summary: RunSummary = {
    seed,
    edits: 0,
    fieldEdits: 0,
    syncs: 0,
    restarts: 0,
    faults: { droppedRequests: 0, droppedReplies: 0, duplicates: 0, reordered: 0 },
    divergences: 0,
  }
  const start = Date.now()
  let simTime = start
  const skews = Array.from({ length: DEVICES }, () => Math.round((random() * 2 - 1) * MAX_SKEW_MS))
  const devices: SyncDevice[] = []
  try {
    for (let i = 0; i < DEVICES; i++)
      devices.push(await createSyncDevice(hq, `laptop ${i}`, start + skews[i]!))
    const clients = devices.map((device) =>
      faultyClient(
        () => device.httpClient(hq.url),
        random,
        { dropRequest: 0.08, dropReply: 0.08, duplicate: 0.08, reorder: 0.08 },
        summary.faults,
      ),
    )
    const tick = () => {
      simTime += Math.floor(random() * 40)
      devices.forEach((d, i) => d.setWall(simTime + skews[i]!))
    }
    const rowsOf = (device: SyncDevice) => Object.keys(factoriesOf(device))

    // The hot rows everyone edits: created on laptop 0 and synced to all before the offline work starts.
    const hotRows: string[] = []
    for (let i = 0; i < 3; i++) hotRows.push(await devices[0]!.createFactory({ name: `热点工厂 ${i}` }))
    for (const device of devices) await device.sync()
    for (const device of devices) await device.sync()

    for (let step = 0; step < STEPS; step++) {
      tick()
      const index = Math.floor(random() * DEVICES)
      const device = devices[index]!
      const roll = random()
      if (roll < 0.04) {
        await device.createFactory({ name: `工厂 ${seed}-${step}` })
        summary.edits++
      } else if (roll < 0.88) {
        // A burst of offline work on one laptop: a few edits, each of one to three fields.
        const rows = rowsOf(device)
        const burst = 1 + Math.floor(random() * 4)
        for (let e = 0; e < burst; e++) {
          const hot = random() < 0.2
          const columns = hot ? HOT_COLUMNS : EDIT_COLUMNS
          const values: Record<string, string> = {}
          const fields = hot ? 1 : 1 + Math.floor(random() * 3)
          for (let f = 0; f < fields; f++) values[pick(columns)] = `${index}-${step}-${e}-${f}`
          await device.edit(pick(hot ? hotRows : rows), values)
          summary.edits++
          summary.fieldEdits += Object.keys(values).length
          tick()
        }
      } else if (roll < 0.985) {
        await device.sync(clients[index])
        summary.syncs++
      } else {
        // HQ goes down and comes back (on another port); the laptops' faulty clients follow it.
        await hq.close()
        hq = await startStoreHq(store, { rateLimit: { max: 1_000_000, windowMs: 60_000 } })
        summary.restarts++
      }
    }

    // Quiet: a reliable network, everyone syncs until nothing moves.
    for (let round = 0; round < 3; round++) {
      for (const device of devices) {
        tick()
        const report = await device.sync(await device.httpClient(hq.url))
        expect(report.outcome, report.message).toBe('ok')
      }
    }

    const expected = await stateOfLog(hq)
    for (const device of devices) {
      const actual = factoriesOf(device)
      if (!isDeepStrictEqual(actual, expected)) summary.divergences++
      expect(actual).toEqual(expected)
      // Nothing left to send, and every change this laptop recorded is in HQ's log.
      const own = device.core.database.sqlite
        .prepare('SELECT hlc, row_id, column_name, sent_at FROM change_log WHERE device_id = ?')
        .all(device.deviceId) as {
        hlc: string
        row_id: string
        column_name: string
        sent_at: string | null
      }[]
      expect(own.filter((c) => c.sent_at === null)).toEqual([])
      const logged = await hq.database.db
        .selectFrom('messages')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('origin_device', '=', device.deviceId)
        .executeTakeFirstOrThrow()
      expect(Number(logged.n)).toBe(own.length)
    }
    return summary
  } finally {
    for (const device of devices) await device.dispose()
    await hq.close()
  }
}

describe.each(hqBackends())('sync simulation on %s HQ', (backend) => {
  const seeds = Array.from({ length: SEEDS }, (_, i) => 1000 + i)
  it.each(seeds)('seed %i: every replica converges to HQ', async (seed) => {
    const store = await createHqStore(backend)
    try {
      const summary = await runSeed(store, seed)
      console.log(
        `sync simulation (${backend}) seed ${seed}: ${DEVICES} devices, ${summary.edits} edits ` +
          `(${summary.fieldEdits} field edits), ${summary.syncs} syncs, ${summary.restarts} HQ restarts, ` +
          `faults ${JSON.stringify(summary.faults)}, divergences ${summary.divergences}`,
      )
      expect(summary.divergences).toBe(0)
    } finally {
      await store.dispose()
    }
  })
})
