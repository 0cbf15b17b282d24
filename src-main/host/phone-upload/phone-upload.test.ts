import { request } from 'node:http'
import sharp from 'sharp'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { failed, ok } from '../../../test/integration/support/api-result'
import { createTempCore, type TempCore } from '../../../test/integration/support/temp-core'
import { MAX_PHOTO_BYTES } from '../../core/api/upload-limits'
import type { Factory } from '../../core/factories/factories.contract'
import type { PhoneSession } from '../../core/phone-upload/phone-upload.contract'
import type { PhotoLink } from '../../core/photos/photos.contract'
import { phoneListener, PHONE_TOKEN_HEADER } from './phone-server'

/**
 * Phone uploads through the real listener on loopback, into a real core: the session rules (one
 * record per token, expiry, close, the listener's life) and every refusal adding nothing.
 */

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
  json: { ok: boolean; value?: unknown; error?: { code: string; messageKey: string } }
}

function send(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: Buffer } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: options.method ?? 'GET', headers: options.headers, agent: false },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8')
          let json: Reply['json'] = { ok: false }
          try {
            json = JSON.parse(body) as Reply['json']
          } catch {
            // the page is HTML
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json })
        })
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

const jpeg = (color: string) =>
  sharp({ create: { width: 640, height: 480, channels: 3, background: color } })
    .jpeg()
    .toBuffer()

/** The page URL and its token, from a session's first address. */
function link(session: PhoneSession): { page: string; token: string; port: string } {
  const url = new URL(session.addresses[0]!.url)
  return { page: url.origin + url.pathname, token: url.hash.slice(1), port: url.port }
}

describe('photos from the phone', () => {
  let core: TempCore
  let clock = Date.parse('2026-12-02T01:00:00Z')
  const call = (name: string, input: unknown) => core.dispatch(name, input)
  const factory = async (name: string) => ok<Factory>(await call('factories.create', { name }))
  const photosOf = async (ownerId: string) =>
    ok<{ items: PhotoLink[] }>(await call('photos.list', { ownerTable: 'factories', ownerId })).items
  const count = (table: string) =>
    (core.database.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
  const open = async (ownerId: string) =>
    ok<PhoneSession>(await call('phoneUpload.open', { ownerTable: 'factories', ownerId }))
  const upload = (page: string, token: string, body: Buffer, type = 'image/jpeg') =>
    send(`${page}/photos?name=IMG_0001.JPG`, {
      method: 'POST',
      headers: { [PHONE_TOKEN_HEADER]: token, 'content-type': type },
      body,
    })

  beforeEach(async () => {
    clock = Date.parse('2026-12-02T01:00:00Z')
    core = await createTempCore({
      wallClock: () => clock,
      phoneUpload: { listen: phoneListener('127.0.0.1'), ttlMs: 10 * 60 * 1000 },
    })
  })
  afterEach(async () => {
    await core.dispose()
  })

  it('takes photos into exactly the record the link names, through the photo service', async () => {
    const target = await factory('晋江恒安纸业')
    const session = await open(target.id)
    expect(session.state).toBe('open')
    expect(session.addresses).toHaveLength(1)
    expect(session.loopbackOnly).toBe(true)
    expect(session.code).toMatch(/^\d{4}$/)
    expect(Date.parse(session.expiresAt) - clock).toBe(10 * 60 * 1000)
    const { page, token } = link(session)
    // 32 random bytes: 256 bits in the fragment, never sent by a page load.
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(page).toMatch(new RegExp(`/phone/factories/${target.id}$`))

    const html = await send(page)
    expect(html.status).toBe(200)
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(html.headers['content-security-policy']).toMatch(/default-src 'none'; script-src 'nonce-/)
    expect(html.headers['access-control-allow-origin']).toBeUndefined()
    expect(html.body).toContain('capture="environment"')

    const facts = await send(`${page}/session`, { headers: { [PHONE_TOKEN_HEADER]: token } })
    expect(facts.json.value).toMatchObject({ code: session.code, remainingMs: 10 * 60 * 1000, uploaded: 0 })

    const photo = await jpeg('#3366cc')
    const stored = await upload(page, token, photo)
    expect(stored.status).toBe(200)
    expect(stored.json.value).toMatchObject({ width: 640, height: 480 })
    const items = await photosOf(target.id)
    expect(items).toHaveLength(1)
    const status = ok<PhoneSession>(await call('phoneUpload.status', { sessionId: session.sessionId }))
    expect(status.uploads).toEqual([
      expect.objectContaining({
        name: 'IMG_0001.JPG',
        state: 'done',
        received: photo.length,
        total: photo.length,
      }),
    ])
    expect(status.uploads[0]!.sha256).toBe(items[0]!.sha256)
  })

  it('refuses a wrong record, a bad token, a non-image, a huge body and foreign hosts, adding nothing', async () => {
    const target = await factory('泉州舒适无纺布')
    const other = await factory('仙桃无纺布')
    const session = await open(target.id)
    const { page, token, port } = link(session)
    const before = { photos: count('photos'), links: count('photo_links'), changes: count('change_log') }
    const photo = await jpeg('#cc6633')

    const wrong = await upload(page.replace(target.id, other.id), token, photo)
    expect([wrong.status, wrong.json.error?.messageKey]).toEqual([403, 'errors.phoneUpload.wrongRecord'])
    const badToken = await upload(page, 'x'.repeat(43), photo)
    expect([badToken.status, badToken.json.error?.messageKey]).toEqual([401, 'errors.phoneUpload.badToken'])
    const noToken = await send(`${page}/session`)
    expect(noToken.status).toBe(401)
    const text = await upload(page, token, Buffer.from('not a photo at all'), 'text/plain')
    expect([text.status, text.json.error?.messageKey]).toEqual([415, 'errors.phoneUpload.notImage'])
    const disguised = await upload(page, token, Buffer.from('GIF? no, a text file'), 'image/jpeg')
    expect([disguised.status, disguised.json.error?.messageKey]).toEqual([400, 'errors.photo.notImage'])
    const huge = await upload(page, token, Buffer.alloc(MAX_PHOTO_BYTES + 1, 0xff))
    expect([huge.status, huge.json.error?.messageKey]).toEqual([413, 'errors.photo.tooLarge'])
    const rebound = await send(`${page}/session`, {
      headers: { [PHONE_TOKEN_HEADER]: token, host: `evil.example:${port}` },
    })
    expect(rebound.status).toBe(403)
    const foreign = await send(`${page}/session`, {
      headers: { [PHONE_TOKEN_HEADER]: token, origin: 'http://evil.example' },
    })
    expect(foreign.status).toBe(403)
    const preflight = await send(`${page}/photos`, { method: 'OPTIONS', headers: { origin: 'http://a.b' } })
    expect(preflight.status).toBe(403)
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined()
    const listing = await send(page.replace(/\/phone\/.*/, '/photos/'))
    expect(listing.status).toBe(404)

    expect({ photos: count('photos'), links: count('photo_links'), changes: count('change_log') }).toEqual(
      before,
    )
    expect(await photosOf(other.id)).toEqual([])
    // The laptop's dialog lists what failed on the way in, with the reason.
    const status = ok<PhoneSession>(await call('phoneUpload.status', { sessionId: session.sessionId }))
    expect(status.uploads.map((u) => [u.state, u.error?.messageKey])).toEqual([
      ['failed', 'errors.photo.notImage'],
      ['failed', 'errors.photo.tooLarge'],
    ])
  })

  it('ends a session after its time or when closed; the listener runs only while one is open', async () => {
    const first = await factory('广州白云日化')
    const second = await factory('中山洗涤用品')
    const a = await open(first.id)
    const { page, token, port } = link(a)
    clock += 5 * 60 * 1000
    const b = await open(second.id)
    // One listener serves every open session.
    expect(link(b).port).toBe(port)

    clock += 5 * 60 * 1000
    const expired = await upload(page, token, await jpeg('#22aa55'))
    expect([expired.status, expired.json.error?.messageKey]).toEqual([410, 'errors.phoneUpload.expired'])
    expect(ok<PhoneSession>(await call('phoneUpload.status', { sessionId: a.sessionId })).state).toBe(
      'expired',
    )

    const c = await open(first.id)
    const closed = ok<PhoneSession>(await call('phoneUpload.close', { sessionId: c.sessionId }))
    expect(closed.state).toBe('closed')
    expect(closed.addresses).toEqual([])
    const reused = await upload(link(c).page, link(c).token, await jpeg('#aa2255'))
    expect([reused.status, reused.json.error?.messageKey]).toEqual([410, 'errors.phoneUpload.closed'])
    expect(await photosOf(first.id)).toEqual([])

    ok(await call('phoneUpload.close', { sessionId: b.sessionId }))
    // No session open: nothing listens on that port any more.
    await expect(send(`${page}/session`, { headers: { [PHONE_TOKEN_HEADER]: token } })).rejects.toThrow(
      /ECONNREFUSED/,
    )
    // The next open starts a listener again.
    const e = await open(second.id)
    expect(
      (await send(`${link(e).page}/session`, { headers: { [PHONE_TOKEN_HEADER]: link(e).token } })).status,
    ).toBe(200)
  })

  it('opens only on a live record and says so when the host serves no phones', async () => {
    const missing = failed(
      await call('phoneUpload.open', {
        ownerTable: 'samples',
        ownerId: '01900000-0000-7000-8000-000000000000',
      }),
    )
    expect(missing.code).toBe('validation')
    const plain = await createTempCore()
    try {
      const target = ok<Factory>(await plain.dispatch('factories.create', { name: '无电话' }))
      const refused = failed(
        await plain.dispatch('phoneUpload.open', { ownerTable: 'factories', ownerId: target.id }),
      )
      expect(refused.messageKey).toBe('errors.phoneUpload.unavailable')
    } finally {
      await plain.dispose()
    }
  })
})
