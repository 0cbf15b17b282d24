import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTempCore, type TempCore } from '../../test/integration/support/temp-core'
import { archiveRoutes } from '../core/archive/archive.api'
import type { ArchiveSummary } from '../core/archive/archive.contract'
import { SECRET_HEADER } from '../core/api/transport'
import { startBrowserHost, type BrowserHost } from './server'

/**
 * The archive routes over HTTP: behind the secret, an export downloaded by its name only (no path
 * outside <data dir>/exports), and an upload streamed into the check, which swaps in on a new core.
 */

describe('browser host archive routes', () => {
  let core: TempCore
  let fresh: TempCore
  let host: BrowserHost
  let rendererDir: string
  let replaced = 0

  const request = (path: string, init: RequestInit = {}, secret = true) =>
    fetch(`http://127.0.0.1:${host.port}${path}`, {
      ...init,
      headers: secret ? { [SECRET_HEADER]: host.secret } : {},
    })

  beforeAll(async () => {
    core = await createTempCore()
    fresh = await createTempCore()
    for (let i = 0; i < 3; i++) await core.dispatch('factories.create', { name: `江门纸业${i}` })
    rendererDir = mkdtempSync(join(tmpdir(), 'workbench-renderer-'))
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html>')
    host = await startBrowserHost({
      rendererDir,
      routes: {
        dispatch: core.dispatch,
        archive: archiveRoutes(core.context, { sqlite: core.database.sqlite, replaceData: async () => {} }),
      },
    })
  })
  afterAll(async () => {
    await host.close()
    await core.dispose()
    await fresh.dispose()
    rmSync(rendererDir, { recursive: true, force: true })
  })

  it('answers 401 without the secret, on every archive path', async () => {
    for (const [path, method] of [
      ['/archive/export', 'POST'],
      ['/archive/file/x.tar', 'GET'],
      ['/upload/archive?name=x.tar', 'POST'],
    ] as const) {
      expect((await request(path, { method }, false)).status).toBe(401)
    }
  })

  it('exports, downloads by name, refuses any other path, and opens on a new core', async () => {
    const exported = (await (await request('/archive/export', { method: 'POST' })).json()) as {
      ok: true
      value: ArchiveSummary
    }
    expect(exported.value.counts.factories).toBe(3)
    const download = await request(`/archive/file/${encodeURIComponent(exported.value.fileName)}`)
    expect(download.status).toBe(200)
    expect(download.headers.get('content-disposition')).toContain("filename*=UTF-8''")
    const bytes = new Uint8Array(await download.arrayBuffer())
    expect(bytes).toEqual(new Uint8Array(readFileSync(exported.value.path)))
    for (const name of [
      '..%2Fworkbench.sqlite',
      '..%2F..%2Fetc%2Fpasswd',
      'workbench.sqlite',
      '.hidden.tar',
    ]) {
      expect((await request(`/archive/file/${name}`)).status, name).toBe(404)
    }

    // The same upload route, now over the fresh laptop's core; the host's swap is a counter here.
    await host.close()
    host = await startBrowserHost({
      rendererDir,
      routes: {
        dispatch: fresh.dispatch,
        archive: archiveRoutes(fresh.context, {
          sqlite: fresh.database.sqlite,
          replaceData: async () => void replaced++,
        }),
      },
    })
    const opened = await request('/upload/archive?name=moved.tar', { method: 'POST', body: bytes })
    expect(opened.status).toBe(200)
    expect(await opened.json()).toMatchObject({
      ok: true,
      value: { fileName: 'moved.tar', counts: { factories: 3 } },
    })
    expect(replaced).toBe(1)
    const junk = await request('/upload/archive?name=junk.tar', {
      method: 'POST',
      body: new Uint8Array(5000),
    })
    expect(junk.status).toBe(400)
    expect(await junk.json()).toMatchObject({
      ok: false,
      error: { messageKey: 'errors.archive.notAnArchive' },
    })
    expect(replaced).toBe(1)
  })
})
