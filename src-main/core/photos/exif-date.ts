/**
 * Reads facts from an EXIF block (as sharp's metadata().exif gives it: "Exif\0\0" then a TIFF
 * structure, or the TIFF structure alone as in a HEIF file's Exif item). Any malformed structure yields
 * null rather than an error: these are niceties.
 */

const TAG_ORIENTATION = 0x0112
const TAG_DATE_TIME = 0x0132
const TAG_EXIF_IFD = 0x8769
const TAG_DATE_TIME_ORIGINAL = 0x9003
const TYPE_ASCII = 2
const TYPE_SHORT = 3
const TYPE_LONG = 4

interface Entry {
  tag: number
  type: number
  count: number
  /** Offset of the value/offset field within the TIFF structure. */
  field: number
}

/** Runs `read` over the TIFF structure; null when it is not one or an offset points outside it. */
function readTiff<T>(
  exif: Uint8Array | undefined,
  read: (tiff: {
    u16: (at: number) => number
    u32: (at: number) => number
    view: DataView
    ifd0: Entry[]
    entries: (offset: number) => Entry[]
  }) => T | null,
): T | null {
  if (!exif || exif.length < 14) return null
  const start = String.fromCharCode(...exif.subarray(0, 4)) === 'Exif' ? 6 : 0
  const view = new DataView(exif.buffer, exif.byteOffset + start, exif.byteLength - start)
  try {
    const order = view.getUint16(0)
    if (order !== 0x4949 && order !== 0x4d4d) return null
    const little = order === 0x4949
    const u16 = (at: number) => view.getUint16(at, little)
    const u32 = (at: number) => view.getUint32(at, little)
    const entries = (offset: number): Entry[] =>
      Array.from({ length: u16(offset) }, (_, i) => {
        const at = offset + 2 + i * 12
        return { tag: u16(at), type: u16(at + 2), count: u32(at + 4), field: at + 8 }
      })
    return read({ u16, u32, view, ifd0: entries(u32(4)), entries })
  } catch {
    // Offsets pointing outside the block: a RangeError from DataView.
    return null
  }
}

/**
 * When a photo was taken: DateTimeOriginal in the Exif sub-IFD is preferred, IFD0's DateTime is the
 * fallback. EXIF stores local wall time without a zone, so the result is 'YYYY-MM-DDTHH:mm:ss' with no
 * offset.
 */
export function exifTakenAt(exif: Uint8Array | undefined): string | null {
  return readTiff(exif, ({ u32, view, ifd0, entries }) => {
    const text = (entry: Entry) => {
      if (entry.type !== TYPE_ASCII || entry.count < 19) return null
      const at = entry.count > 4 ? u32(entry.field) : entry.field
      return String.fromCharCode(...new Uint8Array(view.buffer, view.byteOffset + at, 19))
    }
    const exifPointer = ifd0.find((e) => e.tag === TAG_EXIF_IFD && e.type === TYPE_LONG)
    const original = exifPointer
      ? entries(u32(exifPointer.field)).find((e) => e.tag === TAG_DATE_TIME_ORIGINAL)
      : undefined
    const fallback = ifd0.find((e) => e.tag === TAG_DATE_TIME)
    const raw = (original && text(original)) ?? (fallback && text(fallback)) ?? null
    const match = raw?.match(/^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})$/)
    if (!match || match[1] === '0000') return null
    const [, y, mo, d, h, mi, s] = match
    return `${y}-${mo}-${d}T${h}:${mi}:${s}`
  })
}

/** IFD0's Orientation (1–8), or null when absent or out of range. */
export function exifOrientation(exif: Uint8Array | undefined): number | null {
  return readTiff(exif, ({ u16, ifd0 }) => {
    const entry = ifd0.find((e) => e.tag === TAG_ORIENTATION && e.type === TYPE_SHORT)
    const value = entry ? u16(entry.field) : null
    return value !== null && value >= 1 && value <= 8 ? value : null
  })
}
