import { performance } from 'node:perf_hooks'
import { sql } from 'kysely'
import { createHqStore, hqCall, PG_URL, startStoreHq } from '../../src-hq/testing/test-hq'
import type { Hq } from '../../src-hq/hq'
import { createHttpHqClient, type HqClient } from '../../src-main/core/sync/hq-client'
import { formatHlc, makeHlc } from '../../src-main/core/sync/hlc'
import type { WireMessage } from '../../src-main/core/sync/wire/sync-wire.contract'
import type { BenchRow } from './report'
import { percentile, summarize } from './stats'

/**
 * HQ under many devices (`npm run bench -- hq`), on PostgreSQL (WORKBENCH_BENCH_PG_URL, else
 * WORKBENCH_TEST_PG_URL; a fresh schema): N devices (1, 10, 100, 500), each enrolled for real (code,
 * token) and speaking the real wire through the laptop's HTTP client, push a save of 10 fields and then
 * pull everything after their cursor, all at once, for a few rounds; p50/p95 of push and pull and
 * messages accepted per second, at a log of 10,000, 100,000 and 1,000,000 messages. The log is seeded
 * with one bulk INSERT … SELECT generate_series on PostgreSQL (30 messages a row: 3 fields edited 10
 * times), not through the API, which would take far longer here; field_values is filled from it the way
 * migration 0006 does. Then a new laptop's first sync: the whole snapshot downloaded and checked against
 * the wire contract, beside the whole log pulled page by page the same way (download + check, no apply).
 */

const listOf = (text: string | undefined, fallback: number[]) =>
  text ? text.split(',').map((n) => Number(n.trim())) : fallback
/** HQ_BENCH_DEVICES=1,10 and HQ_BENCH_LOG_SIZES=100000 narrow a run (on a busy machine 500 takes minutes). */
const DEVICES = listOf(process.env.HQ_BENCH_DEVICES, [1, 10, 100, 500])
const LOG_SIZES = listOf(process.env.HQ_BENCH_LOG_SIZES, [10_000, 100_000, 1_000_000])
const COLUMNS = [
  'name',
  'province',
  'city',
  'address',
  'industrial_belt',
  'categories',
  'capacity',
  'status',
  'notes',
  'created_at',
]

interface Device {
  node: string
  client: HqClient
  cursor: number
}

async function enrolDevices(hq: Hq, count: number): Promise<Device[]> {
  const devices: Device[] = []
  for (let i = 0; i < count; i++) {
    const node = (0x1000 + i).toString(16).padStart(16, '0')
    const minted = await hqCall(hq.url, 'admin.codes.create', {}, hq.adminToken)
    const code = (minted.body.value as { code: string }).code
    const reply = await hqCall(hq.url, 'enrol', {
      code,
      deviceName: `bench ${i}`,
      nodeId: node,
      localDeviceId: `laptop-${node}`,
    })
    const token = (reply.body.value as { token: string }).token
    devices.push({
      node,
      client: createHttpHqClient({ baseUrl: hq.url, token, timeoutMs: 120_000 }),
      cursor: 0,
    })
  }
  return devices
}

let saves = 0
/** One new factory's save from this device: 10 fields under one stamp. */
function saveOf(device: Device): WireMessage[] {
  const n = saves++
  const hlc = formatHlc(makeHlc(Date.now(), n % 0xffff, device.node))
  const row = `0190f000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`
  const values: Record<string, string> = {
    name: `晋江恒安纸业 ${n}`,
    province: '福建',
    city: '晋江',
    address: `安海镇工业区 ${n} 号`,
    industrial_belt: '晋江生活用纸',
    categories: '["抽纸","卷纸"]',
    capacity: '日产 30 吨',
    status: 'prospect',
    notes: '',
    created_at: new Date().toISOString(),
  }
  return COLUMNS.map((column) => ({
    hlc,
    table: 'factories',
    row,
    column,
    value: JSON.stringify(values[column]),
    device: `laptop-${device.node}`,
  }))
}

/** Grows the log to `size` messages with one INSERT … SELECT, and its current values with it. */
async function seedLog(hq: Hq, size: number): Promise<number> {
  const db = hq.database.db
  const from = Number(
    (await db.selectFrom('counters').select('value').where('name', '=', 'messages').executeTakeFirstOrThrow())
      .value,
  )
  if (from >= size) return 0
  const started = performance.now()
  await sql`
    INSERT INTO messages (seq, hlc, table_name, row_id, column_name, value, node_id, origin_device, device_id, received_at, base_hlc, seen_seq)
    SELECT g,
      to_char(timestamp '2026-01-01' + g * interval '1 millisecond', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '-0000-00000000000000a1',
      'factories', 'seed-' || ((g - 1) / 30), (ARRAY['name', 'city', 'notes'])[((g - 1) % 3) + 1],
      '"seeded value ' || g || '"', '00000000000000a1', 'laptop-seed', 'seed', '2026-01-01T00:00:00.000Z', NULL, 0
    FROM generate_series(${from + 1}::bigint, ${size}::bigint) AS g`.execute(db)
  await sql`
    INSERT INTO field_values (table_name, row_id, column_name, seq, hlc, value, origin_device, base_hlc, seen_seq)
    SELECT DISTINCT ON (table_name, row_id, column_name) table_name, row_id, column_name, seq, hlc, value, origin_device, base_hlc, seen_seq
    FROM messages WHERE seq > ${from} AND node_id = '00000000000000a1'
    ORDER BY table_name, row_id, column_name, hlc DESC
    ON CONFLICT (table_name, row_id, column_name) DO UPDATE SET seq = excluded.seq, hlc = excluded.hlc, value = excluded.value
    WHERE excluded.hlc > field_values.hlc`.execute(db)
  await db.updateTable('counters').set({ value: size }).where('name', '=', 'messages').execute()
  await sql`ANALYZE`.execute(db)
  return performance.now() - started
}

interface Load {
  devices: number
  push: number[]
  pull: number[]
  accepted: number
  wallMs: number
}

/** Every device at once: push a save, then pull to the end of the log, `rounds` times. */
async function load(devices: Device[], rounds: number, logEnd: number): Promise<Load> {
  const push: number[] = []
  const pull: number[] = []
  let accepted = 0
  for (const d of devices) d.cursor = logEnd
  const started = performance.now()
  await Promise.all(
    devices.map(async (device) => {
      for (let r = 0; r < rounds; r++) {
        let t = performance.now()
        const pushed = await device.client.push({ messages: saveOf(device), seen: device.cursor })
        push.push(performance.now() - t)
        if (pushed.rejected.length > 0) throw new Error(`push refused: ${pushed.rejected[0]!.message}`)
        accepted += pushed.accepted
        for (let more = true; more; ) {
          t = performance.now()
          const page = await device.client.pull({ after: device.cursor, limit: 5000 })
          pull.push(performance.now() - t)
          device.cursor = page.cursor
          more = page.more
        }
      }
    }),
  )
  return { devices: devices.length, push, pull, accepted, wallMs: performance.now() - started }
}

/** A new laptop's first download: the snapshot, and the whole log page by page. */
async function firstSync(
  client: HqClient,
): Promise<{ snapshotMs: number; fields: number; logMs: number; messages: number }> {
  let t = performance.now()
  const stream = await client.snapshot()
  let fields = 0
  for await (const chunk of stream.chunks) fields += chunk.length
  const snapshotMs = performance.now() - t
  t = performance.now()
  let messages = 0
  for (let after = 0, more = true; more; ) {
    const page = await client.pull({ after, limit: 5000 })
    messages += page.messages.length
    after = page.cursor
    more = page.more
  }
  return { snapshotMs, fields, logMs: performance.now() - t, messages }
}

const ms = (v: number) => (v < 10 ? v.toFixed(1) : v.toFixed(0))

export async function benchHq(): Promise<BenchRow[]> {
  const url = process.env.WORKBENCH_BENCH_PG_URL ?? PG_URL
  if (!url) {
    return [
      {
        what: 'HQ load (PostgreSQL)',
        value: null,
        baselineWhat: '-',
        baseline: null,
        target: null,
        unit: 'ms',
        note: 'skipped: set WORKBENCH_BENCH_PG_URL or WORKBENCH_TEST_PG_URL',
      },
    ]
  }
  process.env.WORKBENCH_TEST_PG_URL = url
  const store = await createHqStore('postgres')
  const hq = await startStoreHq(store, {
    rateLimit: { max: 1_000_000_000, windowMs: 60_000 },
    enrolRateLimit: { max: 1_000_000_000, windowMs: 60_000 },
  })
  const rows: BenchRow[] = []
  const table: string[] = [
    '| log | devices | push p50 / p95 ms | pull p50 / p95 ms | msgs/s accepted | first sync: snapshot / log |',
    '|---|---|---|---|---|---|',
  ]
  try {
    console.log(`  enrolling ${Math.max(...DEVICES)} devices (real codes and tokens) ...`)
    const all = await enrolDevices(hq, Math.max(...DEVICES) + 1)
    const newcomer = all.pop()!
    for (const size of LOG_SIZES) {
      const seeded = await seedLog(hq, size)
      console.log(
        `  log at ${size.toLocaleString('en')} messages (bulk SQL seed ${(seeded / 1000).toFixed(1)} s)`,
      )
      const first = await firstSync(newcomer.client)
      let push100: Load | null = null
      let push1: Load | null = null
      for (const n of DEVICES) {
        const counter = Number(
          (
            await hq.database.db
              .selectFrom('counters')
              .select('value')
              .where('name', '=', 'messages')
              .executeTakeFirstOrThrow()
          ).value,
        )
        const result = await load(all.slice(0, n), Math.max(2, Math.ceil(100 / n)), counter)
        if (n === 100) push100 = result
        if (n === 1) push1 = result
        table.push(
          `| ${size.toLocaleString('en')} | ${n} | ${ms(percentile(result.push, 50))} / ${ms(percentile(result.push, 95))} | ` +
            `${ms(percentile(result.pull, 50))} / ${ms(percentile(result.pull, 95))} | ` +
            `${Math.round(result.accepted / (result.wallMs / 1000)).toLocaleString('en')} | ` +
            (n === 1
              ? `${ms(first.snapshotMs)} ms (${first.fields.toLocaleString('en')} fields) / ${ms(first.logMs)} ms (${first.messages.toLocaleString('en')} msgs)`
              : '') +
            ' |',
        )
        console.log(table.at(-1))
      }
      if (push100 && push1) {
        rows.push({
          what: `HQ on PostgreSQL, 100 devices pushing at once (log ${size.toLocaleString('en')})`,
          value: summarize(push100.push),
          baselineWhat: '1 device pushing alone',
          baseline: summarize(push1.push),
          target: 500,
          unit: 'ms',
          note: `${Math.round(push100.accepted / (push100.wallMs / 1000))} msgs/s accepted; pull p95 ${ms(percentile(push100.pull, 95))} ms`,
        })
      }
      rows.push({
        what: `first sync of a new laptop by snapshot (log ${size.toLocaleString('en')})`,
        value: summarize([first.snapshotMs]),
        baselineWhat: 'the whole log, page by page',
        baseline: summarize([first.logMs]),
        target: size === 100_000 ? 5000 : null,
        unit: 'ms',
        note: `download + contract check, no apply; ${first.fields} fields vs ${first.messages} messages`,
      })
    }
  } finally {
    await hq.close()
    await store.dispose()
  }
  console.log('')
  console.log(table.join('\n'))
  return rows
}
