/**
 * Reads when a photo was taken from its EXIF block (as sharp's metadata().exif gives it: "Exif\0\0"
 * then a TIFF structure). DateTimeOriginal in the Exif sub-IFD is preferred, IFD0's DateTime is the
 * fallback. EXIF stores local wall time without a zone, so the result is 'YYYY-MM-DDTHH:mm:ss' with no
 * offset. Any malformed structure yields null rather than an error: the date is a nicety.
 */

const TAG_DATE_TIME = 0x0132
const TAG_EXIF_IFD = 0x8769
const TAG_DATE_TIME_ORIGINAL = 0x9003
const TYPE_ASCII = 2
const TYPE_LONG = 4

export function exifTakenAt(exif: Uint8Array | undefined): string | null {
  if (!exif || exif.length < 14) return null
  const start = String.fromCharCode(...exif.subarray(0, 4)) === 'Exif' ? 6 : 0
  const view = new DataView(exif.buffer, exif.byteOffset + start, exif.byteLength - start)
  try {
    const order = view.getUint16(0)
    if (order !== 0x4949 && order !== 0x4d4d) return null
    const little = order === 0x4949
    const u16 = (at: number) => view.getUint16(at, little)
    const u32 = (at: number) => view.getUint32(at, little)

    /** The entries of the IFD at `offset`: tag, type, count and the value/offset field's position. */
    const entries = (offset: number) =>
      Array.from({ length: u16(offset) }, (_, i) => {
        const at = offset + 2 + i * 12
        return { tag: u16(at), type: u16(at + 2), count: u32(at + 4), field: at + 8 }
      })
    const text = (entry: { type: number; count: number; field: number }) => {
      if (entry.type !== TYPE_ASCII || entry.count < 19) return null
      const at = entry.count > 4 ? u32(entry.field) : entry.field
      return String.fromCharCode(...new Uint8Array(view.buffer, view.byteOffset + at, 19))
    }

    const ifd0 = entries(u32(4))
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
  } catch {
    // Offsets pointing outside the block: a RangeError from DataView.
    return null
  }
}
