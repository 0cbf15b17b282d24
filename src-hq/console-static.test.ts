import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Hq } from './hq'
import { createHqStore, startStoreHq, type HqStore } from './testing/test-hq'

describe('HQ serves its console page', () => {
  let store: HqStore
  let hq: Hq
  const consoleDir = mkdtempSync(join(tmpdir(), 'hq-console-'))

  beforeAll(async () => {
    mkdirSync(join(consoleDir, 'assets'))
    writeFileSync(join(consoleDir, 'index.html'), '<!doctype html><title>HQ</title>')
    writeFileSync(join(consoleDir, 'assets', 'index-Ab12.js'), 'console.log(1)')
    writeFileSync(join(consoleDir, 'assets', 'index-Ab12.css'), 'body{}')
    store = await createHqStore('sqlite')
    hq = await startStoreHq(store, { consoleDir })
  })
  afterAll(async () => {
    await hq?.close()
    await store?.dispose()
    rmSync(consoleDir, { recursive: true, force: true })
  })

  it('at / with a strict CSP, and its assets with their content types', async () => {
    const page = await fetch(`${hq.url}/`)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'")
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
    expect(page.headers.get('cache-control')).toBe('no-cache')
    const script = await fetch(`${hq.url}/assets/index-Ab12.js`)
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(script.headers.get('cache-control')).toContain('immutable')
    expect((await fetch(`${hq.url}/assets/index-Ab12.css`)).headers.get('content-type')).toMatch(/^text\/css/)
  })

  it('serves nothing outside its folder, and no data without login', async () => {
    for (const path of [
      '/assets/..%2Fadmin-token',
      '/assets/%2E%2E%2F%2E%2E%2Fadmin-token',
      '/../admin-token',
      '/admin-token',
      '/hq.sqlite',
      '/assets/',
    ]) {
      const response = await fetch(`${hq.url}${path}`)
      expect(response.status, path).not.toBe(200)
      expect(await response.text(), path).not.toContain(hq.adminToken)
    }
    expect(
      (await fetch(`${hq.url}/api/admin.rows.list`, { method: 'POST', body: '{"table":"skus"}' })).status,
    ).toBe(401)
  })
})
