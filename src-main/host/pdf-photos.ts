import { readFile } from 'node:fs/promises'
import type { PhotoRoutes } from '../core/photos/photos.api'
import { PRINT_SIZE } from '../core/photos/photos.contract'

/**
 * Photos at print size for the browser host's printer. A report shows a photo about 6 cm wide, so it
 * embeds the 800 px print copy the photo worker made with the other variants, never the 1600 px preview or the
 * original: a 20-sample tour with photos stays within 10 MB. A photo without a print copy yet is
 * scaled here the same way (libvips, a few milliseconds, outside the page).
 */

/** The print-size JPEG of a photo, or null when this workbench does not have the photo. */
export async function printSizePhoto(photos: PhotoRoutes, sha256: string): Promise<Buffer | null> {
  const copy = await photos.printCopy(sha256)
  if (copy) {
    const bytes = await readFile(copy).catch(() => null)
    if (bytes) return bytes
  }
  const file = await photos.file(sha256, 'preview')
  if (!file) return null
  // Loaded on first print, not at start-up.
  const { default: sharp } = await import('sharp')
  return sharp(file.path)
    .resize({ width: PRINT_SIZE, height: PRINT_SIZE, fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 80, mozjpeg: false })
    .toBuffer()
}
