import fc from 'fast-check'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LoggedMessage } from './wire/sync-wire.contract'
import { createTempCore, type TempCore } from '../../../test/integration/support/temp-core'
import { applyPage } from './apply'
import { formatHlc, makeHlc } from './hlc'
import { createHttpHqClient } from './hq-client'
import { syncDepsOf } from '../../../test/sync-harness/sync-device'
import { syncNow } from './sync.service'
import { readSetting, SETTING } from './sync.settings'

/**
 * The laptop's side of the wire under junk: whatever HQ (or something posing as HQ) sends, sync reports
 * a failure instead of crashing, and a page of messages the laptop cannot use writes nothing but the
 * cursor. The HQ side has its own fuzz test (src-hq/hq.fuzz.test.ts).
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 60)
const NODE = '0000000000000abc'

/**
 * Every table's row count and the change log's: what a refused or useless page must not move (it may
 * only hold its messages in the quarantine or the parking: see held()).
 */
function counts(core: TempCore): Record<string, number> {
  const { sqlite } = core.database
  const tables = sqlite
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
       AND name NOT IN ('meta', 'sync_quarantine', 'sync_parked')`,
    )
    .all() as { name: string }[]
  return Object.fromEntries(
    tables.map(({ name }) => [
      name,
      (sqlite.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n,
    ]),
  )
}

/** Messages kept in the quarantine and the parking. */
function held(core: TempCore): number {
  const count = (table: string) =>
    (core.database.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
  return count('sync_quarantine') + count('sync_parked')
}

function healthy(core: TempCore): void {
  const { sqlite } = core.database
  expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
  expect(sqlite.pragma('foreign_key_check')).toEqual([])
}

describe('the laptop’s apply path under fuzzed pages', () => {
  let core: TempCore
  let seq = 0
  const hlcAt = (offsetMs: number, counter: number) =>
    formatHlc(makeHlc(Date.now() - 60_000 + offsetMs, counter, NODE))

  beforeAll(async () => {
    core = await createTempCore()
  })
  afterAll(() => core?.dispose())

  const ctx = () => ({ db: core.context.db, clock: core.context.write.clock, now: core.context.write.now })

  /** A message for a table, column or value this laptop cannot take. */
  const useless = fc.oneof(
    // A table the laptop does not sync (or does not have).
    fc.record({
      table: fc.constantFrom('meta', 'change_log', 'sync_conflicts', 'sqlite_master', 'users', 'x'),
      column: fc.constantFrom('value', 'name', 'key'),
      value: fc.json(),
    }),
    // A column the table does not have, or its id.
    fc.record({
      table: fc.constantFrom('factories', 'samples', 'quotes', 'photos'),
      column: fc.constantFrom('id', 'password', 'no_such_column', 'rowid_'),
      value: fc.json(),
    }),
    // A value that is not JSON at all.
    fc.record({
      table: fc.constantFrom('factories', 'samples'),
      column: fc.constantFrom('name', 'notes'),
      value: fc.string().filter((s) => {
        try {
          JSON.parse(s)
          return false
        } catch {
          return true
        }
      }),
    }),
  )

  it('a page of messages it cannot use writes nothing but the cursor, and keeps every message', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(useless, { minLength: 1, maxLength: 20 }), fc.nat(999), async (junk, ms) => {
        const before = counts(core)
        const heldBefore = held(core)
        const messages: LoggedMessage[] = junk.map((m, i) => ({
          ...m,
          seq: ++seq,
          // A fresh HLC per message: a message held once is not held twice (one entry per message).
          hlc: hlcAt(ms, (seq % 60_000) + 200),
          row: `row-${i}`,
          device: 'fuzz-device',
          base: null,
        }))
        const result = await applyPage(ctx(), messages, seq)
        expect(result.skipped).toBe(messages.length)
        expect(result.quarantined + result.parked).toBe(messages.length)
        expect(counts(core)).toEqual(before)
        // Nothing is lost behind the cursor: each message is quarantined or parked.
        expect(held(core)).toBe(heldBefore + messages.length)
        expect(Number(await readSetting(core.context.db, SETTING.cursor))).toBe(seq)
      }),
      { numRuns: RUNS },
    )
    healthy(core)
  })

  it('any value for a real column of a synced table leaves a consistent database, and again changes nothing', async () => {
    const message = fc.record({
      table: fc.constantFrom('factories', 'samples', 'quotes', 'visits', 'photo_links', 'skus'),
      column: fc.constantFrom(
        'name',
        'notes',
        'status',
        'deleted_at',
        'updated_at',
        'capacity',
        'sort_order',
      ),
      row: fc.constantFrom('a', 'b', '01a212a3-8f1a-7310-82bd-7e3c5bf80d80'),
      value: fc.oneof(fc.json(), fc.constant('null'), fc.constant('"\\u0000"'), fc.constant('1e309')),
    })
    await fc.assert(
      fc.asyncProperty(fc.array(message, { minLength: 1, maxLength: 15 }), fc.nat(999), async (page, ms) => {
        const messages: LoggedMessage[] = page.map((m, i) => ({
          ...m,
          seq: ++seq,
          hlc: hlcAt(ms, 100 + i),
          device: 'fuzz-device',
          base: null,
        }))
        await applyPage(ctx(), messages, seq)
        const after = counts(core)
        // The same page again (a repeated pull) is recognised and changes nothing.
        const again = await applyPage(
          ctx(),
          messages.map((m) => ({ ...m, seq: m.seq })),
          seq,
        )
        expect(again.received).toBe(0)
        expect(counts(core)).toEqual(after)
      }),
      { numRuns: RUNS },
    )
    healthy(core)
  })
})

describe('the laptop’s sync against an HQ that answers junk', () => {
  let core: TempCore
  let server: Server
  let reply: { status: number; body: string } = { status: 200, body: '{}' }

  beforeAll(async () => {
    core = await createTempCore()
    server = createServer((req, res) => {
      req.resume()
      req.on('end', () => {
        res.writeHead(reply.status, { 'content-type': 'application/json' })
        res.end(reply.body)
      })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  })
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()))
    await core?.dispose()
  })

  it('reports a failed sync, never throws, and writes nothing', async () => {
    const port = (server.address() as AddressInfo).port
    const client = createHttpHqClient({ baseUrl: `http://127.0.0.1:${port}`, token: 'x'.repeat(40) })
    const body = fc.oneof(
      fc.json(),
      fc.string(),
      fc.jsonValue().map((value) => JSON.stringify({ ok: true, value })),
      fc
        .record({
          messages: fc.array(fc.anything(), { maxLength: 3 }),
          cursor: fc.oneof(fc.string(), fc.constant(-1), fc.constant(null), fc.constant(1.5)),
          more: fc.boolean(),
        })
        .map((value) => JSON.stringify({ ok: true, value })),
      fc.jsonValue().map((error) => JSON.stringify({ ok: false, error })),
    )
    await fc.assert(
      fc.asyncProperty(
        body,
        fc.constantFrom(200, 400, 401, 409, 413, 429, 500, 502),
        async (text, status) => {
          reply = { status, body: text }
          const before = counts(core)
          const report = await syncNow({ ...syncDepsOf(core), client })
          expect(report.outcome).not.toBe('ok')
          expect(counts(core)).toEqual(before)
        },
      ),
      { numRuns: RUNS },
    )
    healthy(core)
  })
})
