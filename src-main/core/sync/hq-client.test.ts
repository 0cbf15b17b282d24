import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { gunzipSync, gzipSync } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import { createHttpHqClient, HqRequestError } from './hq-client'
import { MAX_REPLY_BYTES } from './wire/sync-wire.contract'

/**
 * The laptop's side of the wire against HQs that misbehave: a reply that inflates past the cap is
 * refused as it streams in, request bodies go gzip-compressed (plain to an HQ older than that).
 */

let server: Server | undefined
afterEach(async () => {
  server?.closeAllConnections()
  await new Promise((done) => (server ? server.close(done) : done(undefined)))
  server = undefined
})

async function serve(
  handler: (req: IncomingMessage, body: Buffer, res: ServerResponse) => void,
): Promise<string> {
  server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => handler(req, Buffer.concat(chunks), res))
  })
  await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done))
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`
}

const pushed = JSON.stringify({ ok: true, value: { accepted: 50, duplicates: 0, rejected: [] } })

/** 50 field messages: a body well over the size worth compressing. */
const messages = Array.from({ length: 50 }, (_, i) => ({
  hlc: `2026-01-01T00:00:00.000Z-0000-00000000000000a${i % 10}`,
  table: 'factories',
  row: `row-${i}`,
  column: 'notes',
  value: JSON.stringify('样品已寄'),
  device: 'laptop',
}))

describe('the HQ client', () => {
  it('refuses a reply that inflates past its cap (a zip bomb) without holding it whole', async () => {
    // 64 MiB of spaces inside a JSON string, 64 KiB gzipped: 16 times the cap once inflated.
    const inflated = 64 * 1024 * 1024
    const bomb = gzipSync(Buffer.concat([Buffer.from('{"ok":true,"value":"'), Buffer.alloc(inflated, ' ')]))
    const url = await serve((_req, _body, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' })
      res.end(bomb)
    })
    const error = await createHttpHqClient({ baseUrl: url, token: 't'.repeat(43) })
      .pull({ after: 0 })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(HqRequestError)
    expect(error).toMatchObject({ code: 'payload_too_large' })
    expect((error as Error).message).toContain(String(MAX_REPLY_BYTES))
  })

  it('refuses a reply whose declared length is over the cap before reading it', async () => {
    const url = await serve((_req, _body, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': MAX_REPLY_BYTES + 1 })
      res.write('{"ok":true')
    })
    await expect(createHttpHqClient({ baseUrl: url }).pull({ after: 0 })).rejects.toMatchObject({
      code: 'payload_too_large',
    })
  })

  it('sends a big body gzip-compressed and a small one as it is, accepting brotli and gzip replies', async () => {
    const seen: { encoding?: string; accept?: string; json: unknown }[] = []
    const url = await serve((req, body, res) => {
      const encoding = req.headers['content-encoding']
      seen.push({
        encoding,
        accept: req.headers['accept-encoding'],
        json: JSON.parse((encoding === 'gzip' ? gunzipSync(body) : body).toString('utf8')),
      })
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ ok: true, value: { accepted: 0, duplicates: 0, rejected: [] } }))
    })
    const client = createHttpHqClient({ baseUrl: url, token: 't'.repeat(43) })
    await client.push({ messages, seen: 0 })
    await client.push({ messages: [], seen: 0 })
    expect(seen.map((s) => s.encoding)).toEqual(['gzip', undefined])
    expect(seen[0]!.accept).toBe('br, gzip')
    expect(seen[0]!.json).toEqual({ messages, seen: 0 })
  })

  it('sends the body plain again to an HQ that cannot read gzip bodies', async () => {
    const encodings: (string | undefined)[] = []
    const url = await serve((req, _body, res) => {
      encodings.push(req.headers['content-encoding'])
      if (req.headers['content-encoding']) {
        res.writeHead(400, { 'content-type': 'application/json' })
        res.end(
          JSON.stringify({
            ok: false,
            error: { code: 'bad_request', messageKey: 'errors.notJson', message: 'not JSON', fields: [] },
          }),
        )
        return
      }
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(pushed)
    })
    const reply = await createHttpHqClient({ baseUrl: url }).push({ messages, seen: 0 })
    expect(reply.accepted).toBe(50)
    expect(encodings).toEqual(['gzip', undefined])
  })

  it('reads a page from a newer HQ whose messages carry a field it does not know, without that field', async () => {
    const logged = { ...messages[0], seq: 1, base: null, provenance: 'a newer HQ’s field' }
    const url = await serve((_req, _body, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ ok: true, value: { messages: [logged], cursor: 1, more: false } }))
    })
    const page = await createHttpHqClient({ baseUrl: url, token: 't'.repeat(43) }).pull({ after: 0 })
    expect(page.messages).toEqual([{ ...messages[0], seq: 1, base: null }])
  })
})
