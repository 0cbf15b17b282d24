import { join } from 'node:path'
import type { PhotoVariant } from './photos.contract'

/**
 * Where a photo's files live: <dataDir>/photos/<first two hex digits>/<sha256>.<ext>, beside its
 * generated variants. Two hex digits give 256 folders, so no folder grows past a few thousand files.
 */

/** Image formats accepted as originals (sharp's format names); SVG is refused (it can carry script). */
export const ACCEPTED_FORMATS = ['jpeg', 'png', 'webp', 'gif', 'tiff', 'avif', 'heif'] as const
export type AcceptedFormat = (typeof ACCEPTED_FORMATS)[number]

/** File extension and MIME type of each accepted original format. */
export const FORMAT_FILES: Record<AcceptedFormat, { ext: string; mime: string }> = {
  jpeg: { ext: 'jpg', mime: 'image/jpeg' },
  png: { ext: 'png', mime: 'image/png' },
  webp: { ext: 'webp', mime: 'image/webp' },
  gif: { ext: 'gif', mime: 'image/gif' },
  tiff: { ext: 'tif', mime: 'image/tiff' },
  avif: { ext: 'avif', mime: 'image/avif' },
  heif: { ext: 'heic', mime: 'image/heic' },
}

/** The generated variants' file suffixes and types. */
export const VARIANT_FILES = {
  thumb: { suffix: 'thumb.webp', mime: 'image/webp' },
  preview: { suffix: 'preview.jpg', mime: 'image/jpeg' },
} as const

/**
 * The print-size copy (PRINT_SIZE px JPEG) PDF exports embed. Not a served variant; a photo stored by
 * an older version lacks it until it is stored again, and the printer then scales the preview itself.
 */
export function printCopyFile(root: string, sha256: string): string {
  return join(photoFolder(root, sha256), `${sha256}.print.jpg`)
}

/** The folder of all photos under a data directory. */
export function photosRoot(dataDir: string): string {
  return join(dataDir, 'photos')
}

/** The folder holding one photo's files. */
export function photoFolder(root: string, sha256: string): string {
  return join(root, sha256.slice(0, 2))
}

/** Path and content type of one variant of a photo whose original has MIME type `mime`. */
export function variantFile(
  root: string,
  sha256: string,
  variant: PhotoVariant,
  mime: string,
): { path: string; mime: string } {
  const folder = photoFolder(root, sha256)
  if (variant !== 'original') {
    const file = VARIANT_FILES[variant]
    return { path: join(folder, `${sha256}.${file.suffix}`), mime: file.mime }
  }
  const format = Object.values(FORMAT_FILES).find((f) => f.mime === mime)
  if (!format) throw new Error(`photo ${sha256} has an unknown type ${mime}`)
  return { path: join(folder, `${sha256}.${format.ext}`), mime }
}
