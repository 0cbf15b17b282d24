import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHqProcess, type HqProcess } from '../../src-hq/testing/hq-process'
import { besideStore, createHqStore, hqBackends, type HqStore } from '../../src-hq/testing/test-hq'
import { documentRoutes } from '../../src-main/core/documents/documents.api'
import type { Document, StoredDocumentFile } from '../../src-main/core/documents/documents.contract'
import type { Factory } from '../../src-main/core/factories/factories.contract'
import { photoFile, uploadPhoto } from '../../src-main/core/photos/photos.service'
import { createSyncDevice, type SyncDevice } from '../sync-harness/sync-device'
import { ok } from './support/api-result'
import { tinyPdf } from './support/document-files'
import { filesUnder } from './support/files-under'

/**
 * Stateless HQ: two HQ processes (`npm run hq -- --database postgres://…`, each with its own data
 * directory, on its own port) on one PostgreSQL database serve one team. A laptop enrolled on each
 * gets the other's records, photos and documents; the console's login, the admin token and enrolment
 * codes are the same on both; a restart logs nobody out.
 */

const postgres = hqBackends().includes('postgres')

/** The console's session cookie, as a browser sends it back. */
async function consoleLogin(hq: HqProcess): Promise<string> {
  const reply = await fetch(`${hq.url}/api/admin.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: hq.adminToken }),
  })
  expect(reply.status).toBe(200)
  return reply.headers.get('set-cookie')!.split(';')[0]!
}

/** A console call with the session cookie only (no token), as the console page makes it. */
async function consoleCall(hq: HqProcess, cookie: string, name: string) {
  const reply = await fetch(`${hq.url}/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: '{}',
  })
  return { status: reply.status, body: (await reply.json()) as { value?: Record<string, string> } }
}

describe.runIf(postgres)('two HQ processes on one PostgreSQL database', () => {
  let store: HqStore
  let beside: HqStore
  const hqs: HqProcess[] = []
  const laptops: SyncDevice[] = []

  beforeAll(async () => {
    store = await createHqStore('postgres')
    beside = besideStore(store)
    hqs.push(await startHqProcess(store))
    hqs.push(await startHqProcess(beside))
  }, 60_000)
  afterAll(async () => {
    for (const laptop of laptops) await laptop.dispose()
    for (const hq of hqs) await hq.stop('SIGTERM')
    await beside?.dispose()
    await store?.dispose()
  })

  it('serve one team: records, photos and documents, one console login, codes and admin token', async () => {
    const [first, second] = hqs as [HqProcess, HqProcess]
    expect(first.url).not.toBe(second.url)
    // One admin token for both, written into each one's own data directory.
    expect(second.adminToken).toBe(first.adminToken)

    // Logged in on the first, the admin is logged in on the second; codes minted on one enrol on the other.
    const cookie = await consoleLogin(first)
    const codeFromSecond = await consoleCall(second, cookie, 'admin.codes.create')
    expect(codeFromSecond.status).toBe(200)
    const codeFromFirst = await consoleCall(first, cookie, 'admin.codes.create')
    const li = await createSyncDevice(first, '李工的笔记本', Date.now(), {}, codeFromSecond.body.value!.code)
    laptops.push(li)
    const wang = await createSyncDevice(
      second,
      '王工的笔记本',
      Date.now(),
      {},
      codeFromFirst.body.value!.code,
    )
    laptops.push(wang)

    // 李 works on the first HQ: a factory, a photo and a price sheet.
    const factory = ok<Factory>(await li.core.dispatch('factories.create', { name: '晋江恒安纸业' }))
    const photoBytes = await sharp(randomBytes(64 * 48 * 3), { raw: { width: 64, height: 48, channels: 3 } })
      .jpeg()
      .toBuffer()
    const photo = await uploadPhoto(li.core.context, photoBytes)
    const pdf = tinyPdf('晋江恒安 2026 报价')
    const stored = ok<StoredDocumentFile>(await documentRoutes(li.core.context).upload(pdf, '报价单.pdf'))
    const document = ok<Document>(
      await li.core.dispatch('documents.attach', {
        sha256: stored.sha256,
        ownerTable: 'factories',
        ownerId: factory.id,
        kind: 'price_sheet',
        fileName: '报价单.pdf',
      }),
    )
    expect(await li.sync(await li.httpClient(first.url))).toMatchObject({
      outcome: 'ok',
      photosUp: 1,
      documentsUp: 1,
      photoErrors: 0,
    })

    // 王 syncs with the second HQ: everything 李 did arrives, the files byte for byte.
    expect(await wang.sync(await wang.httpClient(second.url))).toMatchObject({
      outcome: 'ok',
      photosDown: 1,
      documentsDown: 1,
      photosWaiting: 0,
      documentsWaiting: 0,
      photoErrors: 0,
    })
    expect(ok<Factory>(await wang.core.dispatch('factories.get', { id: factory.id })).name).toBe(
      '晋江恒安纸业',
    )
    const original = await photoFile(wang.core.context, photo.sha256, 'original')
    expect(readFileSync(original!.path).equals(photoBytes)).toBe(true)
    const file = await documentRoutes(wang.core.context).file(document.id)
    expect(readFileSync(file!.path).equals(pdf)).toBe(true)

    // And back: 王's edit through the second HQ reaches 李 through the first.
    ok(
      await wang.core.dispatch('factories.update', {
        id: factory.id,
        values: {
          ...omitIds(ok(await wang.core.dispatch('factories.get', { id: factory.id }))),
          notes: '王工补充：可做竹浆',
        },
        removedContactIds: [],
      }),
    )
    expect(await wang.sync(await wang.httpClient(second.url))).toMatchObject({ outcome: 'ok' })
    expect(await li.sync(await li.httpClient(first.url))).toMatchObject({ outcome: 'ok' })
    expect(ok<Factory>(await li.core.dispatch('factories.get', { id: factory.id })).notes).toBe(
      '王工补充：可做竹浆',
    )

    // Neither process keeps a blob in its data directory: they are in the database both read.
    for (const dataDir of [store.dataDir, beside.dataDir])
      expect(filesUnder(join(dataDir, 'blobs'))).toEqual([])

    // A restart of the first HQ keeps the admin logged in, on it and on the second.
    await first.stop('SIGTERM')
    const restarted = await startHqProcess(store)
    hqs[0] = restarted
    expect((await consoleCall(restarted, cookie, 'admin.session')).status).toBe(200)
    expect((await consoleCall(second, cookie, 'admin.session')).status).toBe(200)
    // Logged out on one, the session is gone on both.
    const logout = await consoleCall(second, cookie, 'admin.logout')
    expect(logout.body.value).toEqual({ ended: true })
    expect((await consoleCall(restarted, cookie, 'admin.session')).status).toBe(401)
  }, 60_000)
})

function omitIds(factory: Record<string, unknown>): Record<string, unknown> {
  const { id: _id, createdAt: _created, updatedAt: _updated, ...values } = factory
  return values
}
