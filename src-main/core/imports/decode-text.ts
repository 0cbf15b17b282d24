import iconv from 'iconv-lite'
import { AppError } from '../api/errors'
import type { ImportEncoding } from './imports.contract'

/**
 * The text of a CSV file. Excel in China saves "CSV (逗号分隔)" in the system code page (GBK), "CSV UTF-8"
 * with a byte-order mark, and "Unicode 文本" as UTF-16 with a BOM; other tools write UTF-8 without one.
 * So: a BOM decides; else strict UTF-8 (GBK text is almost never valid UTF-8); else GB18030, the superset
 * of GBK and GB2312. What none of these read cleanly is refused rather than shown as mojibake.
 */

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

function unreadable(message: string): AppError {
  return new AppError('bad_request', 'errors.import.encoding', message)
}

/** Strict UTF-8, forgiving a character cut off by a truncated file's last bytes; null when not UTF-8. */
function strictUtf8(bytes: Uint8Array): string | null {
  for (let cut = 0; cut <= 3 && cut < bytes.length; cut++) {
    try {
      return utf8.decode(bytes.subarray(0, bytes.length - cut))
    } catch {
      // A multi-byte character cut at the very end fails too; try without its first bytes.
    }
  }
  return null
}

/** Share of NUL bytes at even and odd offsets: UTF-16 text without a BOM has them on one side. */
function nulShares(bytes: Uint8Array): { even: number; odd: number } {
  const sample = bytes.subarray(0, 4096)
  let even = 0
  let odd = 0
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] === 0) {
      if (i % 2 === 0) even++
      else odd++
    }
  }
  const half = Math.max(1, sample.length / 2)
  return { even: even / half, odd: odd / half }
}

// Control characters other than tab, newline and carriage return never occur in a spreadsheet's text.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffd]/

function checked(text: string, encoding: ImportEncoding): { text: string; encoding: ImportEncoding } {
  if (CONTROL.test(text)) throw unreadable(`the file does not read as ${encoding} text`)
  return { text, encoding }
}

export function decodeText(bytes: Uint8Array): { text: string; encoding: ImportEncoding } {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = strictUtf8(bytes.subarray(3))
    if (text === null) throw unreadable('the file starts as UTF-8 but is not')
    return checked(text, 'utf-8-bom')
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return checked(iconv.decode(buffer.subarray(2), 'utf-16le'), 'utf-16le')
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return checked(iconv.decode(buffer.subarray(2), 'utf-16be'), 'utf-16be')
  const nuls = nulShares(bytes)
  if (nuls.odd > 0.3 && nuls.even < 0.05) return checked(iconv.decode(buffer, 'utf-16le'), 'utf-16le')
  if (nuls.even > 0.3 && nuls.odd < 0.05) return checked(iconv.decode(buffer, 'utf-16be'), 'utf-16be')
  if (nuls.even + nuls.odd > 0) throw unreadable('the file holds binary data, not text')
  const text = strictUtf8(bytes)
  if (text !== null) return checked(text, 'utf-8')
  return checked(iconv.decode(buffer, 'gb18030'), 'gb18030')
}
