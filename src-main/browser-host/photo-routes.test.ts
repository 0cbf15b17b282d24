import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTempCore, type TempCore } from '../../test/integration/support/temp-core'
import { SECRET_HEADER } from '../core/api/transport'
import { photoRoutes } from '../core/photos/photos.api'
import { MAX_PHOTO_UPLOAD_BYTES, type Photo } from '../core/photos/photos.contract'
import { startBrowserHost, type BrowserHost } from './server'

/** Photo upload and serving over HTTP: the secret, the photo cookie, limits and content types. */

describe('browser host photos', () => {
  let core: TempCore
  let host: BrowserHost
  let rendererDir: string
  let jpeg: Buffer
  let cookie: string

  const base = () => `http://127.0.0.1:${host.port}`
  const upload = (body: Uint8Array, headers: Record<string, string> = { [SECRET_HEADER]: host.secret }) =>
    fetch(`${base()}/upload/photo`, { method: 'POST', headers, body: new Uint8Array(body) })
  const getPhoto = (path: string, withCookie = true) =>
    fetch(`${base()}/photos/${path}`, { headers: withCookie ? { cookie } : {} })

  beforeAll(async () => {
    core = await createTempCore()
    rendererDir = mkdtempSync(join(tmpdir(), 'workbench-renderer-'))
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html>')
    host = await startBrowserHost({
      rendererDir,
      routes: { dispatch: core.dispatch, photos: photoRoutes(core.context) },
    })
    jpeg = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#3a7' } })
      .jpeg()
      .toBuffer()
    // Any call that proves the secret hands out the photo cookie.
    const info = await fetch(`${base()}/api/app.info`, {
      method: 'POST',
      headers: { [SECRET_HEADER]: host.secret, 'content-type': 'application/json' },
      body: '{}',
    })
    const setCookie = info.headers.get('set-cookie') ?? ''
    expect(setCookie).toMatch(/HttpOnly/)
    expect(setCookie).toMatch(/SameSite=Strict/)
    expect(setCookie).toMatch(/Path=\/photos\//)
    cookie = setCookie.split(';')[0]!
  })
  afterAll(async () => {
    await host.close()
    await core.dispose()
    rmSync(rendererDir, { recursive: true, force: true })
  })

  it('refuses an upload without the secret (401) before reading it', async () => {
    const wrong: Record<string, string>[] = [{}, { [SECRET_HEADER]: 'wrong' }]
    for (const headers of wrong) {
      const reply = await upload(jpeg, headers)
      expect(reply.status).toBe(401)
      expect(await reply.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
    }
    expect(core.database.sqlite.prepare('SELECT count(*) AS n FROM photos').get()).toEqual({ n: 0 })
  })

  it('stores an upload and serves its variants with their types and a long immutable cache', async () => {
    const reply = await upload(jpeg)
    expect(reply.status).toBe(200)
    const body = (await reply.json()) as { ok: true; value: Photo }
    expect(body.value).toMatchObject({ mime: 'image/jpeg', width: 900, height: 600, bytes: jpeg.length })
    const { sha256 } = body.value
    for (const [variant, type, width] of [
      ['thumb', 'image/webp', 320],
      ['preview', 'image/jpeg', 900],
      ['original', 'image/jpeg', 900],
    ] as const) {
      const file = await getPhoto(`${sha256}/${variant}`)
      expect(file.status).toBe(200)
      expect(file.headers.get('content-type')).toBe(type)
      expect(file.headers.get('cache-control')).toBe('private, max-age=31536000, immutable')
      const bytes = Buffer.from(await file.arrayBuffer())
      expect((await sharp(bytes).metadata()).width).toBe(width)
      if (variant === 'original') expect(bytes.equals(jpeg)).toBe(true)
    }
  })

  it('answers 401 without the photo cookie, 400 for a malformed hash or variant, 404 for an unknown photo', async () => {
    const { value } = (await (await upload(jpeg)).json()) as { value: Photo }
    expect((await getPhoto(`${value.sha256}/thumb`, false)).status).toBe(401)
    expect((await getPhoto(`${value.sha256.toUpperCase()}/thumb`)).status).toBe(400)
    expect((await getPhoto('..%2F..%2Fworkbench.sqlite/original')).status).toBe(400)
    expect((await getPhoto(`${value.sha256}/huge`)).status).toBe(400)
    expect((await getPhoto(`${'0'.repeat(64)}/thumb`)).status).toBe(404)
  })

  it('refuses a file that is not an image (400) and one over the limit (413)', async () => {
    const text = await upload(Buffer.from('hello, I am photo.jpg'))
    expect(text.status).toBe(400)
    expect(await text.json()).toMatchObject({ ok: false, error: { messageKey: 'errors.photo.notImage' } })
    const big = await upload(Buffer.alloc(MAX_PHOTO_UPLOAD_BYTES + 1, 0xff))
    expect(big.status).toBe(413)
    expect(await big.json()).toMatchObject({ ok: false, error: { messageKey: 'errors.photo.tooLarge' } })
  })
})
