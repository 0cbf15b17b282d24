import { describe, expect, it } from 'vitest'
import { exifTakenAt } from './exif-date'

/** Builds an EXIF block: IFD0 with an Exif pointer (and optionally DateTime), the Exif IFD with DateTimeOriginal. */
function exifBlock(options: { little: boolean; original?: string; dateTime?: string }): Uint8Array {
  const bytes = new Uint8Array(200)
  const view = new DataView(bytes.buffer)
  const le = options.little
  bytes.set([0x45, 0x78, 0x69, 0x66, 0, 0]) // "Exif\0\0"
  const tiff = 6
  view.setUint16(tiff, le ? 0x4949 : 0x4d4d)
  view.setUint16(tiff + 2, 42, le)
  view.setUint32(tiff + 4, 8, le)
  const entries: [number, number, number, number][] = [[0x8769, 4, 1, 60]]
  if (options.dateTime) entries.push([0x0132, 2, 20, 120])
  view.setUint16(tiff + 8, entries.length, le)
  entries.forEach(([tag, type, count, value], i) => {
    const at = tiff + 10 + i * 12
    view.setUint16(at, tag, le)
    view.setUint16(at + 2, type, le)
    view.setUint32(at + 4, count, le)
    view.setUint32(at + 8, value, le)
  })
  view.setUint16(tiff + 60, options.original ? 1 : 0, le)
  if (options.original) {
    view.setUint16(tiff + 62, 0x9003, le)
    view.setUint16(tiff + 64, 2, le)
    view.setUint32(tiff + 66, 20, le)
    view.setUint32(tiff + 70, 90, le)
    bytes.set(new TextEncoder().encode(options.original), tiff + 90)
  }
  if (options.dateTime) bytes.set(new TextEncoder().encode(options.dateTime), tiff + 120)
  return bytes
}

describe('exifTakenAt', () => {
  it('reads DateTimeOriginal in either byte order, as local wall time', () => {
    for (const little of [true, false]) {
      expect(exifTakenAt(exifBlock({ little, original: '2026:03:14 09:30:05' }))).toBe('2026-03-14T09:30:05')
    }
  })

  it("falls back to IFD0's DateTime, and prefers DateTimeOriginal when both are there", () => {
    expect(exifTakenAt(exifBlock({ little: true, dateTime: '2025:12:01 18:00:00' }))).toBe(
      '2025-12-01T18:00:00',
    )
    expect(
      exifTakenAt(
        exifBlock({ little: true, original: '2026:01:02 03:04:05', dateTime: '2025:12:01 18:00:00' }),
      ),
    ).toBe('2026-01-02T03:04:05')
  })

  it('yields null for a missing, blank, malformed or truncated block instead of throwing', () => {
    expect(exifTakenAt(undefined)).toBeNull()
    expect(exifTakenAt(exifBlock({ little: true }))).toBeNull()
    expect(exifTakenAt(exifBlock({ little: true, original: '0000:00:00 00:00:00' }))).toBeNull()
    expect(exifTakenAt(exifBlock({ little: true, original: 'yesterday, at noon' }))).toBeNull()
    expect(
      exifTakenAt(exifBlock({ little: false, original: '2026:03:14 09:30:05' }).subarray(0, 40)),
    ).toBeNull()
    expect(exifTakenAt(new TextEncoder().encode('Exif\0\0 not a TIFF header at all'))).toBeNull()
  })
})
