import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { v5 as uuidv5 } from 'uuid'
import { formatHlc, makeHlc } from '../src-main/core/sync/hlc'
import { SYNC_SCHEMA_VERSION } from '../src-main/core/sync/synced-tables'
import type { Hq } from './hq'
import { MAX_BATCH_BYTES, type WireMessage } from './hq.contract'
import { countMessages } from './messages.repository'
import { createHqStore, hqBackends, hqCall, startStoreHq, type HqStore } from './testing/test-hq'

const NODE_A = '00000000000000a1'
const NODE_B = '00000000000000b2'

/** A row id for a label: HQ takes only the ids a local save makes (UUIDs). */
const rowId = (label: string) => uuidv5(label, '6ba7b811-9dad-11d1-80b4-00c04fd430c8')

function message(node: string, millis: number, overrides: Partial<WireMessage> = {}): WireMessage {
  return {
    hlc: formatHlc(makeHlc(millis, 0, node)),
    table: 'factories',
    column: 'name',
    value: JSON.stringify('晋江纸业'),
    device: `device-${node}`,
    ...overrides,
    row: rowId(overrides.row ?? 'row-1'),
  }
}

describe.each(hqBackends())('HQ on %s', (backend) => {
  let store: HqStore
  let hq: Hq
  let clockMs = Date.now()
  const now = () => new Date(clockMs)

  beforeAll(async () => {
    store = await createHqStore(backend)
    hq = await startStoreHq(store, { now, enrolRateLimit: { max: 1000, windowMs: 60_000 } })
  })
  afterAll(async () => {
    await hq?.close()
    await store?.dispose()
  })

  async function mintCode(): Promise<string> {
    const minted = await hqCall(hq.url, 'admin.codes.create', {}, hq.adminToken)
    expect(minted.status).toBe(200)
    return (minted.body.value as { code: string }).code
  }

  async function enrolDevice(
    nodeId: string,
    name = 'Buyer laptop',
  ): Promise<{ deviceId: string; token: string }> {
    const reply = await hqCall(hq.url, 'enrol', { code: await mintCode(), deviceName: name, nodeId })
    expect(reply.status).toBe(200)
    return reply.body.value as { deviceId: string; token: string }
  }

  it('mints a first enrolment code on the first start and answers health without a token', async () => {
    expect(hq.firstCode?.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/)
    const health = await hqCall(hq.url, 'health', {})
    expect(health.status).toBe(200)
    expect(health.body.value).toMatchObject({ ok: true, database: backend })
  })

  it('enrols with a good code once; a wrong, reused or expired code is refused', async () => {
    const code = await mintCode()
    const wrong = await hqCall(hq.url, 'enrol', { code: 'ZZZZ-ZZZZ-ZZZZ', deviceName: 'x', nodeId: NODE_A })
    expect(wrong.status).toBe(403)
    expect(wrong.body.error?.code).toBe('enrolment_invalid')
    // Lower case and without dashes is the same code.
    const ok = await hqCall(hq.url, 'enrol', {
      code: code.replace(/-/g, '').toLowerCase(),
      deviceName: '李工的笔记本',
      nodeId: '00000000000000e1',
    })
    expect(ok.status).toBe(200)
    expect(ok.body.value).toMatchObject({ deviceId: expect.any(String), token: expect.any(String) })
    const again = await hqCall(hq.url, 'enrol', { code, deviceName: 'again', nodeId: '00000000000000e2' })
    expect(again.body.error?.code).toBe('enrolment_invalid')

    const late = await mintCode()
    clockMs += 10 * 60 * 1000 + 1
    const expired = await hqCall(hq.url, 'enrol', {
      code: late,
      deviceName: 'late',
      nodeId: '00000000000000e3',
    })
    expect(expired.status).toBe(403)
    expect(expired.body.error?.code).toBe('enrolment_expired')
  })

  it('kills a code after 5 wrong guesses, even if the 6th is right', async () => {
    const code = await mintCode()
    const wrongTail = code.endsWith('0') ? '1' : '0'
    const guess = code.slice(0, -1) + wrongTail
    for (let i = 0; i < 5; i++) {
      const reply = await hqCall(hq.url, 'enrol', {
        code: guess,
        deviceName: 'guesser',
        nodeId: '00000000000000f1',
      })
      expect(reply.body.error?.code).toBe('enrolment_invalid')
    }
    const right = await hqCall(hq.url, 'enrol', { code, deviceName: 'owner', nodeId: '00000000000000f1' })
    expect(right.status).toBe(403)
    expect(right.body.error?.code).toBe('enrolment_exhausted')
  })

  it('answers 401 on every route but health and enrol without a valid token, and after revocation', async () => {
    for (const route of ['push', 'pull', 'admin.codes.create', 'admin.devices.list', 'no.such.route']) {
      for (const token of [undefined, 'not-a-real-token-but-long-enough-000']) {
        const reply = await hqCall(hq.url, route, { messages: [], after: 0 }, token)
        expect(reply.status, `${route} with ${token ?? 'no token'}`).toBe(401)
      }
    }
    const device = await enrolDevice('00000000000000c3')
    // A device token does not open the admin routes.
    expect((await hqCall(hq.url, 'admin.devices.list', {}, device.token)).status).toBe(401)
    expect((await hqCall(hq.url, 'pull', { after: 0 }, device.token)).status).toBe(200)
    const revoked = await hqCall(hq.url, 'admin.devices.revoke', { deviceId: device.deviceId }, hq.adminToken)
    expect(revoked.body.value).toEqual({ revoked: true })
    expect((await hqCall(hq.url, 'pull', { after: 0 }, device.token)).status).toBe(401)
  })

  it('appends pushed messages once, pages them in order, and takes a re-push as a no-op', async () => {
    const device = await enrolDevice(NODE_A)
    const before = await countMessages(hq.database.db)
    const batch = [0, 1, 2].map((i) => message(NODE_A, clockMs - 1000 + i, { row: `push-${i}` }))
    const first = await hqCall(hq.url, 'push', { messages: batch }, device.token)
    // Every reply carries HQ's time, which laptops measure their clocks by, and its schema version.
    const time = now().toISOString()
    const schemaVersion = SYNC_SCHEMA_VERSION
    // And where the batch's highest message lies in the log: new, or held before (a re-push).
    const acked = { seq: before + 3, hlc: batch[2]!.hlc, at: time }
    expect(first.body.value).toEqual({ accepted: 3, duplicates: 0, rejected: [], time, schemaVersion, acked })
    const again = await hqCall(hq.url, 'push', { messages: batch }, device.token)
    expect(again.body.value).toEqual({ accepted: 0, duplicates: 3, rejected: [], time, schemaVersion, acked })
    expect(await countMessages(hq.database.db)).toBe(before + 3)

    const seen: string[] = []
    let cursor = 0
    for (;;) {
      const page = await hqCall(hq.url, 'pull', { after: cursor, limit: 2 }, device.token)
      const value = page.body.value as {
        messages: { seq: number; row: string }[]
        cursor: number
        more: boolean
        time: string
      }
      expect(value.time).toBe(now().toISOString())
      for (const m of value.messages) expect(m.seq).toBeGreaterThan(cursor)
      seen.push(...value.messages.map((m) => m.row))
      cursor = value.cursor
      if (!value.more) break
    }
    const pushed = [0, 1, 2].map((i) => rowId(`push-${i}`))
    expect(seen.filter((r) => pushed.includes(r))).toEqual(pushed)
  })

  it('refuses a spoofed node id and HQ-owned tables per message, and the rest of the batch goes in', async () => {
    const device = await enrolDevice(NODE_B)
    const before = await countMessages(hq.database.db)
    const reply = await hqCall(
      hq.url,
      'push',
      {
        messages: [
          message(NODE_A, clockMs, { row: 'spoofed' }),
          message(NODE_B, clockMs, { table: 'skus', row: 'sku-1' }),
          message(NODE_B, clockMs, { table: 'benchmarks', row: 'bm-1' }),
          message(NODE_B, clockMs, { row: 'honest' }),
        ],
      },
      device.token,
    )
    expect(reply.status).toBe(200)
    const value = reply.body.value as { accepted: number; rejected: { index: number; code: string }[] }
    expect(value.accepted).toBe(1)
    expect(value.rejected.map((r) => [r.index, r.code])).toEqual([
      [0, 'node_mismatch'],
      [1, 'hq_owned_table'],
      [2, 'hq_owned_table'],
    ])
    expect(await countMessages(hq.database.db)).toBe(before + 1)
  })

  it('refuses an oversized message on its own, a body over 1 MiB with 413, and a runaway clock whole', async () => {
    const device = await enrolDevice('00000000000000d4')
    const before = await countMessages(hq.database.db)
    const big = message('00000000000000d4', clockMs, {
      row: 'big',
      value: JSON.stringify('纸'.repeat(100_000)),
    })
    const small = message('00000000000000d4', clockMs, { row: 'small' })
    const mixed = await hqCall(hq.url, 'push', { messages: [big, small] }, device.token)
    expect(mixed.body.value).toEqual({
      accepted: 1,
      duplicates: 0,
      rejected: [{ index: 0, code: 'message_too_large', message: expect.any(String) }],
      time: now().toISOString(),
      schemaVersion: SYNC_SCHEMA_VERSION,
      acked: { seq: before + 1, hlc: small.hlc, at: now().toISOString() },
    })

    const huge = JSON.stringify({
      messages: [message('00000000000000d4', clockMs, { value: 'x'.repeat(MAX_BATCH_BYTES) })],
    })
    const tooLarge = await hqCall(hq.url, 'push', huge, device.token)
    expect(tooLarge.status).toBe(413)

    const ahead = message('00000000000000d4', clockMs + 60 * 60 * 1000, { row: 'future' })
    const drift = await hqCall(hq.url, 'push', { messages: [small, ahead] }, device.token)
    expect(drift.status).toBe(409)
    expect(drift.body.error?.code).toBe('clock_drift')
    expect(await countMessages(hq.database.db)).toBe(before + 1)
  })

  it('lets cursor readers miss and repeat nothing while 16 devices push at once', async () => {
    const writers = await Promise.all(
      Array.from({ length: 16 }, (_, w) => enrolDevice(`000000000000${(0x1000 + w).toString(16)}`)),
    )
    const start = (await hqCall(hq.url, 'pull', { after: 0, limit: 5000 }, writers[0]!.token)).body.value as {
      cursor: number
    }
    let done = false
    const seen: number[] = []
    const reader = (async () => {
      let cursor = start.cursor
      for (;;) {
        const finished = done
        const page = (await hqCall(hq.url, 'pull', { after: cursor, limit: 37 }, writers[0]!.token)).body
          .value as { messages: { seq: number }[]; cursor: number; more: boolean }
        seen.push(...page.messages.map((m) => m.seq))
        cursor = page.cursor
        if (finished && !page.more) return
      }
    })()
    await Promise.all(
      writers.map(async (writer, w) => {
        const node = `000000000000${(0x1000 + w).toString(16)}`
        for (let b = 0; b < 10; b++) {
          const messages = Array.from({ length: 5 }, (_, i) =>
            message(node, clockMs - 5000, {
              hlc: formatHlc(makeHlc(clockMs - 5000 + b, i, node)),
              row: `w${w}-${b}-${i}`,
            }),
          )
          expect((await hqCall(hq.url, 'push', { messages }, writer.token)).status).toBe(200)
        }
      }),
    )
    done = true
    await reader
    expect(seen.length).toBe(16 * 10 * 5)
    expect(new Set(seen).size).toBe(seen.length)
    // Sequences come in order with no holes: a reader never stepped past a row still to commit.
    expect(seen).toEqual(Array.from({ length: seen.length }, (_, i) => start.cursor + i + 1))
  })

  it('refuses a second live device on the same node id', async () => {
    await enrolDevice('00000000000000aa')
    const reply = await hqCall(hq.url, 'enrol', {
      code: await mintCode(),
      deviceName: 'clone',
      nodeId: '00000000000000aa',
    })
    expect(reply.status).toBe(409)
    expect(reply.body.error?.code).toBe('node_taken')
  })

  it('starts on its own fresh store while another HQ runs beside it in the same database', async () => {
    const neighbour = await createHqStore(backend)
    try {
      const second = await startStoreHq(neighbour)
      try {
        const reply = await hqCall(second.url, 'admin.codes.create', {}, second.adminToken)
        expect(reply.status).toBe(200)
        expect(second.firstCode).toBeDefined()
      } finally {
        await second.close()
      }
    } finally {
      await neighbour.dispose()
    }
  })
})

describe('HQ rate limit', () => {
  it('answers 429 once a client passes its limit', async () => {
    const store = await createHqStore('sqlite')
    const hq = await startStoreHq(store, { rateLimit: { max: 5, windowMs: 60_000 } })
    try {
      const statuses: number[] = []
      for (let i = 0; i < 7; i++) statuses.push((await hqCall(hq.url, 'health', {})).status)
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429])
    } finally {
      await hq.close()
      await store.dispose()
    }
  })
})
