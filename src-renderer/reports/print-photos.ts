import { photoUrl } from '../photos/photo-api'

/**
 * Photos at print size. The preview variant (1600 px) is the source — never the original — but a photo
 * printed 6 cm wide needs far less: each preview is scaled to PRINT_LONG_SIDE and re-encoded as JPEG
 * here, which keeps a 20-sample tour's PDF within 10 MB. Where the browser cannot read the pixels back
 * (Electron's photo protocol is a different origin), the preview itself is printed.
 */

/** Long side in pixels: 6 cm at about 330 dpi. */
const PRINT_LONG_SIDE = 800
const JPEG_QUALITY = 0.8
/** Decodes at a time: enough to keep both cores busy, few enough not to hold 20 previews in memory. */
const CONCURRENCY = 4

/** A photo as the report data names it: its hash and the original's pixel size. */
export interface PrintPhoto {
  /** Content hash. */
  sha256: string
  /** Original width in pixels. */
  width: number
  /** Original height in pixels. */
  height: number
}

async function scaled(photo: PrintPhoto): Promise<string> {
  const source = photoUrl(photo.sha256, 'preview')
  if (Math.max(photo.width, photo.height) <= PRINT_LONG_SIDE) return source
  try {
    const response = await fetch(source)
    if (!response.ok) return source
    // One side is enough: the other follows the decoded (upright) picture's aspect ratio.
    const bitmap = await createImageBitmap(
      await response.blob(),
      photo.width >= photo.height
        ? { resizeWidth: PRINT_LONG_SIDE, resizeQuality: 'high' }
        : { resizeHeight: PRINT_LONG_SIDE, resizeQuality: 'high' },
    )
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height)
    const context = canvas.getContext('2d')
    if (!context) return source
    context.drawImage(bitmap, 0, 0)
    bitmap.close()
    const jpeg = await canvas.convertToBlob({ type: 'image/jpeg', quality: JPEG_QUALITY })
    return URL.createObjectURL(jpeg)
  } catch {
    return source
  }
}

/** Print-size image addresses for each photo hash (blob: URLs, or the preview's own address). */
export async function printPhotoUrls(photos: readonly PrintPhoto[]): Promise<Map<string, string>> {
  const unique = [...new Map(photos.map((p) => [p.sha256, p])).values()]
  const urls = new Map<string, string>()
  let next = 0
  const worker = async () => {
    while (next < unique.length) {
      const photo = unique[next++]!
      urls.set(photo.sha256, await scaled(photo))
    }
  }
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, unique.length) }, worker))
  return urls
}
