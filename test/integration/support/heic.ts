import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'

/**
 * HEIC files for tests, made the way a phone's would be: a JPEG with EXIF, encoded to HEVC-in-HEIF by
 * Debian's `heif-enc` (package libheif-examples).
 */

/** Why HEIC tests cannot run here, or null when heif-enc is installed. */
export const HEIF_ENC_MISSING: string | null =
  spawnSync('heif-enc', ['--help'], { stdio: 'ignore' }).error === undefined
    ? null
    : 'heif-enc is not installed (apt-get install libheif-examples): HEIC files cannot be made'

/**
 * A JPEG whose stored pixels are red on the left half and blue on the right, with EXIF
 * DateTimeOriginal `takenAt` ('YYYY:MM:DD HH:mm:ss') and an EXIF Orientation.
 */
export function markedJpeg(width: number, height: number, takenAt: string, orientation = 1): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="${width / 2}" height="${height}" fill="#ff0000"/>
    <rect x="${width / 2}" width="${width / 2}" height="${height}" fill="#0000ff"/></svg>`
  return sharp(Buffer.from(svg))
    .jpeg({ quality: 92 })
    .withMetadata({ orientation })
    .withExifMerge({ IFD2: { DateTimeOriginal: takenAt } })
    .toBuffer()
}

/** Encodes a JPEG as HEIC with heif-enc (which keeps the JPEG's EXIF as the file's Exif item). */
export function heicFromJpeg(jpeg: Buffer, quality = 80): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'workbench-heic-'))
  try {
    writeFileSync(join(dir, 'in.jpg'), jpeg)
    execFileSync('heif-enc', ['-q', String(quality), join(dir, 'in.jpg'), '-o', join(dir, 'out.heic')], {
      stdio: 'ignore',
    })
    return readFileSync(join(dir, 'out.heic'))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * Turns a heif-enc file into one shaped like an iPhone's: the picture's rotation stated by an irot
 * property (`angle` quarter turns anti-clockwise), beside an EXIF Orientation that says the same.
 * heif-enc 1.15 writes no irot, so its colr property box (an ICC profile, which takes its place in the
 * property list) is overwritten in place: same size, same association.
 */
export function withIrot(heic: Buffer, angle: 1 | 2 | 3): Buffer {
  const out = Buffer.from(heic)
  const at = out.indexOf('colr', 0, 'latin1')
  if (at < 4) throw new Error('the HEIC has no colr box to turn into irot')
  out.write('irot', at, 'latin1')
  out[at + 4] = angle
  return out
}
