import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { filesUnder } from '../../../test/integration/support/files-under'
import { failed, ok } from '../../../test/integration/support/api-result'
import { seedPaperSku } from '../../../test/integration/support/paper-sku'
import { createTempCore, type TempCore } from '../../../test/integration/support/temp-core'
import type { ApiResult } from '../api/dispatcher'
import type { Factory } from '../factories/factories.contract'
import type { Quote } from '../quotes/quotes.contract'
import { photoRoutes, type PhotoRoutes } from './photos.api'
import { MAX_PHOTO_UPLOAD_BYTES, type Photo, type PhotoLink } from './photos.contract'

/** Photos end to end in the core: real image files in a temp data directory, calls through the dispatcher. */

/** A two-colour JPEG: the left half red, the right half blue. */
function halves(width: number, height: number, orientation?: number): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="${width / 2}" height="${height}" fill="#ff0000"/>
    <rect x="${width / 2}" width="${width / 2}" height="${height}" fill="#0000ff"/></svg>`
  const image = sharp(Buffer.from(svg)).jpeg({ quality: 90 })
  return (orientation ? image.withMetadata({ orientation }) : image).toBuffer()
}

async function pixel(image: Buffer, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(image).removeAlpha().raw().toBuffer({ resolveWithObject: true })
  const at = (y * info.width + x) * info.channels
  return [data[at]!, data[at + 1]!, data[at + 2]!]
}

const isRed = ([r, g, b]: number[]) => r! > 200 && g! < 60 && b! < 60
const isBlue = ([r, g, b]: number[]) => b! > 200 && r! < 60 && g! < 60

describe('photos', () => {
  let core: TempCore
  let routes: PhotoRoutes
  let photosDir: string
  const call = (name: string, input: unknown) => core.dispatch(name, input)
  const upload = (bytes: Uint8Array): Promise<ApiResult> => routes.upload(bytes)
  /** The print copy is made once the upload has answered: waits for it. */
  const printCopyOf = async (sha256: string): Promise<string> => {
    for (let waited = 0; waited < 5_000; waited += 20) {
      const path = await routes.printCopy(sha256)
      if (path) return path
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    throw new Error(`no print copy of ${sha256}`)
  }
  const factory = async (name: string) => ok<Factory>(await call('factories.create', { name }))
  const count = (table: string) =>
    (core.database.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n

  beforeEach(async () => {
    core = await createTempCore()
    routes = photoRoutes(core.context)
    photosDir = join(core.dataDir, 'photos')
  })
  afterEach(async () => {
    await core.dispose()
  })

  it('stores the same picture once, however often it is uploaded', async () => {
    const bytes = await halves(640, 480)
    const first = ok<Photo>(await upload(bytes))
    const changes = count('change_log')
    const second = ok<Photo>(await upload(Buffer.from(bytes)))
    expect(second).toEqual(first)
    expect(first).toMatchObject({ mime: 'image/jpeg', width: 640, height: 480, bytes: bytes.length })
    expect(first.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(count('photos')).toBe(1)
    // The second upload wrote no row and no sync message.
    expect(count('change_log')).toBe(changes)
    const dir = first.sha256.slice(0, 2)
    await printCopyOf(first.sha256)
    expect(filesUnder(photosDir)).toEqual(
      [
        `${first.sha256}.jpg`,
        `${first.sha256}.preview.jpg`,
        `${first.sha256}.print.jpg`,
        `${first.sha256}.thumb.webp`,
      ].map((f) => join(dir, f)),
    )
  })

  it('makes upright, smaller variants of a photo taken sideways (EXIF orientation 6)', async () => {
    // Stored 800x400 landscape, red left; orientation 6 shows it turned a quarter clockwise: 400x800, red on top.
    const photo = ok<Photo>(await upload(await halves(800, 400, 6)))
    expect(photo).toMatchObject({ width: 400, height: 800 })
    for (const [variant, long] of [
      ['thumb', 320],
      ['preview', 800],
    ] as const) {
      const file = await routes.file(photo.sha256, variant)
      expect(file).not.toBeNull()
      const image = await sharp(file!.path).toBuffer()
      const meta = await sharp(image).metadata()
      expect([meta.width, meta.height, meta.orientation ?? 1]).toEqual([long / 2, long, 1])
      expect(isRed(await pixel(image, long / 4, 4))).toBe(true)
      expect(isBlue(await pixel(image, long / 4, long - 4))).toBe(true)
    }
    expect((await routes.file(photo.sha256, 'thumb'))!.mime).toBe('image/webp')
    expect((await routes.file(photo.sha256, 'preview'))!.mime).toBe('image/jpeg')
  })

  it('keeps the large side of a big photo to the print-preview size', async () => {
    const photo = ok<Photo>(await upload(await halves(4000, 3000)))
    const preview = await sharp((await routes.file(photo.sha256, 'preview'))!.path).metadata()
    expect([preview.width, preview.height]).toEqual([1600, 1200])
    // PDF exports embed the print copy: 800 px on the long side, a JPEG.
    const print = await sharp(await printCopyOf(photo.sha256)).metadata()
    expect(print).toMatchObject({ format: 'jpeg', width: 800, height: 600 })
    expect(await routes.printCopy('0'.repeat(64))).toBeNull()
  })

  it('reads when the photo was taken from EXIF', async () => {
    const bytes = await sharp(await halves(64, 48))
      .withExif({ IFD0: { Make: 'Test' }, IFD2: { DateTimeOriginal: '2026:03:14 09:30:05' } })
      .toBuffer()
    expect(ok<Photo>(await upload(bytes)).takenAt).toBe('2026-03-14T09:30:05')
    expect(ok<Photo>(await upload(await halves(66, 48))).takenAt).toBeNull()
  })

  it('refuses a text file named .jpg, a file that only starts like a JPEG, and a cut-off upload, leaving nothing', async () => {
    const good = await halves(1200, 900)
    const uploads = [
      Buffer.from('not a photo, just a note.jpg\n'),
      Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(4000)]),
      good.subarray(0, Math.floor(good.length * 0.6)),
    ]
    for (const bytes of uploads) {
      const error = failed(await upload(bytes))
      expect(error).toMatchObject({ code: 'validation', messageKey: 'errors.photo.notImage' })
    }
    expect(filesUnder(photosDir)).toEqual([])
    expect(count('photos')).toBe(0)
    expect(count('change_log')).toBe(0)
  })

  it('refuses a photo over the upload ceiling', async () => {
    const bytes = Buffer.concat([await halves(64, 64), Buffer.alloc(MAX_PHOTO_UPLOAD_BYTES)])
    const error = failed(await upload(bytes))
    expect(error).toMatchObject({ code: 'payload_too_large', messageKey: 'errors.photo.tooLarge' })
    expect(error.fields[0]?.params).toEqual({ maximumMb: 80 })
    expect(filesUnder(photosDir)).toEqual([])
  })

  describe('attached to records', () => {
    let a: Factory
    let b: Factory
    let photo: Photo
    const list = async (ownerId: string) =>
      ok<{ items: PhotoLink[] }>(await call('photos.list', { ownerTable: 'factories', ownerId })).items
    const attach = async (ownerId: string, sha256 = photo.sha256, caption = '') =>
      ok<PhotoLink>(await call('photos.attach', { sha256, ownerTable: 'factories', ownerId, caption }))

    beforeEach(async () => {
      a = await factory('晋江示例纸业')
      b = await factory('保定示例纸业')
      photo = ok<Photo>(await upload(await halves(320, 240)))
    })

    it('shows a photo on two factories; removing it from one keeps it, and its file, for the other', async () => {
      const onA = await attach(a.id, photo.sha256, '  样品间  ')
      await attach(b.id, photo.sha256, '车间')
      expect(onA).toMatchObject({ caption: '样品间', sortOrder: 0, ownerId: a.id, sha256: photo.sha256 })
      ok(await call('photos.unlink', { linkId: onA.linkId }))
      expect(await list(a.id)).toEqual([])
      expect((await list(b.id)).map((l) => l.caption)).toEqual(['车间'])
      ok(await call('factories.delete', { id: a.id }))
      for (const variant of ['original', 'thumb', 'preview']) {
        expect(existsSync((await routes.file(photo.sha256, variant))!.path)).toBe(true)
      }
    })

    it('the same photo on a factory, its visit and a sample: deleting the visit and the sample keeps it on the factory', async () => {
      const visit = ok<{ id: string }>(
        await call('visits.create', { factoryId: a.id, visitDate: '2026-03-09' }),
      )
      const sample = ok<{ id: string }>(
        await call('samples.create', {
          source: 'visit',
          visitId: visit.id,
          factoryId: a.id,
          name: '竹浆本色抽纸',
        }),
      )
      await attach(a.id)
      for (const [ownerTable, ownerId] of [
        ['visits', visit.id],
        ['samples', sample.id],
      ] as const) {
        ok(await call('photos.attach', { sha256: photo.sha256, ownerTable, ownerId, caption: ownerTable }))
        const items = ok<{ items: PhotoLink[] }>(await call('photos.list', { ownerTable, ownerId })).items
        expect(items.map((l) => [l.sha256, l.caption])).toEqual([[photo.sha256, ownerTable]])
      }
      ok(await call('samples.delete', { id: sample.id }))
      ok(await call('visits.delete', { id: visit.id }))
      expect((await list(a.id)).map((l) => l.sha256)).toEqual([photo.sha256])
      expect(existsSync((await routes.file(photo.sha256, 'original'))!.path)).toBe(true)
      // A photo cannot be attached to the deleted sample.
      const gone = failed(
        await call('photos.attach', { sha256: photo.sha256, ownerTable: 'samples', ownerId: sample.id }),
      )
      expect(gone.fields[0]).toMatchObject({ path: ['ownerId'], messageKey: 'errors.reference.missing' })
    })

    it('a photo with a quote (the price board, the carton) is listed with it; a deleted quote takes none', async () => {
      const paper = await seedPaperSku(call)
      const quote = ok<Quote>(await call('quotes.create', paper.quoteA()))
      const owner = { ownerTable: 'quotes', ownerId: quote.id } as const
      ok(await call('photos.attach', { sha256: photo.sha256, ...owner, caption: '报价牌' }))
      const items = ok<{ items: PhotoLink[] }>(await call('photos.list', owner)).items
      expect(items.map((l) => [l.sha256, l.caption])).toEqual([[photo.sha256, '报价牌']])
      ok(await call('quotes.delete', { id: quote.id }))
      const gone = failed(await call('photos.attach', { sha256: photo.sha256, ...owner }))
      expect(gone.fields[0]).toMatchObject({ path: ['ownerId'], messageKey: 'errors.reference.missing' })
    })

    it('attaching the same photo to the same record twice keeps one link', async () => {
      const first = await attach(a.id)
      expect(await attach(a.id)).toEqual(first)
      expect(await list(a.id)).toHaveLength(1)
    })

    it('keeps gallery order, captions and a reorder', async () => {
      const second = ok<Photo>(await upload(await halves(322, 240)))
      const third = ok<Photo>(await upload(await halves(324, 240)))
      const links = [await attach(a.id), await attach(a.id, second.sha256), await attach(a.id, third.sha256)]
      expect(links.map((l) => l.sortOrder)).toEqual([0, 1, 2])
      const edited = ok<PhotoLink>(
        await call('photos.updateCaption', { linkId: links[1]!.linkId, caption: '包装' }),
      )
      expect(edited.caption).toBe('包装')
      const order = [links[2]!, links[0]!, links[1]!].map((l) => l.linkId)
      const reordered = ok<{ items: PhotoLink[] }>(
        await call('photos.reorder', { ownerTable: 'factories', ownerId: a.id, linkIds: order }),
      )
      expect(reordered.items.map((l) => l.linkId)).toEqual(order)
      expect((await list(a.id)).map((l) => l.linkId)).toEqual(order)
      const partial = failed(
        await call('photos.reorder', { ownerTable: 'factories', ownerId: a.id, linkIds: order.slice(1) }),
      )
      expect(partial.fields).toEqual([{ path: ['linkIds'], messageKey: 'errors.photo.reorderMismatch' }])
    })

    it('refuses a photo never uploaded, a deleted record and a malformed hash, writing nothing', async () => {
      const before = count('photo_links')
      const unknown = failed(
        await call('photos.attach', { sha256: 'b'.repeat(64), ownerTable: 'factories', ownerId: a.id }),
      )
      expect(unknown.fields).toEqual([
        { path: ['sha256'], messageKey: 'errors.reference.missing', params: { table: 'photos' } },
      ])
      ok(await call('factories.delete', { id: b.id }))
      const gone = failed(
        await call('photos.attach', { sha256: photo.sha256, ownerTable: 'factories', ownerId: b.id }),
      )
      expect(gone.fields[0]).toMatchObject({ path: ['ownerId'], messageKey: 'errors.reference.missing' })
      const malformed = failed(
        await call('photos.attach', { sha256: 'XYZ', ownerTable: 'factories', ownerId: a.id }),
      )
      expect(malformed.fields[0]).toMatchObject({ path: ['sha256'], messageKey: 'errors.photo.hash' })
      expect(count('photo_links')).toBe(before)
    })
  })

  it('keeps answering calls while a 20 MB phone photo is processed', async () => {
    // Noise does not compress: about 18 MB of JPEG, like a 20-megapixel phone photo.
    const width = 5200
    const height = 3900
    const big = await sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } })
      .jpeg({ quality: 92 })
      .toBuffer()
    expect(big.length).toBeGreaterThan(15 * 1024 * 1024)
    await factory('中山示例日化')

    let longestStall = 0
    let last = performance.now()
    const ticker = setInterval(() => {
      const now = performance.now()
      longestStall = Math.max(longestStall, now - last)
      last = now
    }, 5)
    let uploadDone = 0
    const started = performance.now()
    const uploading = upload(big).then((result) => {
      uploadDone = performance.now()
      return result
    })
    // Give the job time to reach the worker and start decoding.
    await new Promise((resolve) => setTimeout(resolve, 50))
    const callStarted = performance.now()
    const listed = ok<{ total: number }>(await call('factories.list', {}))
    const callDone = performance.now()
    const photo = ok<Photo>(await uploading)
    clearInterval(ticker)

    expect(listed.total).toBe(1)
    expect(photo).toMatchObject({ width, height })
    // The call was answered while the photo was still being processed, and quickly; the main thread
    // never stopped for long (on the main thread, decoding alone would stall it for the whole job).
    // Bounds are relative to the job's own time, so a loaded CI machine does not make them flaky.
    const processing = uploadDone - started
    expect(uploadDone).toBeGreaterThan(callDone)
    expect(callDone - callStarted).toBeLessThan(Math.max(50, processing / 5))
    expect(longestStall).toBeLessThan(processing / 3)
    console.log(
      `20 MB photo: processed in ${processing.toFixed(0)} ms; a call meanwhile took ` +
        `${(callDone - callStarted).toFixed(1)} ms; longest main-thread stall ${longestStall.toFixed(1)} ms`,
    )
  })
})
