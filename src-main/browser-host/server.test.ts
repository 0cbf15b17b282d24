import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { connect } from 'node:net'
import { networkInterfaces, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTempCore, writeCounts, type TempCore } from '../../test/integration/support/temp-core'
import { RENDERER_CSP } from '../host/security'
import { MAX_BODY_BYTES, SECRET_HEADER } from '../core/api/transport'
import { startBrowserHost, type BrowserHost } from './server'

/** The browser host over HTTP with a real core: the secret, body limits, errors and static files. */

const INDEX_HTML = '<!doctype html><title>源选采购工作台</title>'
const OUTSIDE_SECRET = 'this file sits outside the renderer folder'

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

describe('browser host', () => {
  let core: TempCore
  let host: BrowserHost
  let root: string

  /** Raw HTTP, so paths reach the server exactly as written (fetch would normalise '/../'). */
  function send(
    method: string,
    path: string,
    options: { headers?: Record<string, string>; body?: string | Buffer; chunked?: boolean } = {},
  ): Promise<Reply> {
    return new Promise((resolve, reject) => {
      const headers = { ...options.headers }
      // Node sends a DELETE body without framing unless told its length.
      if (options.body !== undefined && !options.chunked)
        headers['content-length'] = String(Buffer.byteLength(options.body))
      const req = request({ host: '127.0.0.1', port: host.port, method, path, headers }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        )
        res.on('error', reject)
      })
      // The server may answer 413 and close before a huge body is fully sent; the reply is what counts.
      req.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error)
      })
      if (options.body !== undefined && options.chunked) {
        const body = Buffer.from(options.body)
        for (let i = 0; i < body.length; i += 64 * 1024) req.write(body.subarray(i, i + 64 * 1024))
        req.end()
      } else req.end(options.body)
    })
  }

  const api = (call: string, input: unknown, secret = host.secret) =>
    send('POST', `/api/${call}`, {
      headers: { 'content-type': 'application/json', [SECRET_HEADER]: secret },
      body: JSON.stringify(input),
    })

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'workbench-host-'))
    const rendererDir = join(root, 'renderer')
    mkdirSync(join(rendererDir, 'assets'), { recursive: true })
    writeFileSync(join(rendererDir, 'index.html'), INDEX_HTML)
    writeFileSync(join(rendererDir, 'assets', 'app-1234.js'), 'console.log("app")')
    writeFileSync(join(root, 'secret.txt'), OUTSIDE_SECRET)
    core = await createTempCore()
    host = await startBrowserHost({ routes: { dispatch: core.dispatch }, rendererDir, port: 0 })
  })
  afterAll(async () => {
    await host?.close()
    await core?.dispose()
    rmSync(root, { recursive: true, force: true })
  })

  it('listens on 127.0.0.1 only, with a per-launch secret in the URL fragment', async () => {
    expect(host.server.address()).toMatchObject({ address: '127.0.0.1', family: 'IPv4' })
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#secret=${host.secret}`)
    expect(host.secret.length).toBeGreaterThanOrEqual(24)
    const other = await startBrowserHost({ routes: { dispatch: core.dispatch }, rendererDir: root })
    expect(other.secret).not.toBe(host.secret)
    await other.close()

    // Any other address of this machine refuses the connection.
    const external = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && !a.internal)
      .map((a) => a!.address)
    for (const address of [...external, '::1']) {
      const refused = await new Promise<boolean>((resolve) => {
        const socket = connect({ host: address, port: host.port })
        socket.once('connect', () => {
          socket.destroy()
          resolve(false)
        })
        socket.once('error', () => resolve(true))
      })
      expect(refused, `reachable on ${address}`).toBe(true)
    }
  })

  describe('refuses /api/ without the right secret before any routing', () => {
    it.each([
      ['POST', '/api/app.info'],
      ['POST', '/api/factories.create'],
      ['POST', '/api/no.such.call'],
      ['GET', '/api/app.info'],
      ['DELETE', '/api/factories.delete'],
      ['POST', '/api'],
      ['POST', '/api/'],
    ])('%s %s without secret → 401', async (method, path) => {
      const before = writeCounts(core)
      const reply = await send(method, path, { body: JSON.stringify({ name: '偷偷建厂' }) })
      expect(reply.status).toBe(401)
      expect(JSON.parse(reply.body)).toMatchObject({
        ok: false,
        error: { code: 'unauthorized', messageKey: 'errors.unauthorized' },
      })
      expect(writeCounts(core)).toEqual(before)
    })

    it.each(['wrong', '', 'xy'.repeat(16), 'SECRET'])('a wrong secret %j → 401', async (secret) => {
      const before = writeCounts(core)
      const reply = await api('factories.create', { name: '偷偷建厂' }, secret || ' ')
      expect(reply.status).toBe(401)
      expect(writeCounts(core)).toEqual(before)
    })

    it('a secret differing only in its last character → 401', async () => {
      const last = host.secret.at(-1) === 'A' ? 'B' : 'A'
      const reply = await api('app.info', {}, host.secret.slice(0, -1) + last)
      expect(reply.status).toBe(401)
    })
  })

  it('answers an ok call with 200 and the value', async () => {
    const created = await api('factories.create', { name: '东莞纸品厂', city: '东莞' })
    expect(created.status).toBe(200)
    expect(created.headers['content-type']).toMatch(/^application\/json/)
    const body = JSON.parse(created.body) as { ok: true; value: { id: string; name: string } }
    expect(body).toMatchObject({ ok: true, value: { name: '东莞纸品厂' } })
    const listed = JSON.parse((await api('factories.list', { search: '东莞' })).body)
    expect(listed.value.items.map((f: { id: string }) => f.id)).toEqual([body.value.id])
    // An empty body counts as {} for calls without input.
    const info = await send('POST', '/api/app.info', { headers: { [SECRET_HEADER]: host.secret } })
    expect(JSON.parse(info.body)).toMatchObject({ ok: true, value: { host: 'test' } })
  })

  it('answers a validation error with 400 and the field errors, writing nothing', async () => {
    const before = writeCounts(core)
    const reply = await api('factories.create', { name: '', creditCode: '91350100M000100Y44' })
    expect(reply.status).toBe(400)
    const { error } = JSON.parse(reply.body)
    expect(error.code).toBe('validation')
    expect(error.fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: ['name'], messageKey: 'errors.required' }),
        // A failing check character is kept only with the buyer's reason.
        expect.objectContaining({ path: ['creditCodeNote'], messageKey: 'errors.creditCode.reasonRequired' }),
      ]),
    )
    expect(writeCounts(core)).toEqual(before)
  })

  it('answers unknown calls with 404, not-found ids with 404, and GET on the API with 400', async () => {
    expect((await api('factories.drop', {})).status).toBe(404)
    expect(JSON.parse((await api('__proto__', {})).body).error.code).toBe('unknown_call')
    const missing = await api('factories.get', { id: '01890a5d-ac96-774b-bcce-b302099a8057' })
    expect(missing.status).toBe(404)
    expect(JSON.parse(missing.body).error.code).toBe('not_found')
    const get = await send('GET', '/api/app.info', { headers: { [SECRET_HEADER]: host.secret } })
    expect(get.status).toBe(400)
  })

  it.each(['{name:', 'not json at all', '{"name": "半个', '\u0000'])(
    'answers a body that is not JSON (%j) with 400 errors.notJson',
    async (body) => {
      const before = writeCounts(core)
      const reply = await send('POST', '/api/factories.create', {
        headers: { [SECRET_HEADER]: host.secret, 'content-type': 'application/json' },
        body,
      })
      expect(reply.status).toBe(400)
      expect(JSON.parse(reply.body).error).toMatchObject({
        code: 'bad_request',
        messageKey: 'errors.notJson',
      })
      expect(writeCounts(core)).toEqual(before)
    },
  )

  it.each([
    ['with a content-length', false],
    ['chunked, without a content-length', true],
  ])('answers a 10 MB body %s with 413 and writes nothing', async (_how, chunked) => {
    const before = writeCounts(core)
    const huge = JSON.stringify({ name: '大厂', notes: 'x'.repeat(10 * 1024 * 1024) })
    expect(huge.length).toBeGreaterThan(MAX_BODY_BYTES)
    const reply = await send('POST', '/api/factories.create', {
      headers: { [SECRET_HEADER]: host.secret, 'content-type': 'application/json' },
      body: huge,
      chunked,
    })
    expect(reply.status).toBe(413)
    expect(JSON.parse(reply.body).error.code).toBe('payload_too_large')
    expect(writeCounts(core)).toEqual(before)
    // The host is still serving.
    expect((await api('app.info', {})).status).toBe(200)
  })

  it('serves the renderer with a strict CSP, falling back to index.html for app routes', async () => {
    for (const path of ['/', '/index.html', '/factories/123']) {
      const page = await send('GET', path)
      expect(page.status).toBe(200)
      expect(page.body).toBe(INDEX_HTML)
      expect(page.headers['content-type']).toMatch(/^text\/html/)
      expect(page.headers['content-security-policy']).toBe(RENDERER_CSP)
      expect(page.headers['content-security-policy']).toContain("default-src 'self'")
      expect(page.headers['content-security-policy']).not.toMatch(/https?:/)
    }
    const asset = await send('GET', '/assets/app-1234.js')
    expect(asset.body).toBe('console.log("app")')
    expect(asset.headers['content-type']).toMatch(/^text\/javascript/)
    expect((await send('POST', '/index.html')).status).toBe(405)
  })

  it.each([
    '/../secret.txt',
    '/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/../package.json',
  ])('never serves a file outside the renderer folder (%s)', async (path) => {
    const reply = await send('GET', path)
    expect(reply.body).not.toContain(OUTSIDE_SECRET)
    expect(reply.body).not.toContain('"devDependencies"')
    expect([200, 400, 403, 404]).toContain(reply.status)
    if (reply.status === 200) expect(reply.body).toBe(INDEX_HTML)
  })
})

describe('browser host while the core is still opening', () => {
  /** A host whose routes arrive when the test says; the page is there from the start. */
  async function hostWaitingForRoutes() {
    const rendererDir = mkdtempSync(join(tmpdir(), 'workbench-host-early-'))
    writeFileSync(join(rendererDir, 'index.html'), INDEX_HTML)
    let settle!: { resolve: (core: TempCore) => void; reject: (error: Error) => void }
    const routes = new Promise<TempCore>((resolve, reject) => (settle = { resolve, reject })).then(
      (core) => ({ dispatch: core.dispatch }),
    )
    const host = await startBrowserHost({ rendererDir, routes })
    const url = (path: string) => `http://127.0.0.1:${host.port}${path}`
    const call = (name: string, secret = host.secret) =>
      fetch(url(`/api/${name}`), { method: 'POST', headers: { [SECRET_HEADER]: secret }, body: '{}' })
    const close = async () => {
      await host.close()
      rmSync(rendererDir, { recursive: true, force: true })
    }
    return { settle, url, call, close }
  }

  it('serves the page at once and answers calls once the routes are there', async () => {
    const early = await hostWaitingForRoutes()
    const core = await createTempCore()
    try {
      expect(await (await fetch(early.url('/'))).text()).toBe(INDEX_HTML)
      // The secret is still checked first: a wrong one is refused without waiting for the core.
      expect((await early.call('app.info', 'wrong')).status).toBe(401)
      let answered = false
      const pending = early.call('app.info').then((reply) => {
        answered = true
        return reply
      })
      await new Promise((resolve) => setTimeout(resolve, 50))
      expect(answered).toBe(false)
      early.settle.resolve(core)
      const reply = await pending
      expect(reply.status).toBe(200)
      expect(await reply.json()).toMatchObject({ ok: true, value: { host: 'test' } })
    } finally {
      await early.close()
      await core.dispose()
    }
  })

  it('answers 500 to calls when the core failed to open, and keeps serving the page', async () => {
    const early = await hostWaitingForRoutes()
    try {
      const pending = early.call('app.info')
      early.settle.reject(new Error('database is locked'))
      const reply = await pending
      expect(reply.status).toBe(500)
      expect(await reply.json()).toMatchObject({ ok: false, error: { code: 'internal' } })
      expect((await fetch(early.url('/'))).status).toBe(200)
    } finally {
      await early.close()
    }
  })
})
