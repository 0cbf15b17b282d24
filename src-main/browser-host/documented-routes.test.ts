import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTempCore, type TempCore } from '../../test/integration/support/temp-core'
import { BINARY_ROUTES } from '../core/api/binary-routes'
import { renderApiDocs } from '../core/api/generate-api-docs'
import { importRoutes } from '../core/imports/imports.api'
import { startBrowserHost, type BrowserHost } from './server'

/**
 * Every route docs/api.md lists outside /api/ is one the browser host really answers behind its checks:
 * without the secret (or the photo cookie) each gets 401, where a path it does not know gets the page.
 */

describe('documented binary routes', () => {
  let core: TempCore
  let host: BrowserHost
  let rendererDir: string

  beforeAll(async () => {
    core = await createTempCore()
    rendererDir = mkdtempSync(join(tmpdir(), 'workbench-renderer-'))
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html>')
    host = await startBrowserHost({
      rendererDir,
      routes: { dispatch: core.dispatch, imports: importRoutes(core.context) },
    })
  })
  afterAll(async () => {
    await host.close()
    await core.dispose()
    rmSync(rendererDir, { recursive: true, force: true })
  })

  it('lists the import upload route with what it answers', () => {
    const docs = renderApiDocs()
    expect(docs).toContain('### POST /upload/import?name=<file name>')
    const section = docs.split('### POST /upload/import')[1]!.split('\n### ')[0]!
    expect(section).toContain('imports.preview')
    expect(section).toContain('"headerRow"')
    for (const route of BINARY_ROUTES) expect(docs).toContain(`### ${route.method} ${route.path}`)
  })

  it.each(BINARY_ROUTES.map((r) => [r.method, r.example] as const))(
    '%s %s is answered behind the secret or the cookie',
    async (method, path) => {
      const reply = await fetch(`http://127.0.0.1:${host.port}${path}`, { method })
      expect(reply.status).toBe(401)
      await reply.arrayBuffer()
    },
  )

  it('serves the page, not a 401, for a path it does not know', async () => {
    const reply = await fetch(`http://127.0.0.1:${host.port}/upload/nothing`)
    expect(reply.status).toBe(200)
    await reply.arrayBuffer()
  })
})
