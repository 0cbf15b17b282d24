/**
 * Human sample codes, S-2026-K7QX-00042: year, device prefix, per-device counter.
 *
 * Laptops register samples offline, so no central counter can hand out numbers. Each device numbers its
 * own samples and puts a prefix derived from its device id (a UUIDv7, never reused) in the code, so two
 * devices cannot produce the same code unless their prefixes collide. The prefix is four Crockford
 * base32 characters (20 bits of an FNV-1a hash of the device id: ~1 in 1,000,000 per pair; for a team of 30
 * laptops ~0.04%). Crockford's alphabet leaves out I, L, O and U, so a code read off a label and typed
 * back cannot confuse 1/I/L or 0/O. The counter restarts each year, which keeps codes short and tells
 * the year at a glance; the year also keeps this year's numbering apart from last year's.
 */

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const PREFIX_LENGTH = 4
const COUNTER_DIGITS = 5

/** The device's four-character code prefix. */
export function devicePrefix(deviceId: string): string {
  // FNV-1a (32 bit): pure, so the renderer can share this module, and well spread for this use.
  let hash = 0x811c9dc5
  for (let i = 0; i < deviceId.length; i++) {
    hash ^= deviceId.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  const bits = hash >>> 12 // 20 bits, five per character
  let prefix = ''
  for (let i = PREFIX_LENGTH - 1; i >= 0; i--) prefix += CROCKFORD[(bits >> (i * 5)) & 31]
  return prefix
}

/** What every code a device gives out in `year` starts with, e.g. 'S-2026-K7QX-'. */
export function sampleCodeStem(year: number, prefix: string): string {
  return `S-${year}-${prefix}-`
}

/** The code of the `seq`-th sample a device registered in `year` (seq from 1). */
export function formatSampleCode(year: number, prefix: string, seq: number): string {
  return `${sampleCodeStem(year, prefix)}${String(seq).padStart(COUNTER_DIGITS, '0')}`
}

const CODE = /^S-(\d{4})-([0-9A-HJKMNP-TV-Z]{4})-(\d{5,})$/

/** Year, prefix and counter of a code, or null when it is not one. */
export function parseSampleCode(code: string): { year: number; prefix: string; seq: number } | null {
  const m = CODE.exec(code)
  return m ? { year: Number(m[1]), prefix: m[2]!, seq: Number(m[3]) } : null
}

/**
 * A code as typed or scanned, normalized: upper case, no surrounding space, and the letters a person
 * may type for look-alike digits (O → 0, I/L → 1) mapped the way Crockford base32 reads them.
 */
export function normalizeSampleCode(input: string): string {
  return input
    .trim()
    .toUpperCase()
    .replace(/[OIL]/g, (c) => (c === 'O' ? '0' : '1'))
    .replace(/^5-/, 'S-')
}
