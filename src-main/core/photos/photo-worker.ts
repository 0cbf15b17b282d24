import { createHash, randomBytes } from 'node:crypto'
import { access, mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { parentPort } from 'node:worker_threads'
import sharp, { type Metadata, type Sharp } from 'sharp'
import { availableParallelism } from 'node:os'
import { MAX_PHOTO_BYTES, MAX_PHOTO_PIXELS } from '../api/upload-limits'
import { exifOrientation, exifTakenAt } from './exif-date'
import { heifHasTransforms } from './heif-boxes'
import { openHeif } from './heif-decode'
import {
  ACCEPTED_FORMATS,
  FORMAT_FILES,
  photoFolder,
  printCopyFile,
  variantFile,
  type AcceptedFormat,
} from './photo-files'
import type { PhotoJob, PhotoJobReply, StoredPhoto } from './photo-worker-protocol'
import { PREVIEW_SIZE, PRINT_SIZE, THUMB_SIZE } from './photos.contract'

/**
 * The photo worker: hashing, decoding, resizing and file writes of uploaded photos happen on this
 * thread, so the core's dispatcher keeps answering while a 20 MB phone photo is processed. Built as its
 * own entry (out/main/photo-worker.js); tests load this source through tsx.
 */

// Leave one core to the main thread (the dispatcher, and in Electron the window's process).
sharp.concurrency(Math.max(1, availableParallelism() - 1))

class NotAnImage extends Error {}
/** Over MAX_PHOTO_PIXELS: refused before decoding, whatever the file size. */
class TooLarge extends Error {}

/** Longest edge of an original scaled down to fit MAX_PHOTO_BYTES (a 48-megapixel phone's is 8064). */
const SCALED_ORIGINAL_EDGE = 8192

function isAccepted(format: string | undefined): format is AcceptedFormat {
  return (ACCEPTED_FORMATS as readonly string[]).includes(format ?? '')
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  )
}

/** Writes under a temporary name, then renames: a crash leaves a stray .tmp, never a half file. */
async function writeAtomically(path: string, make: () => Promise<Buffer> | Buffer): Promise<void> {
  if (await exists(path)) return
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`
  try {
    await writeFile(temp, await make())
    await rename(temp, path)
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
}

/** Fits within size x size, never enlarging. */
function fit(size: number) {
  return { width: size, height: size, fit: 'inside' as const, withoutEnlargement: true }
}

/** Applies an EXIF orientation (1–8) to pixels that carry none, as sharp's rotate() does from a tag. */
function orient(pipeline: Sharp, orientation: number): Sharp {
  // sharp rotates before it mirrors, whatever the call order.
  switch (orientation) {
    case 2:
      return pipeline.flop()
    case 3:
      return pipeline.rotate(180)
    case 4:
      return pipeline.flip()
    case 5:
      return pipeline.rotate(90).flop()
    case 6:
      return pipeline.rotate(90)
    case 7:
      return pipeline.rotate(270).flop()
    case 8:
      return pipeline.rotate(270)
    default:
      return pipeline
  }
}

function checkPixels(width: number, height: number): void {
  if (width * height > MAX_PHOTO_PIXELS) {
    throw new TooLarge(`the image has ${Math.round((width * height) / 1e6)} megapixels`)
  }
}

/** A decoded photo: its shown size and a way to start an upright pipeline over its pixels. */
interface Source {
  width: number
  height: number
  upright: () => Sharp
}

/**
 * HEIC (HEVC inside HEIF) is decoded by libheif's WASM build, which applies the file's irot/imir. A file
 * without those but with an EXIF Orientation (older encoders) is turned by the tag.
 */
async function heicSource(bytes: Buffer, exif: Buffer | undefined): Promise<Source> {
  let heif
  try {
    heif = openHeif(bytes)
  } catch (error) {
    throw new NotAnImage(`the HEIF file cannot be read: ${error instanceof Error ? error.message : error}`)
  }
  try {
    checkPixels(heif.width, heif.height)
    const pixels = await heif.decode().catch((error: unknown) => {
      throw new NotAnImage(`the image cannot be decoded: ${error instanceof Error ? error.message : error}`)
    })
    const orientation = heifHasTransforms(bytes) ? 1 : (exifOrientation(exif) ?? 1)
    const turned = orientation >= 5
    const raw = { width: pixels.width, height: pixels.height, channels: pixels.channels }
    return {
      width: turned ? pixels.height : pixels.width,
      height: turned ? pixels.width : pixels.height,
      upright: () => orient(sharp(pixels.data, { raw }), orientation),
    }
  } finally {
    heif.release()
  }
}

/**
 * The original kept for a photo over MAX_PHOTO_BYTES (what syncs and is stored): the upright picture
 * as a JPEG with its EXIF, scaled down until it fits.
 */
async function scaledOriginal(source: Source): Promise<Buffer> {
  let edge = Math.min(Math.max(source.width, source.height), SCALED_ORIGINAL_EDGE)
  for (;;) {
    const scaled = await source.upright().resize(fit(edge)).keepExif().jpeg({ quality: 90 }).toBuffer()
    if (scaled.byteLength <= MAX_PHOTO_BYTES) return scaled
    edge = Math.floor(edge * 0.8)
  }
}

async function store(job: PhotoJob): Promise<{ photo: StoredPhoto; printCopy: () => Promise<void> }> {
  const bytes = Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength)
  let meta: Metadata
  try {
    meta = await sharp(bytes).metadata()
  } catch {
    throw new NotAnImage('the bytes are not an image sharp can read')
  }
  if (!isAccepted(meta.format) || !meta.width || !meta.height) {
    throw new NotAnImage(`unsupported image format ${meta.format}`)
  }
  checkPixels(meta.width, meta.height)
  let source: Source
  if (meta.format === 'heif' && meta.compression === 'hevc') {
    source = await heicSource(bytes, meta.exif)
  } else {
    // Orientations 5–8 turn the picture a quarter: the shown width is the stored height.
    const turned = (meta.orientation ?? 1) >= 5
    // failOn 'truncated': a cut-off upload is refused instead of stored with a grey bottom half.
    const options = { failOn: 'truncated', limitInputPixels: MAX_PHOTO_PIXELS } as const
    source = {
      width: turned ? meta.height : meta.width,
      height: turned ? meta.width : meta.height,
      upright: () => sharp(bytes, options).rotate(),
    }
  }
  const takenAt = exifTakenAt(meta.exif)

  const original = bytes.byteLength > MAX_PHOTO_BYTES ? await decoded(() => scaledOriginal(source)) : bytes
  const format: AcceptedFormat = original === bytes ? meta.format : 'jpeg'
  const sha256 = createHash('sha256').update(original).digest('hex')
  const root = job.root
  await mkdir(photoFolder(root, sha256), { recursive: true })
  const originalPath = variantFile(root, sha256, 'original', FORMAT_FILES[format].mime).path
  const thumb = variantFile(root, sha256, 'thumb', '').path
  const preview = variantFile(root, sha256, 'preview', '').path
  const print = printCopyFile(root, sha256)
  const existed = (await Promise.all([originalPath, thumb, preview].map(exists))).every(Boolean)
  if (!existed) {
    // Variants first and the original last: an original on disk means its variants are there too. The
    // thumbnail is cut from the upright preview, far quicker than decoding the original again.
    try {
      const upright = await source.upright().resize(fit(PREVIEW_SIZE)).jpeg({ quality: 80 }).toBuffer()
      await writeAtomically(preview, () => upright)
      await writeAtomically(thumb, () =>
        sharp(upright).resize(fit(THUMB_SIZE)).webp({ quality: 75 }).toBuffer(),
      )
    } catch (error) {
      // The preview may be written before the thumbnail failed: leave nothing of a bad upload.
      if (!(await exists(originalPath)))
        await Promise.all([thumb, preview].map((path) => rm(path, { force: true })))
      throw new NotAnImage(`the image cannot be decoded: ${error instanceof Error ? error.message : error}`)
    }
    await writeAtomically(originalPath, () => original)
  }
  // The print copy spares every PDF export scaling its photos while the user waits. The upload does
  // not wait for it (it is made once the reply is sent); an export that finds none scales as before.
  const printCopy = async () => {
    if (await exists(print)) return
    await writeAtomically(print, () =>
      sharp(preview).resize(fit(PRINT_SIZE)).jpeg({ quality: 80 }).toBuffer(),
    )
  }
  const { width, height } = source
  return {
    photo: { sha256, format, width, height, takenAt, existed, bytes: original.byteLength },
    printCopy,
  }
}

/** Runs a step that decodes the picture; a failure means the upload is not a readable image. */
async function decoded<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step()
  } catch (error) {
    throw new NotAnImage(`the image cannot be decoded: ${error instanceof Error ? error.message : error}`)
  }
}

const port = parentPort
if (!port) throw new Error('photo-worker runs only as a worker thread')
port.on('message', (job: PhotoJob) => {
  store(job).then(
    ({ photo, printCopy }) => {
      port.postMessage({ id: job.id, ok: true, photo } satisfies PhotoJobReply)
      // A print copy that fails is only a slower export later.
      printCopy().catch(() => undefined)
    },
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error)
      const reason =
        error instanceof NotAnImage ? 'notImage' : error instanceof TooLarge ? 'tooLarge' : 'failed'
      port.postMessage({ id: job.id, ok: false, reason, message } satisfies PhotoJobReply)
    },
  )
})
