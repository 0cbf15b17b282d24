import type { PhotoRoutes } from '../core/photos/photos.api'

/**
 * Photos at print size for the browser host's printer. A report shows a photo about 6 cm wide, so the
 * 1600 px preview (never the original) is scaled to 800 px on its long side and re-encoded as JPEG q80
 * before Chromium embeds it: a 20-sample tour with photos stays within 10 MB, and libvips does it in
 * a few milliseconds per photo, in parallel, outside the page.
 */

/** Long side in pixels: 6 cm at about 330 dpi. */
export const PRINT_LONG_SIDE = 800

/** The print-size JPEG of a photo's preview, or null when this workbench does not have it. */
export async function printSizePhoto(photos: PhotoRoutes, sha256: string): Promise<Buffer | null> {
  const file = await photos.file(sha256, 'preview')
  if (!file) return null
  // Loaded on first print, not at start-up.
  const { default: sharp } = await import('sharp')
  return sharp(file.path)
    .resize({ width: PRINT_LONG_SIDE, height: PRINT_LONG_SIDE, fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 80, mozjpeg: false })
    .toBuffer()
}
