import { createHash, randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Hq } from '../hq'
import { createHqStore, hqCall, startStoreHq, type HqStore } from '../testing/test-hq'

/**
 * The update feed end to end: installer builds uploaded through HQ's admin route (the admin token, or
 * the console's session cookie), then read back the way a laptop reads them — by electron-updater's own
 * GenericProvider over builder-util's Node HTTP executor, with the device token header, and downloaded
 * with its sha512 check. Ranges answer 206 with the right bytes.
 */

const require = createRequire(import.meta.url)
const { GenericProvider } = require('electron-updater/out/providers/GenericProvider') as {
  GenericProvider: new (
    configuration: { provider: 'generic'; url: string; useMultipleRangeRequest?: boolean },
    updater: { channel: string | null; isAddNoCacheQuery: boolean },
    runtimeOptions: { executor: unknown; platform: NodeJS.Platform; isUseMultipleRangeRequest: boolean },
  ) => {
    setRequestHeaders(headers: Record<string, string>): void
    getLatestVersion(): Promise<{
      version: string
      files: Array<{ url: string; sha512: string; size: number }>
      path: string
      sha512: string
    }>
    resolveFiles(info: unknown): Array<{ url: URL; info: { sha512: string; size: number } }>
  }
}
const { NodeHttpExecutor } = require('builder-util/out/nodeHttpExecutor') as {
  NodeHttpExecutor: new () => {
    doDownload(requestOptions: object, options: object, redirectCount: number): void
  }
}
const runtime = require('builder-util-runtime') as {
  CancellationToken: new () => {
    createPromise<T>(
      run: (resolve: (v: T) => void, reject: (e: Error) => void, onCancel: (f: () => void) => void) => void,
    ): Promise<T>
  }
  configureRequestUrl(url: URL, options: object): void
  configureRequestOptions(options: object): void
}

/**
 * A download to a file the way electron-updater's ElectronHttpExecutor.download does it (the same
 * doDownload, whose pipes check the sha512 while writing), over Node's http instead of Electron's net.
 */
function downloadChecked(url: URL, destination: string, sha512: string, headers: object): Promise<string> {
  const executor = new NodeHttpExecutor()
  const cancellationToken = new runtime.CancellationToken()
  return cancellationToken.createPromise<string>((resolve, reject, onCancel) => {
    const requestOptions = { headers, redirect: 'manual' }
    runtime.configureRequestUrl(url, requestOptions)
    runtime.configureRequestOptions(requestOptions)
    executor.doDownload(
      requestOptions,
      {
        destination,
        options: { sha512, headers, cancellationToken },
        onCancel,
        callback: (error: Error | null) => (error ? reject(error) : resolve(destination)),
        responseHandler: null,
      },
      0,
    )
  })
}

const sha512 = (bytes: Buffer) => createHash('sha512').update(bytes).digest('base64')

describe('HQ update feed (sqlite)', () => {
  let store: HqStore
  let hq: Hq
  let deviceToken: string
  const installer = randomBytes(3 * 1024 * 1024 + 17)
  const blockmap = randomBytes(4096)
  const exe = 'Sourcing-Workbench-Setup-0.2.0.exe'

  const upload = (name: string, body: Buffer, query = '', auth = hq.adminToken) =>
    fetch(`${hq.url}/updates/${name}${query}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${auth}`, 'content-type': 'application/octet-stream' },
      body: new Uint8Array(body),
    })
  const get = (name: string, headers: Record<string, string> = {}) =>
    fetch(`${hq.url}/updates/${name}`, { headers: { authorization: `Bearer ${deviceToken}`, ...headers } })
  const provider = (platform: NodeJS.Platform) => {
    const made = new GenericProvider(
      { provider: 'generic', url: `${hq.url}/updates/`, useMultipleRangeRequest: false },
      { channel: null, isAddNoCacheQuery: false },
      { executor: new NodeHttpExecutor(), platform, isUseMultipleRangeRequest: false },
    )
    made.setRequestHeaders({ authorization: `Bearer ${deviceToken}` })
    return made
  }

  beforeAll(async () => {
    store = await createHqStore('sqlite')
    hq = await startStoreHq(store)
    const reply = await hqCall(hq.url, 'enrol', {
      code: hq.firstCode!.code,
      deviceName: 'update tests',
      nodeId: '00000000000000c1',
    })
    deviceToken = (reply.body.value as { token: string }).token
  })
  afterAll(async () => {
    await hq?.close()
    await store?.dispose()
  })

  it('takes an installer from the admin and lists it in latest.yml with its sha512, size and version', async () => {
    const response = await upload(exe, installer, '?version=0.2.0')
    expect(response.status).toBe(200)
    const stored = ((await response.json()) as { value: Record<string, unknown> }).value
    expect(stored).toMatchObject({
      fileName: exe,
      version: '0.2.0',
      channel: 'latest.yml',
      sha512: sha512(installer),
      size: installer.length,
    })
    expect((await upload(`${exe}.blockmap`, blockmap)).status).toBe(200)

    const info = await provider('win32').getLatestVersion()
    expect(info.version).toBe('0.2.0')
    expect(info.files).toEqual([{ url: exe, sha512: sha512(installer), size: installer.length }])
    expect(info.path).toBe(exe)
    expect(info.sha512).toBe(sha512(installer))
  })

  it('serves the installer to a device, checked by electron-updater’s sha512 download', async () => {
    const win = provider('win32')
    const [file] = win.resolveFiles(await win.getLatestVersion())
    expect(file!.url.href).toBe(`${hq.url}/updates/${exe}`)
    const auth = { authorization: `Bearer ${deviceToken}` }
    const folder = mkdtempSync(join(tmpdir(), 'update-download-'))
    try {
      const saved = await downloadChecked(file!.url, join(folder, exe), file!.info.sha512, auth)
      expect(readFileSync(saved).equals(installer)).toBe(true)
      // A file whose bytes do not match the listed hash is refused by the same check.
      const wrong = sha512(Buffer.from('something else'))
      await expect(downloadChecked(file!.url, join(folder, 'wrong.exe'), wrong, auth)).rejects.toThrow(
        /sha512 checksum mismatch/,
      )
    } finally {
      rmSync(folder, { recursive: true, force: true })
    }
  })

  it('answers byte ranges with 206 and exactly those bytes (differential download)', async () => {
    const middle = await get(exe, { range: 'bytes=1000-5095' })
    expect(middle.status).toBe(206)
    expect(middle.headers.get('content-range')).toBe(`bytes 1000-5095/${installer.length}`)
    expect(Buffer.from(await middle.arrayBuffer()).equals(installer.subarray(1000, 5096))).toBe(true)
    const tail = await get(exe, { range: 'bytes=-100' })
    expect(tail.status).toBe(206)
    expect(Buffer.from(await tail.arrayBuffer()).equals(installer.subarray(installer.length - 100))).toBe(
      true,
    )
    const open = await get(exe, { range: `bytes=${installer.length - 10}-` })
    expect(Buffer.from(await open.arrayBuffer()).equals(installer.subarray(installer.length - 10))).toBe(true)
    expect((await get(exe, { range: `bytes=${installer.length}-` })).status).toBe(416)
    const whole = await get(exe)
    expect(whole.status).toBe(200)
    expect(whole.headers.get('accept-ranges')).toBe('bytes')
    expect(Buffer.from(await whole.arrayBuffer()).equals(installer)).toBe(true)
    const map = await get(`${exe}.blockmap`)
    expect(Buffer.from(await map.arrayBuffer()).equals(blockmap)).toBe(true)
  })

  it('lists a Mac zip and dmg, and a Linux AppImage and deb, in their own channel files', async () => {
    const zip = randomBytes(2048)
    const dmg = randomBytes(1024)
    const appImage = randomBytes(3000)
    const deb = randomBytes(1500)
    for (const [name, body] of [
      ['Sourcing-Workbench-0.2.0-arm64.zip', zip],
      ['Sourcing-Workbench-0.2.0-arm64.dmg', dmg],
      ['Sourcing-Workbench-0.2.0-x86_64.AppImage', appImage],
      ['Sourcing-Workbench-0.2.0-amd64.deb', deb],
    ] as const) {
      expect((await upload(name, body, '?version=0.2.0')).status).toBe(200)
    }
    const mac = await provider('darwin').getLatestVersion()
    expect(mac.files.map((f) => f.url)).toEqual([
      'Sourcing-Workbench-0.2.0-arm64.zip',
      'Sourcing-Workbench-0.2.0-arm64.dmg',
    ])
    expect(mac.files[0]!.sha512).toBe(sha512(zip))
    const linux = await provider('linux').getLatestVersion()
    expect(linux.files).toEqual([
      { url: 'Sourcing-Workbench-0.2.0-x86_64.AppImage', sha512: sha512(appImage), size: appImage.length },
      { url: 'Sourcing-Workbench-0.2.0-amd64.deb', sha512: sha512(deb), size: deb.length },
    ])
  })

  it('replaces the listed version with a newer upload and keeps the older file for differential download', async () => {
    const next = randomBytes(4096)
    const name = 'Sourcing-Workbench-Setup-0.3.0.exe'
    expect((await upload(name, next, '?version=0.3.0')).status).toBe(200)
    const info = await provider('win32').getLatestVersion()
    expect(info.version).toBe('0.3.0')
    expect(info.files).toEqual([{ url: name, sha512: sha512(next), size: next.length }])
    expect((await get(exe)).status).toBe(200)
  })

  it('takes uploads only from the admin (token or console session), and serves only enrolled devices', async () => {
    expect(
      (await upload('Sourcing-Workbench-Setup-9.0.0.exe', randomBytes(10), '?version=9.0.0', deviceToken))
        .status,
    ).toBe(401)
    const login = await fetch(`${hq.url}/api/admin.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: hq.adminToken }),
    })
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!
    const bySession = await fetch(`${hq.url}/updates/Sourcing-Workbench-Setup-0.3.0.exe.blockmap`, {
      method: 'PUT',
      headers: { cookie, 'content-type': 'application/octet-stream' },
      body: new Uint8Array(randomBytes(64)),
    })
    expect(bySession.status).toBe(200)
    expect((await fetch(`${hq.url}/updates/latest.yml`)).status).toBe(401)
    expect((await get('latest.yml', { authorization: 'Bearer wrong-token-wrong-token-1234' })).status).toBe(
      401,
    )
    // Still the admin's upload of 0.3.0 listed: the refused ones changed nothing.
    expect((await provider('win32').getLatestVersion()).version).toBe('0.3.0')
  })

  it('refuses names that are not update files and installers without a version', async () => {
    expect((await upload('latest.yml', randomBytes(10))).status).toBe(400)
    expect((await upload('..%2Fhq.sqlite', randomBytes(10), '?version=1.0.0')).status).toBe(400)
    expect((await upload('notes.txt', randomBytes(10))).status).toBe(400)
    expect((await upload('Sourcing-Workbench-Setup-1.0.0.exe', randomBytes(10))).status).toBe(400)
    expect((await upload('Sourcing-Workbench-Setup-1.0.0.exe', randomBytes(10), '?version=one')).status).toBe(
      400,
    )
    expect((await get('Sourcing-Workbench-Setup-1.0.0.exe')).status).toBe(404)
    expect((await provider('win32').getLatestVersion()).version).toBe('0.3.0')
  })

  it('says in words why an upload was refused (name, version), for the console to show', async () => {
    const key = async (response: Response) =>
      ((await response.json()) as { error: { messageKey: string } }).error.messageKey
    expect(await key(await upload('notes.txt', randomBytes(10)))).toBe('errors.hq.updateBadName')
    expect(await key(await upload('Sourcing-Workbench-Setup-1.0.0.exe', randomBytes(10)))).toBe(
      'errors.hq.updateBadVersion',
    )
  })

  it('lists the stored builds for the admin: current ones with version and sha512, replaced ones without', async () => {
    const listed = await hqCall(hq.url, 'admin.updates.list', {}, hq.adminToken)
    expect(listed.status).toBe(200)
    const files = (listed.body.value as { files: Array<Record<string, unknown>> }).files
    const byName = new Map(files.map((f) => [f.fileName, f]))
    expect(byName.get('Sourcing-Workbench-Setup-0.3.0.exe')).toMatchObject({
      version: '0.3.0',
      channel: 'latest.yml',
      size: 4096,
    })
    expect(byName.get(exe)).toMatchObject({ version: null, sha512: null, size: installer.length })
    expect(byName.get(`${exe}.blockmap`)).toMatchObject({ channel: null, size: blockmap.length })
    expect([...byName.keys()]).not.toContain('latest.yml')
    expect([...byName.keys()]).not.toContain('incoming')
    expect((await hqCall(hq.url, 'admin.updates.list', {}, deviceToken)).status).toBe(401)
  })
})
