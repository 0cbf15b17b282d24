import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { csvBytes, FACTORY_HEADERS, factoryRows } from '../../test/integration/support/spreadsheets'
import { createTempCore, writeCounts, type TempCore } from '../../test/integration/support/temp-core'
import { SECRET_HEADER } from '../core/api/transport'
import { importRoutes } from '../core/imports/imports.api'
import { MAX_IMPORT_BYTES } from '../core/imports/imports.contract'
import { startBrowserHost, type BrowserHost } from './server'

/** The spreadsheet upload route: the secret first, its own size limit, the file name from the query. */

describe('browser host import upload', () => {
  let core: TempCore
  let host: BrowserHost
  let rendererDir: string

  const upload = (body: Uint8Array, headers: Record<string, string> = { [SECRET_HEADER]: host.secret }) =>
    fetch(`http://127.0.0.1:${host.port}/upload/import?name=${encodeURIComponent('工厂名单.csv')}`, {
      method: 'POST',
      headers,
      body: new Uint8Array(body),
    })

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

  it('refuses an upload without the secret (401)', async () => {
    const reply = await upload(csvBytes(FACTORY_HEADERS, factoryRows(2), 'gbk'), {})
    expect(reply.status).toBe(401)
    expect(await reply.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
  })

  it('reads a GBK CSV larger than the JSON body limit, and writes nothing', async () => {
    const bytes = csvBytes(FACTORY_HEADERS, factoryRows(12_000), 'gbk')
    expect(bytes.length).toBeGreaterThan(1024 * 1024)
    const reply = await upload(bytes)
    expect(reply.status).toBe(200)
    const body = (await reply.json()) as { ok: true; value: Record<string, unknown> }
    expect(body.value).toMatchObject({ fileName: '工厂名单.csv', encoding: 'gb18030', rowCount: 12_000 })
    expect(writeCounts(core)).toEqual({ factories: 0, changes: 0 })
  })

  it('answers 413 with a specific error over the import limit', async () => {
    const reply = await upload(new Uint8Array(MAX_IMPORT_BYTES + 1))
    expect(reply.status).toBe(413)
    expect(await reply.json()).toMatchObject({
      ok: false,
      error: { code: 'payload_too_large', messageKey: 'errors.import.tooLarge' },
    })
  })

  it('answers a damaged file with the import error, not a 500', async () => {
    const reply = await upload(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))
    expect(reply.status).toBe(400)
    expect(await reply.json()).toMatchObject({ ok: false, error: { messageKey: 'errors.import.malformed' } })
  })
})
