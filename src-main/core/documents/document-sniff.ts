import { sniffImageFormat } from '../photos/image-sniff'
import { FORMAT_FILES } from '../photos/photo-files'

/**
 * What a document's bytes are, from their content (never from the file's name): PDF, Excel 2007+
 * (.xlsx, a zip holding xl/workbook), Excel 97–2003 (.xls, an OLE compound file), CSV (text) or one of
 * the photo formats. The name's extension must then agree (documentTypeOfName), so a renamed file is
 * refused with both facts in the error.
 */

export const DOCUMENT_TYPES = ['pdf', 'xlsx', 'xls', 'csv', 'image'] as const
export type DocumentType = (typeof DOCUMENT_TYPES)[number]

/** MIME types a stored document can have: the four document types and every accepted image. */
export const DOCUMENT_MIMES = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-excel',
  'text/csv',
  ...Object.values(FORMAT_FILES).map((f) => f.mime),
] as const

const MIME_OF: Record<Exclude<DocumentType, 'image'>, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  xls: 'application/vnd.ms-excel',
  csv: 'text/csv',
}

/** What sniffing found: the type and the MIME type to store and serve the file with. */
export interface SniffedDocument {
  type: DocumentType
  mime: string
}

/** How much of a file the text check reads: enough to tell a CSV from binary, cheap for 30 MB. */
const TEXT_PROBE = 64 * 1024

const startsWith = (bytes: Uint8Array, ...values: number[]) => values.every((v, i) => bytes[i] === v)

/**
 * True when the bytes read as table text: no NUL, (almost) no other control characters but tab and
 * line ends, and not markup (HTML or SVG starts with '<'; a CSV never does), which a browser might run.
 */
function looksLikeText(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false
  const probe = bytes.subarray(0, TEXT_PROBE)
  const first = probe.find((byte) => byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d)
  if (first === 0x3c) return false
  let control = 0
  for (const byte of probe) {
    if (byte === 0) return false
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) control++
  }
  return control <= probe.length / 1000
}

/** A zip whose entries include the workbook part every Excel 2007+ file has. */
function isXlsx(bytes: Uint8Array): boolean {
  if (!startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) return false
  // Entry names are stored uncompressed, in each local header and in the central directory at the end.
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes('xl/workbook', 0, 'latin1')
}

/**
 * The document type of these bytes, or null when they are none of the accepted ones. `head` may be
 * the first bytes only (HQ checks a stream's first 16): a zip is then taken as a spreadsheet.
 */
export function sniffDocument(
  bytes: Uint8Array,
  options: { headOnly?: boolean } = {},
): SniffedDocument | null {
  const image = sniffImageFormat(bytes)
  if (image) return { type: 'image', mime: FORMAT_FILES[image].mime }
  if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46, 0x2d)) return { type: 'pdf', mime: MIME_OF.pdf }
  if (options.headOnly ? startsWith(bytes, 0x50, 0x4b, 0x03, 0x04) : isXlsx(bytes)) {
    return { type: 'xlsx', mime: MIME_OF.xlsx }
  }
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1))
    return { type: 'xls', mime: MIME_OF.xls }
  if (looksLikeText(bytes)) return { type: 'csv', mime: MIME_OF.csv }
  return null
}

const IMAGE_EXTENSIONS = ['jpg', 'jpeg', 'png', 'webp', 'gif', 'tif', 'tiff', 'avif', 'heic', 'heif']

/** The type a file's name promises by its extension, or null for an extension no document has. */
export function documentTypeOfName(fileName: string): DocumentType | null {
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? ''
  if (ext === 'pdf' || ext === 'xlsx' || ext === 'xls' || ext === 'csv') return ext
  return IMAGE_EXTENSIONS.includes(ext) ? 'image' : null
}
