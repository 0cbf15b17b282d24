/**
 * Reads the box structure of a HEIF file (ISO/IEC 23008-12) far enough to learn whether its images
 * carry transform properties (irot: rotation, imir: mirror) in the meta box's item properties.
 */

interface Box {
  type: string
  /** Offset of the payload (after the header). */
  start: number
  end: number
}

function* boxes(bytes: Uint8Array, from: number, to: number): Generator<Box> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let at = from
  while (at + 8 <= to) {
    let size = view.getUint32(at)
    let header = 8
    if (size === 1) {
      if (at + 16 > to) return
      size = Number(view.getBigUint64(at + 8))
      header = 16
    } else if (size === 0) size = to - at
    if (size < header || at + size > to) return
    yield { type: String.fromCharCode(...bytes.subarray(at + 4, at + 8)), start: at + header, end: at + size }
    at += size
  }
}

function child(
  bytes: Uint8Array,
  parent: { start: number; end: number },
  type: string,
  skip = 0,
): Box | undefined {
  for (const box of boxes(bytes, parent.start + skip, parent.end)) if (box.type === type) return box
  return undefined
}

/**
 * True when the file's item properties hold an irot or imir box. Such a file states its orientation
 * there (libheif applies it on decode), and any EXIF Orientation tag is only a copy to ignore; a file
 * without them (written by older encoders from an EXIF-rotated JPEG) relies on the EXIF tag instead.
 */
export function heifHasTransforms(bytes: Uint8Array): boolean {
  const meta = child(bytes, { start: 0, end: bytes.byteLength }, 'meta')
  // meta is a full box: four bytes of version and flags before its children.
  const iprp = meta && child(bytes, meta, 'iprp', 4)
  const ipco = iprp && child(bytes, iprp, 'ipco')
  if (!ipco) return false
  for (const box of boxes(bytes, ipco.start, ipco.end))
    if (box.type === 'irot' || box.type === 'imir') return true
  return false
}
