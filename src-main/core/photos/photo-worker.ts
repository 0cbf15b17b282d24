import { createHash, randomBytes } from 'node:crypto'
import { access, mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { parentPort } from 'node:worker_threads'
import sharp, { type Metadata } from 'sharp'
import { availableParallelism } from 'node:os'
import { exifTakenAt } from './exif-date'
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

async function store(job: PhotoJob): Promise<{ photo: StoredPhoto; printCopy: () => Promise<void> }> {
  const bytes = Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength)
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  // failOn 'truncated': a cut-off upload is refused instead of stored with a grey bottom half.
  const image = () => sharp(bytes, { failOn: 'truncated' })
  let meta: Metadata
  try {
    meta = await image().metadata()
  } catch {
    throw new NotAnImage('the bytes are not an image sharp can read')
  }
  if (!isAccepted(meta.format) || !meta.width || !meta.height) {
    throw new NotAnImage(`unsupported image format ${meta.format}`)
  }
  const format = meta.format
  // Orientations 5–8 turn the picture a quarter: the shown width is the stored height.
  const turned = (meta.orientation ?? 1) >= 5
  const width = turned ? meta.height : meta.width
  const height = turned ? meta.width : meta.height
  const takenAt = exifTakenAt(meta.exif)

  const root = job.root
  await mkdir(photoFolder(root, sha256), { recursive: true })
  const original = variantFile(root, sha256, 'original', FORMAT_FILES[format].mime).path
  const thumb = variantFile(root, sha256, 'thumb', '').path
  const preview = variantFile(root, sha256, 'preview', '').path
  const print = printCopyFile(root, sha256)
  const existed = (await Promise.all([original, thumb, preview].map(exists))).every(Boolean)
  if (!existed) {
    // Variants first and the original last: an original on disk means its variants are there too. The
    // thumbnail is cut from the upright preview, far quicker than decoding the original again.
    try {
      const upright = await image().rotate().resize(fit(PREVIEW_SIZE)).jpeg({ quality: 80 }).toBuffer()
      await writeAtomically(preview, () => upright)
      await writeAtomically(thumb, () =>
        sharp(upright).resize(fit(THUMB_SIZE)).webp({ quality: 75 }).toBuffer(),
      )
    } catch (error) {
      // The preview may be written before the thumbnail failed: leave nothing of a bad upload.
      if (!(await exists(original)))
        await Promise.all([thumb, preview].map((path) => rm(path, { force: true })))
      throw new NotAnImage(`the image cannot be decoded: ${error instanceof Error ? error.message : error}`)
    }
    await writeAtomically(original, () => bytes)
  }
  // The print copy spares every PDF export scaling its photos while the user waits. The upload does
  // not wait for it (it is made once the reply is sent); an export that finds none scales as before.
  const printCopy = async () => {
    if (await exists(print)) return
    await writeAtomically(print, () =>
      sharp(preview).resize(fit(PRINT_SIZE)).jpeg({ quality: 80 }).toBuffer(),
    )
  }
  return { photo: { sha256, format, width, height, takenAt, existed }, printCopy }
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
      const reason = error instanceof NotAnImage ? 'notImage' : 'failed'
      port.postMessage({ id: job.id, ok: false, reason, message } satisfies PhotoJobReply)
    },
  )
})
