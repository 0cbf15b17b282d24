import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { formatHlc, makeHlc } from '../src-main/core/sync/hlc'
import { checkMessage, SYNCED_TABLES } from '../src-main/core/sync/synced-tables'
import { filesUnder } from '../test/integration/support/files-under'
import type { Hq } from './hq'
import { createHqStore, hqBackends, hqCall, startStoreHq, type HqStore } from './testing/test-hq'

/**
 * Malformed payloads against every HQ route, with and without valid tokens: HQ never answers 5xx, never
 * crashes, and a refused request writes nothing.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 100)
const NODE = '00000000000000f7'

const junk = fc.oneof(
  fc.anything(),
  fc.jsonValue(),
  fc.string(),
  fc.constantFrom(
    '',
    'null',
    '[]',
    '{',
    '{"messages":',
    '\u0000',
    '{"__proto__":{"x":1}}',
    'x'.repeat(100_000),
  ),
)

describe.each(hqBackends())('HQ fuzz on %s', (backend) => {
  let store: HqStore
  let hq: Hq
  let token: string

  beforeAll(async () => {
    store = await createHqStore(backend)
    hq = await startStoreHq(store, {
      rateLimit: { max: 1_000_000, windowMs: 60_000 },
      enrolRateLimit: { max: 1_000_000, windowMs: 60_000 },
    })
    const reply = await hqCall(hq.url, 'enrol', {
      code: hq.firstCode!.code,
      deviceName: 'fuzz',
      nodeId: NODE,
    })
    token = (reply.body.value as { token: string }).token
  })
  afterAll(async () => {
    await hq?.close()
    await store?.dispose()
  })

  async function counts(): Promise<number[]> {
    const db = hq.database.db
    const n = async (table: 'messages' | 'devices' | 'enrolment_codes') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      )
    return [await n('messages'), await n('devices'), await n('enrolment_codes')]
  }

  const valid = () => ({
    hlc: formatHlc(makeHlc(Date.now() - 1000, 0, NODE)),
    table: 'samples',
    row: '01937a9e-2f4b-7c3d-8e5f-6a7b8c9d0e1f',
    column: 'name',
    value: '"样品"',
    device: 'fuzz-laptop',
  })
  const brokenMessage = fc
    .tuple(fc.constantFrom('hlc', 'table', 'row', 'column', 'value', 'device', 'extra'), fc.anything())
    .map(([key, bad]) => ({ messages: [valid(), { ...valid(), [key]: bad }] }))

  it.each([
    'health',
    'enrol',
    'push',
    'pull',
    'photos.missing',
    'admin.codes.create',
    'admin.devices.revoke',
    'nope',
  ])('%s survives malformed payloads', async (route) => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(junk, brokenMessage),
        fc.constantFrom<string | undefined>(undefined, 'device', 'admin', 'garbage-token-xxxxxxxxxxxxxxxxx'),
        async (payload, who) => {
          const before = await counts()
          const auth = who === 'device' ? token : who === 'admin' ? hq.adminToken : who
          const body = typeof payload === 'string' ? payload : (JSON.stringify(payload) ?? '')
          const reply = await hqCall(hq.url, route, body, auth)
          expect(reply.status, JSON.stringify(reply.body)).toBeLessThan(500)
          expect(typeof reply.body.ok).toBe('boolean')
          if (reply.status !== 200) expect(await counts()).toEqual(before)
        },
      ),
      { numRuns: RUNS },
    )
  })

  it('stores only what a local save could have written, from pushes of well-formed messages with any values', async () => {
    const ids = [
      '01937a9e-2f4b-7c3d-8e5f-6a7b8c9d0e01',
      '01937a9e-2f4b-7c3d-8e5f-6a7b8c9d0e02',
      'x',
      '../../a',
    ]
    let counter = 0
    const message = fc.record({
      table: fc.constantFrom(...Object.keys(SYNCED_TABLES), 'no_such_table', 'meta', 'change_log'),
      row: fc.oneof(fc.constantFrom(...ids), fc.string({ maxLength: 20 }), fc.constant('a'.repeat(64))),
      column: fc.constantFrom(
        'name',
        'status',
        'contacts',
        'tiers',
        'notes',
        'deleted_at',
        'width',
        'evil_column',
      ),
      value: fc.oneof(
        fc.json(),
        fc.jsonValue().map((v) => JSON.stringify(JSON.stringify(v))),
        fc.constantFrom(
          '"qualified"',
          '"hacked"',
          '"[]"',
          '"not json"',
          '"a\\u0000b"',
          '1e309',
          'null',
          '12',
        ),
      ),
    })
    await fc.assert(
      fc.asyncProperty(
        fc.array(message, { minLength: 1, maxLength: 10 }),
        fc.boolean(),
        async (drafts, oneSave) => {
          const stamp = formatHlc(makeHlc(Date.now() - 1000, counter++ % 60000, NODE))
          const messages = drafts.map((d) => ({
            ...d,
            hlc: oneSave ? stamp : formatHlc(makeHlc(Date.now() - 1000, counter++ % 60000, NODE)),
            device: 'fuzz-laptop',
          }))
          const reply = await hqCall(hq.url, 'push', { messages }, token)
          expect(reply.status, JSON.stringify(reply.body)).toBeLessThan(500)
          const stored = await hq.database.db.selectFrom('messages').selectAll().execute()
          for (const m of stored) {
            const verdict = checkMessage({
              table: m.table_name,
              row: m.row_id,
              column: m.column_name,
              value: m.value,
            })
            expect(verdict.kind, JSON.stringify(m)).toBe('ok')
          }
        },
      ),
      { numRuns: RUNS },
    )
  })

  it('photo blob routes survive malformed names and bodies, and store nothing unverified', async () => {
    const name = fc.oneof(
      fc.string(),
      fc.stringMatching(/^[0-9a-f]{64}$/),
      fc.constantFrom('', '..%2F..%2Fadmin-token', '%00', 'A'.repeat(64), '0'.repeat(65)),
    )
    await fc.assert(
      fc.asyncProperty(
        name,
        fc.oneof(
          fc.uint8Array({ maxLength: 4096 }),
          fc.string().map((s) => new TextEncoder().encode(s)),
        ),
        fc.constantFrom('PUT', 'GET', 'POST', 'DELETE'),
        fc.constantFrom<string | undefined>(undefined, 'device', 'garbage-token-xxxxxxxxxxxxxxxxx'),
        async (blob, body, method, who) => {
          const auth = who === 'device' ? token : who
          const reply = await fetch(`${hq.url}/blobs/${blob}`, {
            method,
            headers: auth ? { authorization: `Bearer ${auth}` } : {},
            body: method === 'GET' ? undefined : new Uint8Array(body),
          })
          expect(reply.status, await reply.text()).toBeLessThan(500)
          expect(filesUnder(join(store.dataDir, 'blobs'))).toEqual([])
        },
      ),
      { numRuns: RUNS },
    )
  })
})
