import assert from 'node:assert/strict'
import { setTimeout as sleep } from 'node:timers/promises'
import { isDeepStrictEqual } from 'node:util'
import { openHqDatabase } from '../../src-hq/db/connection'
import { databaseConfig } from '../../src-hq/hq'
import type { WireMessage } from '../../src-hq/hq.contract'
import { hqBackupOf } from '../../src-hq/testing/hq-backup'
import { startHqProcess } from '../../src-hq/testing/hq-process'
import {
  besideStore,
  createHqStore,
  hqCall,
  startStoreHq,
  type HqBackendName,
  type HqStore,
} from '../../src-hq/testing/test-hq'
import { AppError } from '../../src-main/core/api/errors'
import { formatHlc, makeHlc } from '../../src-main/core/sync/hlc'
import { placeholdersOf, SYNCED_TABLES } from '../../src-main/core/sync/synced-tables'
import type { SyncedTableName } from '../../src-main/core/write/write-path'
import { faultyClient, prng, type FaultCounts } from './faulty-client'
import { createSyncDevice, factoriesOf, mintCode, type HqAddress, type SyncDevice } from './sync-device'
import { emptyWorldCounts, readEverything, worldStep, type WorldCounts } from './sync-world'

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
 *
 * Besides: a share of the steps is a buyer's work through the laptop's dispatcher on every kind of
 * record (sync-world.ts), so at quiet every synced table is compared, and every list and get must
 * answer. Laptop 5 runs a day slow and laptop 6 8 h fast until their clocks are set right mid-run;
 * laptop 7 is a newer version whose factories have a column this HQ does not know, which it writes with
 * its saves (HQ refuses it as unknown_schema; it must neither be lost nor block anything). A rogue
 * device pushes crafted bad messages that HQ must refuse, none of which may reach the log. HQ's
 * database is copied at its graceful restart and put back at the kill -9: the laptops must heal it.
 */

export const DEVICES = 8
const EDIT_COLUMNS = ['name', 'address', 'capacity', 'notes', 'city', 'province', 'industrial_belt']
const HOT_COLUMNS = ['notes', 'capacity']
// A hot edit sets one field, another edit one to three: a third of the edits is a fifth of the field edits.
const HOT_SHARE = 1 / 3
const MAX_SKEW_MS = 90_000
const NETWORK_FAULTS = { dropRequest: 0.1, dropReply: 0.1, duplicate: 0.1, reorder: 0.1 }
/** Share of the steps that are a buyer's work on any kind of record (sync-world.ts). */
const WORLD_SHARE = 0.3
/** The laptops whose clocks are far off until set right mid-run, and by how much. */
const FAR_SKEWS: Record<number, number> = { 5: -86_400_000, 6: 8 * 3_600_000 }
/** The newer version's laptop and the column only it knows. */
const NEWER_DEVICE = 7
const NEWER_COLUMN = 'wechat_group'
const ROGUE_NODE = '000000000000bad0'
const ROGUE_DEVICE = 'rogue-device'

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
  /** The buyer's work through the dispatcher (sync-world.ts): accepted calls by kind, refusals. */
  worldSteps: number
  creates: number
  worldEdits: number
  deletes: number
  restores: number
  worldRefused: number
  /** Crafted bad messages the rogue device pushed, and how many HQ refused (all must be). */
  rogueMessages: number
  rogueRefused: number
  /** Far-off laptop clocks (a day slow, 8 h fast) set right mid-run. */
  clockCorrections: number
  /** HQ's database put back from an older copy mid-run. */
  hqRestores: number
  /** Changes laptops re-sent to heal the restored HQ. */
  resent: number
  /** The newer laptop's writes of a column HQ does not know, and HQ's unknown_schema refusals of them. */
  newerColumnWrites: number
  unknownSchemaRefused: number
  /** Messages laptops quarantined on apply (HQ should have refused them all). */
  quarantined: number
  /** At quiet, over all laptops: edits of records deleted elsewhere shown as conflicts, field conflicts. */
  deleteConflicts: number
  fieldConflicts: number
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
    worldSteps: 0,
    creates: 0,
    worldEdits: 0,
    deletes: 0,
    restores: 0,
    worldRefused: 0,
    rogueMessages: 0,
    rogueRefused: 0,
    clockCorrections: 0,
    hqRestores: 0,
    resent: 0,
    newerColumnWrites: 0,
    unknownSchemaRefused: 0,
    quarantined: 0,
    deleteConflicts: 0,
    fieldConflicts: 0,
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
  table_name: string
  row_id: string
  column_name: string
  hlc: string
  value: string
}

/** HQ's log, read straight from its database; `rogue`: what came from the rogue device (none may). */
async function readHqLog(store: HqStore): Promise<{ log: LoggedChange[]; rogue: number }> {
  const database = openHqDatabase(databaseConfig(store))
  try {
    const log = await database.db
      .selectFrom('messages')
      .select(['table_name', 'row_id', 'column_name', 'hlc', 'value'])
      .execute()
    const rogue = await database.db
      .selectFrom('messages')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where((eb) => eb.or([eb('origin_device', '=', ROGUE_DEVICE), eb('node_id', '=', ROGUE_NODE)]))
      .executeTakeFirstOrThrow()
    return { log, rogue: Number(rogue.n) }
  } finally {
    await database.close()
  }
}

type TableState = Record<string, Record<string, unknown>>

/** Per table, row and column, the value of the newest logged change: what every replica must hold. */
function stateOfLog(log: readonly LoggedChange[]): Record<string, TableState> {
  const newest = new Map<string, LoggedChange>()
  for (const change of log) {
    const key = `${change.table_name}\u0000${change.row_id}\u0000${change.column_name}`
    const seen = newest.get(key)
    if (!seen || change.hlc > seen.hlc) newest.set(key, change)
  }
  const state: Record<string, TableState> = Object.fromEntries(
    Object.keys(SYNCED_TABLES).map((table) => [table, {}]),
  )
  for (const change of newest.values()) {
    const rows = (state[change.table_name] ??= {})
    // A column no save ever wrote (factories' old contacts list) holds its placeholder on every replica.
    ;(rows[change.row_id] ??= { id: change.row_id, ...placeholdersOf(change.table_name as SyncedTableName) })[
      change.column_name
    ] = JSON.parse(change.value)
  }
  return state
}

/** Every synced table on one replica, but the newer version's column (this HQ cannot hold it). */
function replicaState(device: SyncDevice): Record<string, TableState> {
  const state: Record<string, TableState> = {}
  for (const table of Object.keys(SYNCED_TABLES)) {
    const rows = device.core.database.sqlite.prepare(`SELECT * FROM ${table} ORDER BY id`).all() as Record<
      string,
      unknown
    >[]
    state[table] = Object.fromEntries(
      rows.map((row) => {
        delete row[NEWER_COLUMN]
        return [row.id as string, row]
      }),
    )
  }
  return state
}

/** Where a replica first differs from HQ's log, or null when it holds exactly the log's state. */
function firstDifference(actual: Record<string, TableState>, expected: Record<string, TableState>) {
  for (const table of Object.keys(SYNCED_TABLES)) {
    const a = actual[table] ?? {}
    const e = expected[table] ?? {}
    for (const id of new Set([...Object.keys(a), ...Object.keys(e)])) {
      if (isDeepStrictEqual(a[id], e[id])) continue
      const columns = new Set([...Object.keys(a[id] ?? {}), ...Object.keys(e[id] ?? {})])
      const differ = [...columns].filter((c) => !isDeepStrictEqual(a[id]?.[c], e[id]?.[c]))
      const show = (row?: Record<string, unknown>) =>
        row ? JSON.stringify(Object.fromEntries(differ.map((c) => [c, row[c]]))) : 'missing'
      return `${table} ${id}: replica ${show(a[id])}, HQ's log ${show(e[id])}`
    }
  }
  return null
}

/** One change of one field: a write stamps all the fields it sets with one timestamp. */
const changeKey = (c: LoggedChange) => `${c.hlc}\u0000${c.table_name}\u0000${c.row_id}\u0000${c.column_name}`

/**
 * This laptop's own changes that are not in HQ's log exactly once, with the same value (the newer
 * version's column aside: HQ refuses it and the laptop keeps it). An acknowledged change is never
 * re-sent to the same HQ, so one lost by a kill stays missing; an edit replaced by a later one, or of a
 * deleted record (a delete conflict), is still in the log.
 */
function lostChanges(device: SyncDevice, log: readonly LoggedChange[]): LoggedChange[] {
  const copies = new Map<string, LoggedChange[]>()
  for (const change of log) copies.set(changeKey(change), [...(copies.get(changeKey(change)) ?? []), change])
  const own = device.core.database.sqlite
    .prepare(
      'SELECT table_name, row_id, column_name, hlc, value FROM change_log WHERE device_id = ? AND column_name != ?',
    )
    .all(device.deviceId, NEWER_COLUMN) as LoggedChange[]
  return own.filter((change) => {
    const logged = copies.get(changeKey(change)) ?? []
    return logged.length !== 1 || logged[0]!.value !== change.value
  })
}

/** The rogue device's crafted messages, one kind each: every one must be refused. */
function rogueMessage(kind: number, row: string, otherNode: string, counter: number): WireMessage {
  const hlc = (node = ROGUE_NODE) => formatHlc(makeHlc(Date.now() - 1000, counter, node))
  const base: WireMessage = {
    hlc: hlc(),
    table: 'factories',
    row,
    column: 'name',
    value: JSON.stringify('幽灵工厂'),
    device: ROGUE_DEVICE,
  }
  const crafted: Partial<WireMessage>[] = [
    { column: 'status', value: '"hacked"' },
    { column: 'categories', value: JSON.stringify('not json') },
    { column: 'capacity', value: JSON.stringify('吨'.repeat(60_000)) },
    { row: '../../not-a-uuid' },
    { table: 'no_such_table' },
    { column: 'evil_column', value: '"x"' },
    { hlc: hlc(otherNode) },
  ]
  return { ...base, ...crafted[kind % crafted.length] }
}
export const ROGUE_KINDS = 7
/** Why HQ must refuse each kind of crafted message. */
const ROGUE_CODES = [
  'invalid_value',
  'invalid_value',
  'invalid_value',
  'invalid_value',
  'unknown_schema',
  'unknown_schema',
  'node_mismatch',
]

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

/**
 * Runs one seed on a fresh HQ store; throws when something other than a count went wrong. With `hqs`
 * 2 (PostgreSQL only) two HQs, each with its own data directory, serve the one database: laptop i syncs
 * with HQ i mod 2, and both go down together at the restarts (a database copy needs every HQ down).
 */
export async function runSeed(
  backend: HqBackendName,
  seed: number,
  steps: number,
  hqs = 1,
): Promise<SeedCounts> {
  const store = await createHqStore(backend)
  const stores = [store, ...Array.from({ length: hqs - 1 }, () => besideStore(store))]
  try {
    return await runSeedOn(stores, seed, steps)
  } finally {
    for (const each of stores.reverse()) await each.dispose()
  }
}

/** Two SKUs with a benchmark each, made on HQ's admin console: quotes need a SKU, and only HQ writes them. */
async function createSkus(hq: HqAddress): Promise<void> {
  const admin = async (name: string, input: unknown) => {
    const reply = await hqCall(hq.url, name, input, hq.adminToken)
    assert.equal(reply.status, 200, `${name}: ${JSON.stringify(reply.body)}`)
    return reply.body.value as { id: string }
  }
  const packSpec = [
    { count: 3, label: '包' },
    { count: 80, label: '抽' },
  ]
  for (const [name, brand] of [
    ['湿厕纸 80抽 3包', '维达'],
    ['生活用纸 100抽 24包', '清风'],
  ]) {
    const sku = await admin('admin.rows.create', {
      table: 'skus',
      values: {
        category: '湿厕纸',
        name,
        comparableUnit: '抽',
        retailPackSpec: packSpec,
        plannedOrderPacks: 20000,
        targetMargin: '0.3',
        notes: '',
      },
    })
    await admin('admin.rows.create', {
      table: 'benchmarks',
      values: {
        skuId: sku.id,
        brand,
        channel: '京东',
        packSpec,
        shelfPrice: '29.90',
        observedAt: '2026-11-18',
      },
    })
  }
}

async function runSeedOn(stores: HqStore[], seed: number, steps: number): Promise<SeedCounts> {
  const store = stores[0]!
  const random = prng(seed)
  // Tells apart the traces of runs of the same seed in one process (SYNC_SIM_TRACE=1).
  const run = Math.random().toString(36).slice(2, 6)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
  const counts = emptyCounts()
  const world: WorldCounts = emptyWorldCounts()
  const problems: string[] = []
  const hqs: SeedHq[] = []
  for (const each of stores) hqs.push(await startSeedHq(each, true))
  /** The HQ laptop `index` syncs with (the first serves the rogue device and the admin's work). */
  const hqOf = (index: number) => hqs[index % hqs.length]!
  const hqErrors: string[] = []
  const devices: SyncDevice[] = []
  let simTime = Date.now()
  const skews = Array.from(
    { length: DEVICES },
    (_, i) => FAR_SKEWS[i] ?? Math.round((random() * 2 - 1) * MAX_SKEW_MS),
  )
  counts.minSkewMs = Math.min(...skews)
  counts.maxSkewMs = Math.max(...skews)
  let step = 0
  const cutOffUntil = Array.from({ length: DEVICES }, () => 0)
  const backup = hqBackupOf(store)
  try {
    for (let i = 0; i < DEVICES; i++)
      devices.push(await createSyncDevice(hqOf(i), `laptop ${i}`, simTime + skews[i]!))
    // The newer version's migration: one more column on factories.
    devices[NEWER_DEVICE]!.core.database.sqlite.exec(`ALTER TABLE factories ADD COLUMN ${NEWER_COLUMN} TEXT`)
    // Minted on the first HQ, redeemed on the last (the same one unless there are two).
    const rogue = await hqCall(hqs.at(-1)!.url, 'enrol', {
      code: await mintCode(hqs[0]!),
      deviceName: 'rogue',
      nodeId: ROGUE_NODE,
    })
    const rogueToken = (rogue.body.value as { token: string }).token
    await createSkus(hqs[0]!)
    const clients = devices.map((device, i) =>
      faultyClient(
        () => device.httpClient(hqOf(i).url),
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
    const sync = async (index: number, client = clients[index]) => {
      const report = await devices[index]!.sync(client)
      counts.syncs++
      counts.resent += report.resent
      if (process.env.SYNC_SIM_TRACE)
        console.error(
          `${run} step ${step} laptop ${index}: ${report.outcome} pushed ${report.pushed} pulled ${report.pulled} cursor ${report.cursor} resent ${report.resent} ${report.outcome === 'ok' ? '' : report.message.slice(0, 80)}`,
        )
      return report
    }

    /**
     * HQ goes down in the middle of this laptop's sync and comes back, in the other kind of process;
     * while it is down its database may be copied, or put back from the copy.
     */
    const restartHqDuring = async (index: number, whileDown?: () => Promise<void>) => {
      const inProcess = hqs[0]!.inProcess
      if (inProcess) counts.restarts++
      else counts.kills++
      const syncing = sync(index)
      await sleep(random() * 20)
      // The laptop's own HQ first, mid-sync; then the others.
      const order = [index % hqs.length, ...hqs.keys()].filter((h, i, all) => all.indexOf(h) === i)
      for (const h of order) {
        await hqs[h]!.stop()
        hqErrors.push(hqs[h]!.errors())
      }
      const report = await syncing
      assert.ok(['ok', 'offline'].includes(report.outcome), report.message)
      await whileDown?.()
      for (const h of hqs.keys()) hqs[h] = await startSeedHq(stores[h]!, !inProcess)
    }

    /** The newer version writes its column with a save it just made, under that save's stamp. */
    const newerWrite = (tag: string) => {
      const { sqlite } = devices[NEWER_DEVICE]!.core.database
      const save = sqlite
        .prepare(
          "SELECT hlc, row_id FROM change_log WHERE device_id = ? AND table_name = 'factories' ORDER BY seq DESC LIMIT 1",
        )
        .get(devices[NEWER_DEVICE]!.deviceId) as { hlc: string; row_id: string } | undefined
      if (!save) return
      sqlite.prepare(`UPDATE factories SET ${NEWER_COLUMN} = ? WHERE id = ?`).run(tag, save.row_id)
      sqlite
        .prepare(
          `INSERT INTO change_log (hlc, table_name, row_id, column_name, value, device_id)
           VALUES (?, 'factories', ?, ?, ?, ?)`,
        )
        .run(save.hlc, save.row_id, NEWER_COLUMN, JSON.stringify(tag), devices[NEWER_DEVICE]!.deviceId)
      counts.newerColumnWrites++
    }

    // The hot rows everyone edits: created on laptop 0 and synced to all before the offline work starts.
    const hotRows: string[] = []
    for (let i = 0; i < 3; i++) hotRows.push(await devices[0]!.createFactory({ name: `热点工厂 ${i}` }))
    for (let round = 0; round < 2; round++)
      for (let i = 0; i < DEVICES; i++) await sync(i, await devices[i]!.httpClient(hqOf(i).url))

    // Two restarts at random moments: HQ in the simulation's process closes and comes back as its own
    // process, which some steps later is killed -9 (and HQ comes back in the simulation's). HQ's
    // database is copied at the first and put back at the second.
    const restartAt = Math.floor(steps * (0.1 + 0.4 * random()))
    const killAt = restartAt + 3 + Math.floor(steps * 0.4 * random())
    const correctAt = Object.keys(FAR_SKEWS).map(() => Math.floor(steps * (0.3 + 0.4 * random())))
    for (step = 0; step < steps; step++) {
      tick()
      Object.keys(FAR_SKEWS).forEach((laptop, i) => {
        if (step !== correctAt[i]) return
        // Someone sets the laptop's clock right (NTP back, or the buyer fixes it).
        skews[Number(laptop)] = Math.round((random() * 2 - 1) * 1000)
        counts.clockCorrections++
      })
      const index = Math.floor(random() * DEVICES)
      const device = devices[index]!
      const roll = random()
      if (process.env.SYNC_SIM_TRACE && (step === restartAt || step === killAt))
        console.error(`${run} step ${step}: HQ ${step === restartAt ? 'copied' : 'restored'}`)
      if (step === restartAt) {
        await restartHqDuring(index, () => backup.take())
      } else if (step === killAt) {
        await restartHqDuring(index, async () => {
          await backup.restore()
          counts.hqRestores++
        })
      } else if (roll < 0.02) {
        // A partition: this laptop is cut off for a while; it keeps working offline and its syncs fail.
        cutOffUntil[index] = step + 10 + Math.floor(random() * 40)
        counts.partitions++
      } else if (roll < 0.03) {
        // The rogue device pushes a crafted message: HQ must refuse it, with its reason.
        const kind = Math.floor(random() * ROGUE_KINDS)
        const message = rogueMessage(kind, pick(hotRows), device.core.context.write.clock.node, step)
        const reply = await hqCall(hqs[0]!.url, 'push', { messages: [message] }, rogueToken)
        const value = reply.body.value as { accepted: number; rejected: { code: string }[] } | undefined
        counts.rogueMessages++
        if (
          reply.status === 200 &&
          value?.accepted === 0 &&
          value.rejected.length === 1 &&
          value.rejected[0]!.code === ROGUE_CODES[kind]
        )
          counts.rogueRefused++
        else
          problems.push(
            `HQ did not refuse ${JSON.stringify(message).slice(0, 200)}: ${JSON.stringify(reply.body)}`,
          )
      } else if (roll < 0.05) {
        await device.createFactory({ name: `工厂 ${seed}-${step}` })
        counts.edits++
      } else if (roll < 0.05 + WORLD_SHARE) {
        // The buyer's work on any kind of record, through the laptop's dispatcher.
        const today = new Date(simTime + skews[index]!).toISOString().slice(0, 10)
        await worldStep(device, random, world, `${index}-${step}`, today)
        counts.worldSteps++
      } else if (roll < 0.75) {
        // A burst of offline work on one laptop: a few edits, each of one to three fields.
        const rows = Object.entries(factoriesOf(device))
          .filter(([, row]) => row.deleted_at === null)
          .map(([id]) => id)
        const burst = 1 + Math.floor(random() * 4)
        for (let e = 0; e < burst; e++) {
          const hot = random() < HOT_SHARE
          const values: Record<string, string> = {}
          const fields = hot ? 1 : 1 + Math.floor(random() * 3)
          for (let f = 0; f < fields; f++)
            values[pick(hot ? HOT_COLUMNS : EDIT_COLUMNS)] = `${index}-${step}-${e}-${f}`
          try {
            await device.edit(pick(hot ? hotRows : rows), values)
          } catch (error) {
            // A hot row the buyer's work deleted (sync-world.ts): the app refuses the edit, as it should.
            if (!(error instanceof AppError && error.code === 'not_found')) throw error
            counts.worldRefused++
            if (process.env.SYNC_SIM_DEBUG)
              console.error(`edit refused on laptop ${index} step ${step}: ${String(error)}`)
            continue
          }
          counts.edits++
          counts.fieldEdits += Object.keys(values).length
          if (hot) counts.sameFieldEdits++
          if (index === NEWER_DEVICE && random() < 0.3) newerWrite(`群 ${step}-${e}`)
          tick()
        }
      } else {
        // A bad network may cut it short, but HQ must never refuse it (no clock drift, no 429, no 5xx).
        const report = await sync(index)
        assert.ok(['ok', 'offline'].includes(report.outcome), report.message)
      }
    }

    // Quiet: partitions heal, the network is reliable, everyone syncs until a round moves nothing.
    cutOffUntil.fill(0)
    for (let round = 0, moved = true; moved; round++) {
      assert.ok(round < 5, 'quiet takes more than 5 sync rounds')
      moved = false
      for (let i = 0; i < DEVICES; i++) {
        tick()
        const report = await sync(i, await devices[i]!.httpClient(hqOf(i).url))
        assert.equal(report.outcome, 'ok', report.message)
        if (report.pushed > 0 || report.pulled > 0) moved = true
      }
    }

    const { log, rogue: fromRogue } = await readHqLog(store)
    if (fromRogue > 0) problems.push(`HQ's log holds ${fromRogue} messages from the rogue device`)
    const expected = stateOfLog(log)
    for (const device of devices) {
      const { sqlite } = device.core.database
      const unsent = sqlite
        .prepare(
          `SELECT seq, hlc, table_name, row_id, column_name, value FROM change_log
           WHERE sent_at IS NULL AND seq NOT IN (SELECT seq FROM sync_rejections)`,
        )
        .all()
      assert.equal(
        unsent.length,
        0,
        `${device.deviceId} has unsent changes at quiet: ${JSON.stringify(unsent)}`,
      )
      const difference = firstDifference(replicaState(device), expected)
      if (difference) {
        counts.divergences++
        problems.push(`laptop ${devices.indexOf(device)} differs from HQ: ${difference}`)
        if (process.env.SYNC_SIM_DEBUG) {
          // The differing fields' history in HQ's log and in this laptop's change log.
          const [table, rowText] = difference.split(' ')
          const row = rowText!.replace(':', '')
          const columns = ['address', 'notes', 'capacity', 'name', 'city', 'province', 'industrial_belt']
          const short = (c: { hlc: string; column_name: string; value: string }) =>
            `${c.column_name}=${c.value}@${c.hlc.slice(11, 23)}-${c.hlc.slice(24, 28)}-${c.hlc.slice(-4)}`
          const field = log
            .filter((c) => c.table_name === table && c.row_id === row && columns.includes(c.column_name))
            .sort((a, b) => (a.hlc < b.hlc ? -1 : 1))
          problems.push(`  HQ's log: ${field.map(short).join(' ')}`)
          const local = sqlite
            .prepare('SELECT hlc, column_name, value FROM change_log WHERE row_id = ? ORDER BY hlc')
            .all(row) as LoggedChange[]
          problems.push(
            `  its change_log: ${local
              .filter((c) => columns.includes(c.column_name))
              .map(short)
              .join(' ')}`,
          )
          problems.push(
            `  nodes: ${devices.map((d, i) => `${i}=${d.core.context.write.clock.node.slice(-4)}`).join(' ')}`,
          )
        }
      }
      const lost = lostChanges(device, log)
      counts.lostWrites += lost.length
      if (lost.length > 0) {
        // What HQ's log holds under the lost change's stamp and field, and what the laptop knows of it.
        const first = lost[0]!
        const inLog = log.filter((c) => c.row_id === first.row_id && c.column_name === first.column_name)
        const local = sqlite
          .prepare('SELECT seq, hlc, value, sent_at FROM change_log WHERE row_id = ? AND column_name = ?')
          .all(first.row_id, first.column_name)
        const refused = sqlite.prepare('SELECT * FROM sync_rejections').all()
        problems.push(
          `${device.deviceId} lost ${lost.length}: ${JSON.stringify(lost)}`,
          `  HQ's log for that field: ${JSON.stringify(inLog)}`,
          `  the laptop's: ${JSON.stringify(local)}; refused: ${JSON.stringify(refused).slice(0, 600)}`,
        )
      }
      const rowsOf = (table: string) =>
        (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
      counts.deleteConflicts += rowsOf('delete_conflicts')
      counts.fieldConflicts += rowsOf('sync_conflicts')
      counts.quarantined += (
        sqlite.prepare('SELECT count(*) AS n FROM sync_quarantine').get() as { n: number }
      ).n
      // Every list and get answers on every laptop (a read never fails on synced data).
      await readEverything(device, world)
    }
    // The newer version's column: kept on its laptop, refused by HQ as unknown, in the log never.
    const newer = devices[NEWER_DEVICE]!.core.database.sqlite
    const kept = newer
      .prepare('SELECT count(*) AS n FROM change_log WHERE column_name = ?')
      .get(NEWER_COLUMN) as {
      n: number
    }
    assert.equal(kept.n, counts.newerColumnWrites, 'the newer laptop lost writes of its own column')
    counts.unknownSchemaRefused = (
      newer.prepare("SELECT count(*) AS n FROM sync_rejections WHERE code = 'unknown_schema'").get() as {
        n: number
      }
    ).n
    assert.equal(
      counts.unknownSchemaRefused,
      counts.newerColumnWrites,
      'HQ refuses the newer column as unknown',
    )
    assert.ok(!log.some((c) => c.column_name === NEWER_COLUMN), "the newer column is in HQ's log")
    counts.worldRefused += world.refused
    counts.creates += world.creates
    counts.worldEdits = world.edits
    counts.deletes = world.deletes
    counts.restores = world.restores
    for (const each of hqs) hqErrors.push(each.errors())
    // Nothing HQ served may have failed inside it, however it was stopped.
    assert.equal(hqErrors.join('').trim(), '', 'HQ had internal errors')
    if (problems.length > 0) console.error(`seed ${seed} (${run}):\n  ${problems.slice(0, 8).join('\n  ')}`)
    assert.equal(counts.rogueRefused, counts.rogueMessages, problems.join('\n'))
    return counts
  } finally {
    for (const device of devices) await device.dispose()
    for (const each of hqs) await each.stop()
  }
}

/** The run's totals, in the words the closing note quotes. */
export function formatTotals(
  /** The backend, and how many HQ processes when more than one. */
  backend: string,
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
    `  buyer's work on every synced table: ${n(total.worldSteps)} steps, creates ${n(total.creates)}, ` +
      `edits ${n(total.worldEdits)}, deletes ${n(total.deletes)}, restores from the Trash ` +
      `${n(total.restores)} (refused for a buyer's reason ${n(total.worldRefused)})`,
    `  rogue device: ${n(total.rogueMessages)} crafted messages, ${n(total.rogueRefused)} refused by HQ, ` +
      `quarantined on laptops ${n(total.quarantined)}; newer version's column: ${n(total.newerColumnWrites)} ` +
      `writes, ${n(total.unknownSchemaRefused)} refused as unknown_schema and kept`,
    `  at quiet: edits of deleted records shown as conflicts ${n(total.deleteConflicts)}, field ` +
      `conflicts ${n(total.fieldConflicts)} (summed over laptops)`,
    `  clocks a day slow and 8 h fast set right mid-run ${n(total.clockCorrections)}; HQ restored from an ` +
      `older copy ${n(total.hqRestores)} (changes re-sent to heal it ${n(total.resent)})`,
  ].join('\n')
}
