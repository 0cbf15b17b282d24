import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { failed, ok } from '../../../test/integration/support/api-result'
import { filesUnder } from '../../../test/integration/support/files-under'
import { HEIF_ENC_MISSING, heicFromJpeg, markedJpeg, withIrot } from '../../../test/integration/support/heic'
import { createTempCore, type TempCore } from '../../../test/integration/support/temp-core'
import type { ApiResult } from '../api/dispatcher'
import { variantFile } from './photo-files'
import { photoRoutes, type PhotoRoutes } from './photos.api'
import { MAX_PHOTO_BYTES, type Photo } from './photos.contract'

/**
 * Photos as phones send them: HEIC (which the libvips in sharp cannot decode) and JPEGs over the stored
 * size limit, through the real upload route into a temp data directory.
 */

type Rgb = [number, number, number]
const isRed = ([r, g, b]: Rgb) => r > 180 && g < 80 && b < 80
const isBlue = ([r, g, b]: Rgb) => b > 180 && r < 80 && g < 80

/** The colours at the middle of the top, bottom, left and right edges of an image file. */
async function edges(path: string) {
  const { data, info } = await sharp(readFileSync(path))
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true })
  const at = (x: number, y: number): Rgb => {
    const i = (Math.floor(y) * info.width + Math.floor(x)) * 3
    return [data[i]!, data[i + 1]!, data[i + 2]!]
  }
  const { width: w, height: h } = info
  return {
    width: w,
    height: h,
    top: at(w / 2, h * 0.1),
    bottom: at(w / 2, h * 0.9),
    left: at(w * 0.1, h / 2),
    right: at(w * 0.9, h / 2),
  }
}

let core: TempCore
let routes: PhotoRoutes
let photosDir: string
const upload = (bytes: Uint8Array): Promise<ApiResult> => routes.upload(bytes)
const fileOf = (photo: Photo, variant: 'thumb' | 'preview' | 'original') =>
  variantFile(photosDir, photo.sha256, variant, photo.mime).path

beforeAll(async () => {
  core = await createTempCore()
  routes = photoRoutes(core.context)
  photosDir = join(core.dataDir, 'photos')
})
afterAll(async () => {
  await core.dispose()
})

describe.skipIf(HEIF_ENC_MISSING)(
  `HEIC photos${HEIF_ENC_MISSING ? ` (skipped: ${HEIF_ENC_MISSING})` : ''}`,
  { timeout: 30_000 },
  () => {
    it('keeps a landscape HEIC as the original, with its EXIF date and upright variants', async () => {
      const heic = heicFromJpeg(await markedJpeg(800, 600, '2025:11:12 13:14:15'))
      const photo = ok<Photo>(await upload(heic))
      expect(photo).toMatchObject({
        mime: 'image/heic',
        width: 800,
        height: 600,
        bytes: heic.length,
        takenAt: '2025-11-12T13:14:15',
      })
      // The original is the phone's file, byte for byte.
      expect(readFileSync(fileOf(photo, 'original')).equals(heic)).toBe(true)
      const thumb = await edges(fileOf(photo, 'thumb'))
      expect([thumb.width, thumb.height]).toEqual([320, 240])
      expect(isRed(thumb.left) && isBlue(thumb.right)).toBe(true)
      const preview = await edges(fileOf(photo, 'preview'))
      expect([preview.width, preview.height]).toEqual([800, 600])
    })

    it('turns a portrait HEIC whose EXIF says so (no irot: older encoders)', async () => {
      // Stored landscape, red left; Orientation 6 means "turn a quarter clockwise": red comes on top.
      const heic = heicFromJpeg(await markedJpeg(800, 600, '2026:01:02 03:04:05', 6))
      const photo = ok<Photo>(await upload(heic))
      expect(photo).toMatchObject({ width: 600, height: 800, takenAt: '2026-01-02T03:04:05' })
      const thumb = await edges(fileOf(photo, 'thumb'))
      expect([thumb.width, thumb.height]).toEqual([240, 320])
      expect(isRed(thumb.top) && isBlue(thumb.bottom)).toBe(true)
    })

    it('turns an iPhone-style portrait HEIC once: by its irot, not again by its EXIF copy', async () => {
      // irot 3 (three quarter turns anti-clockwise) is the same turn as EXIF Orientation 6.
      const heic = withIrot(heicFromJpeg(await markedJpeg(800, 600, '2026:02:03 04:05:06', 6)), 3)
      const photo = ok<Photo>(await upload(heic))
      expect(photo).toMatchObject({ width: 600, height: 800, takenAt: '2026-02-03T04:05:06' })
      const preview = await edges(fileOf(photo, 'preview'))
      expect([preview.width, preview.height]).toEqual([600, 800])
      expect(isRed(preview.top) && isBlue(preview.bottom)).toBe(true)
    })

    it('keeps a portrait HEIC stored upright as it is', async () => {
      const heic = heicFromJpeg(await markedJpeg(600, 800, '2026:03:04 05:06:07'))
      const photo = ok<Photo>(await upload(heic))
      expect(photo).toMatchObject({ width: 600, height: 800, takenAt: '2026-03-04T05:06:07' })
      const thumb = await edges(fileOf(photo, 'thumb'))
      expect(isRed(thumb.left) && isBlue(thumb.right)).toBe(true)
    })

    it('refuses a HEIC cut short, leaving nothing behind', async () => {
      // Print copies of the photos above may still be being written after their uploads answered.
      const stored = () => filesUnder(photosDir).filter((file) => !file.endsWith('.print.jpg'))
      // Copies of the photos above are made in the background: wait until the folder is still.
      let before = stored()
      for (let quiet = 0; quiet < 3; ) {
        await new Promise((done) => setTimeout(done, 200))
        const now = stored()
        quiet = now.join() === before.join() ? quiet + 1 : 0
        before = now
      }
      const heic = heicFromJpeg(await markedJpeg(640, 480, '2026:03:04 05:06:07'))
      const error = failed(await upload(heic.subarray(0, Math.floor(heic.length * 0.6))))
      expect(error).toMatchObject({ code: 'validation', messageKey: 'errors.photo.notImage' })
      expect(stored()).toEqual(before)
    })
  },
)

describe('photos over the stored size limit', { timeout: 60_000 }, () => {
  it('accepts a 45 MB phone JPEG and keeps a scaled copy that fits, with its EXIF date', async () => {
    // Noise does not compress: at quality 100 a 4800 x 3600 picture is about 45 MB.
    const noise = await sharp({
      create: {
        width: 4800,
        height: 3600,
        channels: 3,
        background: '#808080',
        noise: { type: 'gaussian', mean: 128, sigma: 90 },
      },
    })
      .jpeg({ quality: 100, chromaSubsampling: '4:4:4' })
      .withExifMerge({ IFD2: { DateTimeOriginal: '2026:04:05 06:07:08' } })
      .toBuffer()
    expect(noise.length).toBeGreaterThan(40 * 1024 * 1024)
    const photo = ok<Photo>(await upload(noise))
    expect(photo.mime).toBe('image/jpeg')
    expect(photo.bytes).toBeLessThanOrEqual(MAX_PHOTO_BYTES)
    expect(photo.takenAt).toBe('2026-04-05T06:07:08')
    const original = readFileSync(fileOf(photo, 'original'))
    expect(original.length).toBe(photo.bytes)
    const meta = await sharp(original).metadata()
    expect([meta.width, meta.height]).toEqual([photo.width, photo.height])
    expect(photo.width / photo.height).toBeCloseTo(4 / 3, 2)
    expect(photo.width).toBeLessThanOrEqual(4800)
    expect(readFileSync(fileOf(photo, 'thumb')).length).toBeGreaterThan(0)
  })

  it('refuses a picture of more than 100 megapixels with a clear reason, before decoding it', async () => {
    // A small JPEG whose header claims 12,000 x 9,000 pixels (108 MP): refused on the header alone.
    const jpeg = Buffer.from(
      await sharp({ create: { width: 64, height: 48, channels: 3, background: '#888' } })
        .jpeg()
        .toBuffer(),
    )
    const sof = jpeg.indexOf(Buffer.from([0xff, 0xc0]))
    jpeg.writeUInt16BE(9000, sof + 5)
    jpeg.writeUInt16BE(12000, sof + 7)
    const error = failed(await upload(jpeg))
    expect(error).toMatchObject({ code: 'payload_too_large', messageKey: 'errors.photo.tooManyPixels' })
    expect(error.fields[0]?.params).toEqual({ maximumMp: 100 })
  })
})
