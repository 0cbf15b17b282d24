import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib'
import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { v7 as uuidv7 } from 'uuid'
import { formatHlc, makeHlc } from '../src-main/core/sync/hlc'
import { FACTORY_DEFAULTS } from '../test/sync-harness/sync-device'
import type { Hq } from './hq'
import { MAX_BATCH_BYTES, MAX_PULL_BYTES, type LoggedMessage, type WireMessage } from './hq.contract'
import { countMessages } from './messages.repository'
import { createHqStore, hqBackends, hqCall, startStoreHq, type HqStore } from './testing/test-hq'

/** The wire as HQ serves it: compression both ways, zip bombs, byte-capped pages of whole saves, device checks. */

interface RawReply {
  status: number
  headers: Record<string, string | string[] | undefined>
  /** The bytes as they came over the socket (compressed when HQ compressed them). */
  raw: Buffer
}

/** One POST over node:http, which (unlike fetch) shows the bytes as sent. */
function rawPost(
  url: string,
  path: string,
  body: Buffer,
  headers: Record<string, string>,
): Promise<RawReply> {
  return new Promise((resolvePost, reject) => {
    const req = request(`${url}${path}`, { method: 'POST', headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () =>
        resolvePost({ status: res.statusCode!, headers: res.headers, raw: Buffer.concat(chunks) }),
      )
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end(body)
  })
}

function decoded(reply: RawReply): unknown {
  const encoding = reply.headers['content-encoding']
  const bytes =
    encoding === 'br'
      ? brotliDecompressSync(reply.raw)
      : encoding === 'gzip'
        ? gunzipSync(reply.raw)
        : reply.raw
  return JSON.parse(bytes.toString('utf8'))
}

/** A new factory as the write path stamps it: its 17 columns under one timestamp (`fields` of them). */
function save(node: string, millis: number, _row: string, fields = 17, notes = '初访'): WireMessage[] {
  const at = new Date(millis).toISOString()
  const row = uuidv7()
  const columns = Object.entries({
    ...FACTORY_DEFAULTS,
    name: `晋江纸业 ${_row}`,
    notes,
    created_at: at,
    updated_at: at,
    deleted_at: null,
  }).slice(0, fields)
  return columns.map(([column, value]) => ({
    hlc: formatHlc(makeHlc(millis, 0, node)),
    table: 'factories',
    row,
    column,
    value: JSON.stringify(value),
    device: `device-${node}`,
  }))
}

describe.each(hqBackends())('the wire on HQ on %s', (backend) => {
  let store: HqStore
  let hq: Hq
  const t0 = Date.now() - 60_000
  let nodes = 0x100

  beforeAll(async () => {
    store = await createHqStore(backend)
    hq = await startStoreHq(store, { enrolRateLimit: { max: 1000, windowMs: 60_000 } })
  })
  afterAll(async () => {
    await hq?.close()
    await store?.dispose()
  })

  async function enrolDevice(extra: Record<string, string> = {}) {
    const node = (nodes++).toString(16).padStart(16, '0')
    const code = (await hqCall(hq.url, 'admin.codes.create', {}, hq.adminToken)).body.value as {
      code: string
    }
    const reply = await hqCall(hq.url, 'enrol', {
      code: code.code,
      deviceName: 'laptop',
      nodeId: node,
      ...extra,
    })
    expect(reply.status).toBe(200)
    return { node, ...(reply.body.value as { deviceId: string; token: string; hqId: string }) }
  }

  const auth = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' })

  async function pullAll(token: string, limit: number, after = 0) {
    const pages: LoggedMessage[][] = []
    for (;;) {
      const reply = await hqCall(hq.url, 'pull', { after, limit }, token)
      expect(reply.status).toBe(200)
      const page = reply.body.value as { messages: LoggedMessage[]; cursor: number; more: boolean }
      if (page.messages.length > 0) pages.push(page.messages)
      after = page.cursor
      if (!page.more) return pages
    }
  }

  it('compresses a reply as Accept-Encoding allows: brotli first, then gzip, else plain', async () => {
    const device = await enrolDevice()
    const messages = Array.from({ length: 40 }, (_, i) => save(device.node, t0 + i, `row-${i}`, 17)).flat()
    expect((await hqCall(hq.url, 'push', { messages }, device.token)).status).toBe(200)
    const body = Buffer.from(JSON.stringify({ after: 0, limit: 5000 }))
    const replies = {
      br: await rawPost(hq.url, '/api/pull', body, { ...auth(device.token), 'accept-encoding': 'gzip, br' }),
      gzip: await rawPost(hq.url, '/api/pull', body, {
        ...auth(device.token),
        'accept-encoding': 'gzip;q=1, br;q=0',
      }),
      plain: await rawPost(hq.url, '/api/pull', body, auth(device.token)),
    }
    expect(replies.br.headers['content-encoding']).toBe('br')
    expect(replies.gzip.headers['content-encoding']).toBe('gzip')
    expect(replies.plain.headers['content-encoding']).toBeUndefined()
    for (const reply of Object.values(replies)) {
      expect(reply.status).toBe(200)
      expect(Number(reply.headers['content-length'])).toBe(reply.raw.length)
      expect(reply.headers.vary).toBe('accept-encoding')
      // The same page each time; only HQ's clock reading moves.
      const page = (r: RawReply) => ({ ...(decoded(r) as { value: object }).value, time: undefined })
      expect(page(reply)).toEqual(page(replies.plain))
    }
    // 680 field messages: many times smaller compressed.
    expect(replies.br.raw.length * 10).toBeLessThan(replies.plain.raw.length)
    expect(replies.gzip.raw.length * 8).toBeLessThan(replies.plain.raw.length)
    // A small reply is not worth compressing.
    const health = await rawPost(hq.url, '/api/health', Buffer.from('{}'), { 'accept-encoding': 'br' })
    expect(health.headers['content-encoding']).toBeUndefined()
  })

  it('reads gzip and brotli request bodies; a zip bomb gets 413 and stores nothing; broken or unknown encodings 400', async () => {
    const device = await enrolDevice()
    const before = await countMessages(hq.database.db)
    const batch = Buffer.from(JSON.stringify({ messages: save(device.node, t0, 'gz-row', 17) }))
    const gz = await rawPost(hq.url, '/api/push', gzipSync(batch), {
      ...auth(device.token),
      'content-encoding': 'gzip',
    })
    expect(gz.status).toBe(200)
    expect(decoded(gz)).toMatchObject({ ok: true, value: { accepted: 17, duplicates: 0, rejected: [] } })
    const br = await rawPost(
      hq.url,
      '/api/push',
      brotliCompressSync(Buffer.from(JSON.stringify({ messages: save(device.node, t0 + 1, 'br-row') }))),
      { ...auth(device.token), 'content-encoding': 'br' },
    )
    expect(decoded(br)).toMatchObject({ ok: true, value: { accepted: 17 } })
    expect(await countMessages(hq.database.db)).toBe(before + 34)

    // 64 MiB of one message's value, 64 KiB on the wire: refused once the decompressed body passes 1 MiB.
    const bomb = gzipSync(
      Buffer.concat([
        Buffer.from(
          `{"messages":[{"hlc":"${formatHlc(makeHlc(t0, 0, device.node))}","table":"factories","row":"${uuidv7()}","column":"notes","device":"device-${device.node}","value":"`,
        ),
        Buffer.alloc(64 * 1024 * 1024, 'a'),
        Buffer.from('"}]}'),
      ]),
      { level: 9 },
    )
    expect(bomb.length).toBeLessThan(MAX_BATCH_BYTES)
    const bombed = await rawPost(hq.url, '/api/push', bomb, {
      ...auth(device.token),
      'content-encoding': 'gzip',
    })
    expect(bombed.status).toBe(413)
    expect(decoded(bombed)).toMatchObject({ ok: false, error: { code: 'payload_too_large' } })

    const broken = await rawPost(hq.url, '/api/push', Buffer.from('not gzip at all'), {
      ...auth(device.token),
      'content-encoding': 'gzip',
    })
    expect(broken.status).toBe(400)
    const unknown = await rawPost(hq.url, '/api/push', batch, {
      ...auth(device.token),
      'content-encoding': 'zstd',
    })
    expect(unknown.status).toBe(400)
    expect(await countMessages(hq.database.db)).toBe(before + 34)
  })

  it('ends pull pages only between saves: 17-field records never split at a limit of 40', async () => {
    const device = await enrolDevice()
    const start = (await pullAll(device.token, 5000)).flat().at(-1)?.seq ?? 0
    const messages = Array.from({ length: 9 }, (_, i) =>
      save(device.node, t0 + 1000 + i, `whole-${i}`, 17),
    ).flat()
    expect((await hqCall(hq.url, 'push', { messages }, device.token)).status).toBe(200)
    const pages = await pullAll(device.token, 40, start)
    expect(pages.map((p) => p.length)).toEqual([34, 34, 34, 34, 17])
    for (const page of pages) {
      const perRow = new Map<string, number>()
      for (const m of page) perRow.set(m.row, (perRow.get(m.row) ?? 0) + 1)
      expect([...perRow.values()].every((n) => n === 17)).toBe(true)
    }
    // A save bigger than the limit comes whole, alone on its page.
    const after = pages.flat().at(-1)!.seq
    const two = [...save(device.node, t0 + 2000, 'wide'), ...save(device.node, t0 + 2001, 'next', 3)]
    expect((await hqCall(hq.url, 'push', { messages: two }, device.token)).status).toBe(200)
    expect((await pullAll(device.token, 10, after)).map((p) => p.length)).toEqual([17, 3])
  })

  it('caps a pull page in bytes, still in whole saves, and serves every message once across the pages', async () => {
    const device = await enrolDevice()
    const start = (await pullAll(device.token, 5000)).flat().at(-1)?.seq ?? 0
    // 160 factories with the longest notes a save may hold (5,000 characters, 15 KB): 2.4 MB in all,
    // pushed 10 at a time.
    const notes = '纸'.repeat(5000)
    const saves = Array.from({ length: 160 }, (_, i) =>
      save(device.node, t0 + 3000 + i, `heavy-${i}`, 17, notes),
    )
    for (let i = 0; i < saves.length; i += 10) {
      const reply = await hqCall(hq.url, 'push', { messages: saves.slice(i, i + 10).flat() }, device.token)
      expect(reply.body.value).toMatchObject({ accepted: 170 })
    }
    const pages = await pullAll(device.token, 5000, start)
    expect(pages.length).toBeGreaterThanOrEqual(3)
    for (const page of pages) {
      expect(Buffer.byteLength(JSON.stringify(page))).toBeLessThanOrEqual(MAX_PULL_BYTES)
      expect(page.length % 17).toBe(0)
    }
    const rows = pages.flat().map((m) => `${m.row}/${m.column}`)
    expect(new Set(rows).size).toBe(160 * 17)
    expect(rows.length).toBe(160 * 17)
  })

  it('holds each pushed message to the device the laptop enrolled with, or learned from its first push', async () => {
    const enrolled = await enrolDevice({ localDeviceId: 'laptop-local-id' })
    const own = save(enrolled.node, t0 + 4000, 'mine', 2).map((m) => ({ ...m, device: 'laptop-local-id' }))
    const other = save(enrolled.node, t0 + 4001, 'forged', 1).map((m) => ({ ...m, device: 'someone-else' }))
    const reply = await hqCall(hq.url, 'push', { messages: [...other, ...own] }, enrolled.token)
    expect(reply.body.value).toEqual({
      accepted: 2,
      duplicates: 0,
      rejected: [{ index: 0, code: 'device_mismatch', message: expect.stringContaining('laptop-local-id') }],
      time: expect.any(String),
      schemaVersion: expect.any(Number),
      acked: expect.objectContaining({ hlc: own[0]!.hlc }),
    })

    // Enrolled by an older laptop (no id sent): the first push teaches HQ the id, later ones are held to it.
    const older = await enrolDevice()
    const first = await hqCall(hq.url, 'push', { messages: save(older.node, t0 + 4002, 'a', 1) }, older.token)
    expect(first.body.value).toMatchObject({ accepted: 1, rejected: [] })
    const forged = save(older.node, t0 + 4003, 'b', 1).map((m) => ({ ...m, device: 'forged-device' }))
    const second = await hqCall(hq.url, 'push', { messages: forged }, older.token)
    expect(second.body.value).toMatchObject({
      accepted: 0,
      rejected: [{ index: 0, code: 'device_mismatch' }],
    })
    const row = await hq.database.db
      .selectFrom('devices')
      .select('local_device')
      .where('id', '=', older.deviceId)
      .executeTakeFirstOrThrow()
    expect(row.local_device).toBe(`device-${older.node}`)
  })

  it('says who it is, whether it holds a cursor, and what it holds from the caller’s node', async () => {
    const device = await enrolDevice()
    expect(device.hqId).toMatch(/^[0-9a-f-]{36}$/)
    const messages = [...save(device.node, t0 + 5000, 'h1', 3), ...save(device.node, t0 + 5001, 'h2', 2)]
    // (Parts of saves: what HQ holds is counted per save.)
    const pushed = await hqCall(hq.url, 'push', { messages }, device.token)
    const { acked } = pushed.body.value as { acked: { seq: number; hlc: string; at: string } }
    const last = (await pullAll(device.token, 5000)).flat().at(-1)!
    expect(acked).toMatchObject({ seq: last.seq, hlc: last.hlc })
    const hello = await hqCall(hq.url, 'hello', { cursor: last.seq, mark: last.hlc, acked }, device.token)
    // The log still holds the very message at the place it acknowledged; and where the log ends.
    expect(hello.body.value).toEqual({
      hqId: device.hqId,
      cursorHeld: true,
      held: 5,
      ackedHeld: true,
      head: acked,
    })
    // Another message there, or one stored there at another time (a copy refilled after a restore),
    // or none at all: not the place it acknowledged.
    for (const other of [
      { ...acked, hlc: formatHlc(makeHlc(t0, 9, device.node)) },
      { ...acked, at: new Date(Date.parse(acked.at) + 1).toISOString() },
      { ...acked, seq: acked.seq + 1000 },
    ]) {
      const asked = { cursor: last.seq, mark: last.hlc, acked: other }
      expect((await hqCall(hq.url, 'hello', asked, device.token)).body.value).toMatchObject({
        ackedHeld: false,
      })
    }
    // A cursor inside a save (the next message has its stamp) is not where any page ended: a save that
    // moved in a restored log. At the end of the save before, it is.
    const pulled = (await pullAll(device.token, 5000)).flat()
    const [firstOfH2, endOfH1] = [pulled.at(-2)!, pulled.at(-3)!]
    const inside = { cursor: firstOfH2.seq, mark: firstOfH2.hlc }
    expect((await hqCall(hq.url, 'hello', inside, device.token)).body.value).toMatchObject({
      cursorHeld: false,
    })
    const atEnd = { cursor: endOfH1.seq, mark: endOfH1.hlc }
    expect((await hqCall(hq.url, 'hello', atEnd, device.token)).body.value).toMatchObject({
      cursorHeld: true,
    })
    const wrongMark = formatHlc(makeHlc(t0, 7, device.node))
    expect(
      (await hqCall(hq.url, 'hello', { cursor: last.seq, mark: wrongMark }, device.token)).body.value,
    ).toMatchObject({
      cursorHeld: false,
    })
    expect(
      (await hqCall(hq.url, 'hello', { cursor: last.seq + 1000, mark: null }, device.token)).body.value,
    ).toMatchObject({
      cursorHeld: false,
    })
    const held = await hqCall(hq.url, 'held', { after: null }, device.token)
    expect(held.body.value).toEqual({
      stamps: [
        { hlc: messages[0]!.hlc, messages: 3 },
        { hlc: messages[3]!.hlc, messages: 2 },
      ],
      more: false,
    })
    const paged = await hqCall(hq.url, 'held', { after: messages[0]!.hlc, limit: 1 }, device.token)
    expect(paged.body.value).toEqual({ stamps: [{ hlc: messages[3]!.hlc, messages: 2 }], more: false })

    const pull = await hqCall(hq.url, 'pull', { after: last.seq, mark: last.hlc }, device.token)
    expect(pull.body.value).toMatchObject({ messages: [], hqId: device.hqId })
    const refused = await hqCall(hq.url, 'pull', { after: last.seq, mark: wrongMark }, device.token)
    expect(refused.status).toBe(409)
    expect(refused.body.error?.code).toBe('cursor_mismatch')
  })

  it('keeps its id across restarts and tells a revoked device when it was revoked', async () => {
    const device = await enrolDevice()
    const id = device.hqId
    await hq.close()
    hq = await startStoreHq(store, { enrolRateLimit: { max: 1000, windowMs: 60_000 } })
    expect((await hqCall(hq.url, 'hello', { cursor: 0, mark: null }, device.token)).body.value).toMatchObject(
      {
        hqId: id,
      },
    )
    const revoke = await hqCall(hq.url, 'admin.devices.revoke', { deviceId: device.deviceId }, hq.adminToken)
    expect(revoke.status).toBe(200)
    const refused = await hqCall(hq.url, 'pull', { after: 0 }, device.token)
    expect(refused.status).toBe(401)
    const error = refused.body.error as { code: string; revokedAt?: string }
    expect(error.code).toBe('unauthorized')
    expect(Date.parse(error.revokedAt!)).toBeGreaterThan(Date.now() - 60_000)
    // An unknown token learns nothing.
    const unknown = await hqCall(hq.url, 'pull', { after: 0 }, 'x'.repeat(43))
    expect(unknown.status).toBe(401)
    expect((unknown.body.error as { revokedAt?: string }).revokedAt).toBeUndefined()
  })
})
