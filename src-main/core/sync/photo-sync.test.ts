import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Hq } from '../../../src-hq/hq'
import { createHqStore, hqBackends, startStoreHq, type HqStore } from '../../../src-hq/testing/test-hq'
import { filesUnder } from '../../../test/integration/support/files-under'
import { photoFile, uploadPhoto } from '../photos/photos.service'
import type { Photo } from '../photos/photos.contract'
import { HqRequestError, type HqClient } from './hq-client'
import { syncNow } from './sync.service'
import { createSyncDevice, syncDepsOf, type SyncDevice } from '../../../test/sync-harness/sync-device'

/** Photos between two laptops through a real HQ: the rows go as messages, the files as blobs after them. */

/** A small JPEG of random pixels: every call is a different picture. */
function randomJpeg(): Promise<Buffer> {
  return sharp(randomBytes(64 * 48 * 3), { raw: { width: 64, height: 48, channels: 3 } })
    .jpeg()
    .toBuffer()
}

describe.each(hqBackends())('photo files sync through HQ on %s', (backend) => {
  let store: HqStore
  let hq: Hq
  let li: SyncDevice
  let wang: SyncDevice

  // A fresh HQ per test: a new laptop pulls every photo row HQ has ever logged.
  beforeEach(async () => {
    store = await createHqStore(backend)
    hq = await startStoreHq(store)
    li = await createSyncDevice(hq, '李工的笔记本')
    wang = await createSyncDevice(hq, '王工的笔记本')
  })
  afterEach(async () => {
    await li?.dispose()
    await wang?.dispose()
    await hq?.close()
    await store?.dispose()
  })

  const addPhoto = async (device: SyncDevice): Promise<{ photo: Photo; bytes: Buffer }> => {
    const bytes = await randomJpeg()
    return { photo: await uploadPhoto(device.core.context, bytes), bytes }
  }
  const photosDir = (device: SyncDevice) => join(device.core.dataDir, 'photos')
  /** A client to HQ with this laptop's token, some of whose calls misbehave. */
  const clientOf = async (device: SyncDevice, faults: Partial<HqClient>): Promise<HqClient> => ({
    ...(await device.httpClient()),
    ...faults,
  })

  it('sends a photo added on one laptop to the other, with its thumbnail made there', async () => {
    const { photo, bytes } = await addPhoto(li)
    expect(await li.sync()).toMatchObject({ outcome: 'ok', photosUp: 1, photoErrors: 0 })
    expect(await wang.sync()).toMatchObject({
      outcome: 'ok',
      photosDown: 1,
      photosWaiting: 0,
      photoErrors: 0,
    })

    const original = await photoFile(wang.core.context, photo.sha256, 'original')
    expect(readFileSync(original!.path).equals(bytes)).toBe(true)
    const thumb = await photoFile(wang.core.context, photo.sha256, 'thumb')
    expect(await sharp(thumb!.path).metadata()).toMatchObject({ format: 'webp' })
    // Print copies are made after a photo is stored, in the background: compared is what sync makes.
    const stored = (device: SyncDevice) =>
      filesUnder(photosDir(device)).filter((f) => !/\.print\.jpg(\.[0-9a-f]+\.tmp)?$/.test(f))
    expect(stored(wang)).toEqual(stored(li))

    // Nothing moves on the next syncs: HQ has it, and so do both laptops.
    expect(await li.sync()).toMatchObject({ photosUp: 0, photosDown: 0, photoErrors: 0 })
    expect(await wang.sync()).toMatchObject({ photosUp: 0, photosDown: 0, photoErrors: 0 })
  })

  it('counts the photos moved so far while they move, for the progress bar', async () => {
    await addPhoto(li)
    await addPhoto(li)
    const seen: number[] = []
    const report = await syncNow(syncDepsOf(li.core), {
      onProgress: (phase, sofar) => {
        if (phase === 'photos') seen.push(sofar.photosUp)
      },
    })
    expect(report.photosUp).toBe(2)
    // At the start of the phase, then after each photo.
    expect(seen).toEqual([0, 1, 2, 2])
  })

  it('keeps the sync going when a photo fails to go up, and sends it on the next sync', async () => {
    const { photo } = await addPhoto(li)
    const failing = await clientOf(li, {
      uploadPhoto: () => Promise.reject(new HqRequestError('offline', 'Wi-Fi dropped mid-upload')),
    })
    const first = await li.sync(failing)
    expect(first).toMatchObject({ outcome: 'ok', photosUp: 0, photoErrors: 1 })
    expect(first.pushed).toBeGreaterThan(0)
    expect(first.photoFailures).toEqual([
      { sha256: photo.sha256, direction: 'up', code: 'offline', message: 'Wi-Fi dropped mid-upload' },
    ])

    // 王 gets the row but HQ has no file yet: it waits, and is no error.
    expect(await wang.sync()).toMatchObject({
      outcome: 'ok',
      photosDown: 0,
      photosWaiting: 1,
      photoErrors: 0,
    })
    expect(await photoFile(wang.core.context, photo.sha256, 'thumb')).toBeNull()

    expect(await li.sync()).toMatchObject({ outcome: 'ok', photosUp: 1, photoErrors: 0 })
    expect(await wang.sync()).toMatchObject({ outcome: 'ok', photosDown: 1, photosWaiting: 0 })
    expect(await photoFile(wang.core.context, photo.sha256, 'thumb')).not.toBeNull()
  })

  it('refuses downloaded bytes that do not match the hash, stores nothing, and fetches it again later', async () => {
    const { photo, bytes } = await addPhoto(li)
    await li.sync()
    const tampered = await clientOf(wang, { downloadPhoto: async () => randomJpeg() })
    const first = await wang.sync(tampered)
    expect(first).toMatchObject({ outcome: 'ok', photosDown: 0, photoErrors: 1 })
    expect(first.photoFailures[0]).toMatchObject({
      sha256: photo.sha256,
      direction: 'down',
      code: 'hash_mismatch',
    })
    expect(filesUnder(photosDir(wang))).toEqual([])

    expect(await wang.sync()).toMatchObject({ outcome: 'ok', photosDown: 1, photoErrors: 0 })
    const original = await photoFile(wang.core.context, photo.sha256, 'original')
    expect(readFileSync(original!.path).equals(bytes)).toBe(true)
  })

  it('counts each failing photo and still moves the others', async () => {
    const photos = [await addPhoto(li), await addPhoto(li), await addPhoto(li)]
    const bad = photos[1]!.photo.sha256
    const real = await li.httpClient()
    const picky = await clientOf(li, {
      uploadPhoto: (sha256, bytes) =>
        sha256 === bad
          ? Promise.reject(new HqRequestError('hash_mismatch', 'corrupted on the way'))
          : real.uploadPhoto(sha256, bytes),
    })
    expect(await li.sync(picky)).toMatchObject({ outcome: 'ok', photosUp: 2, photoErrors: 1 })
    expect(await wang.sync()).toMatchObject({ photosDown: 2, photosWaiting: 1 })
    expect(await li.sync()).toMatchObject({ photosUp: 1, photoErrors: 0 })
    expect(await wang.sync()).toMatchObject({ photosDown: 1, photosWaiting: 0 })
  })

  it('leaves alone a synced photo row of a type no laptop stores', async () => {
    const { photo } = await addPhoto(li)
    li.core.database.sqlite.prepare("UPDATE photos SET mime = 'image/svg+xml' WHERE id = ?").run(photo.sha256)
    expect(await li.sync()).toMatchObject({ outcome: 'ok', photosUp: 0, photoErrors: 0 })
  })

  it('keeps the last report with its photo counts for sync.status', async () => {
    await addPhoto(li)
    await li.sync()
    const status = await li.core.dispatch('sync.status', {})
    expect(status.ok && status.value).toMatchObject({ lastSync: { photosUp: 1, photoErrors: 0 } })
  })
})
