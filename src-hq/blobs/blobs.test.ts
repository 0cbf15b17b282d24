import { createHash, randomBytes } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { filesUnder } from '../../test/integration/support/files-under'
import type { Hq } from '../hq'
import { MAX_BLOB_BYTES, MAX_MISSING_HASHES } from '../hq.contract'
import { createHqStore, hqBackends, hqCall, startStoreHq, type HqStore } from '../testing/test-hq'

/** Photo blobs on a real HQ: which it lacks, verified uploads, downloads, and what is refused. */

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

/** Bytes that start like a JPEG (HQ checks the signature, the laptop decodes the picture). */
function fakeJpeg(size: number): Buffer<ArrayBuffer> {
  return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(size - 4)])
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !condition(); waited += 20) {
    if (waited > 5000) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

describe.each(hqBackends())('HQ photo blobs on %s', (backend) => {
  let store: HqStore
  let hq: Hq
  let token: string
  let blobsDir: string

  beforeAll(async () => {
    store = await createHqStore(backend)
    hq = await startStoreHq(store)
    blobsDir = join(store.dataDir, 'blobs')
    const reply = await hqCall(hq.url, 'enrol', {
      code: hq.firstCode!.code,
      deviceName: 'blob tests',
      nodeId: '00000000000000b1',
    })
    token = (reply.body.value as { token: string }).token
  })
  afterAll(async () => {
    await hq?.close()
    await store?.dispose()
  })

  const put = (name: string, body: Uint8Array<ArrayBuffer>, auth = token) =>
    fetch(`${hq.url}/blobs/${name}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${auth}`, 'content-type': 'application/octet-stream' },
      body,
    })
  const get = (name: string, auth = token) =>
    fetch(`${hq.url}/blobs/${name}`, { headers: { authorization: `Bearer ${auth}` } })
  const missing = async (hashes: string[]) => {
    const reply = await hqCall(hq.url, 'photos.missing', { hashes }, token)
    expect(reply.status).toBe(200)
    return (reply.body.value as { missing: string[] }).missing
  }
  // What the store holds: files beside SQLite, rows of the database on PostgreSQL (none on disk there).
  const stored = async () => {
    const files = filesUnder(blobsDir).filter((f) => !f.startsWith('incoming'))
    if (backend === 'sqlite') return files
    expect(files).toEqual([])
    const rows = await hq.database.db.selectFrom('blobs').select('sha256').orderBy('sha256').execute()
    return rows.map((r) => r.sha256)
  }
  const storedBytes = async (hash: string) => {
    if (backend === 'sqlite') return readFileSync(join(blobsDir, hash.slice(0, 2), hash))
    const chunks = await hq.database.db
      .selectFrom('blob_chunks')
      .select('data')
      .where('sha256', '=', hash)
      .orderBy('chunk')
      .execute()
    return Buffer.concat(chunks.map((c) => c.data))
  }

  it('names the hashes it lacks, stores a verified upload once and serves it back', async () => {
    const photo = fakeJpeg(200_000)
    const hash = sha(photo)
    const other = sha(fakeJpeg(100))
    expect(await missing([hash, other])).toEqual([hash, other])

    const first = await put(hash, photo)
    expect(first.status).toBe(200)
    expect(await first.json()).toEqual({ ok: true, value: { existed: false } })
    expect(await missing([hash, other])).toEqual([other])
    expect((await storedBytes(hash)).equals(photo)).toBe(true)

    // A second upload of the same bytes (a retry after a lost reply) changes nothing.
    const again = await put(hash, photo)
    expect(await again.json()).toEqual({ ok: true, value: { existed: true } })

    const download = await get(hash)
    expect(download.status).toBe(200)
    expect(Buffer.from(await download.arrayBuffer()).equals(photo)).toBe(true)
    const absent = await get(other)
    expect(absent.status).toBe(404)
    expect(await absent.json()).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })

  it('refuses bytes whose hash is not their name, and stores nothing', async () => {
    const before = await stored()
    const claimed = sha(fakeJpeg(1000))
    const reply = await put(claimed, fakeJpeg(1000))
    expect(reply.status).toBe(422)
    expect(await reply.json()).toMatchObject({ ok: false, error: { code: 'hash_mismatch' } })
    expect(await stored()).toEqual(before)
    expect(filesUnder(join(blobsDir, 'incoming'))).toEqual([])
    expect(await missing([claimed])).toEqual([claimed])
  })

  it('refuses bytes that are not an image, and stores nothing', async () => {
    const text = Buffer.from('<svg onload="alert(1)"></svg>')
    const reply = await put(sha(text), text)
    expect(reply.status).toBe(415)
    expect(await reply.json()).toMatchObject({ ok: false, error: { code: 'not_image' } })
    expect(await missing([sha(text)])).toEqual([sha(text)])
  })

  it('refuses malformed hashes, in the path and in photos.missing', async () => {
    const photo = fakeJpeg(500)
    for (const name of [sha(photo).toUpperCase(), sha(photo).slice(1), '../admin-token', 'x'.repeat(64)]) {
      const reply = await put(encodeURIComponent(name), photo)
      expect(reply.status, name).toBe(400)
      expect((await get(encodeURIComponent(name))).status, name).toBe(400)
    }
    const bad = await hqCall(hq.url, 'photos.missing', { hashes: [sha(photo), 'abc'] }, token)
    expect(bad.status).toBe(400)
    expect(bad.body.error?.code).toBe('validation')
    const tooMany = Array.from({ length: MAX_MISSING_HASHES + 1 }, () => sha(randomBytes(8)))
    expect((await hqCall(hq.url, 'photos.missing', { hashes: tooMany }, token)).status).toBe(400)
    expect((await stored()).some((f) => f.includes(sha(photo)))).toBe(false)
  })

  it('answers 401 on every blob route without a valid device token', async () => {
    const photo = fakeJpeg(500)
    expect((await put(sha(photo), photo, 'not-a-real-token-not-a-real-token')).status).toBe(401)
    expect((await get(sha(photo), 'not-a-real-token-not-a-real-token')).status).toBe(401)
    const anonymous = await fetch(`${hq.url}/blobs/${sha(photo)}`)
    expect(anonymous.status).toBe(401)
    expect((await hqCall(hq.url, 'photos.missing', { hashes: [] })).status).toBe(401)
    expect((await stored()).some((f) => f.includes(sha(photo)))).toBe(false)
  })

  it('refuses an upload over the photo limit with 413, declared or not', async () => {
    const huge = fakeJpeg(MAX_BLOB_BYTES + 1)
    const declared = await put(sha(huge), huge)
    expect(declared.status).toBe(413)
    // Sent in chunks without a length: HQ counts while it streams and stops at the limit.
    const chunked = await fetch(`${hq.url}/blobs/${sha(huge)}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}` },
      body: new Blob([huge]).stream(),
      duplex: 'half',
    } as RequestInit).catch(() => null)
    // The refusal may race the rest of the body: a client can see the connection close instead.
    if (chunked) expect(chunked.status).toBe(413)
    expect(await missing([sha(huge)])).toEqual([sha(huge)])
    expect(filesUnder(join(blobsDir, 'incoming'))).toEqual([])
  })

  it('keeps nothing of an upload cut off mid-body', async () => {
    const photo = fakeJpeg(4 * 1024 * 1024)
    const hash = sha(photo)
    const upload = request(`${hq.url}/blobs/${hash}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-length': photo.length },
    })
    upload.on('error', () => undefined)
    upload.write(photo.subarray(0, photo.length / 2))
    const incoming = join(blobsDir, 'incoming')
    // Cut the connection only once HQ is writing the upload's temp file.
    await until(
      () => filesUnder(incoming).some((f) => statSync(join(incoming, f)).size > 0),
      'the upload to start',
    )
    upload.destroy()
    await until(() => filesUnder(incoming).length === 0, 'the temp file to go')
    expect(await missing([hash])).toEqual([hash])
    expect((await stored()).some((f) => f.includes(hash))).toBe(false)
    // HQ still serves uploads afterwards, and this one back whole (on PostgreSQL, 4 chunks in order).
    expect((await put(hash, photo)).status).toBe(200)
    const download = await get(hash)
    expect(download.headers.get('content-length')).toBe(String(photo.length))
    expect(Buffer.from(await download.arrayBuffer()).equals(photo)).toBe(true)
  })
})
