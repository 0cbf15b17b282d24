/**
 * Phone numbers as buyers write them — mobiles (138 0013 8000, +86 138-0013-8000), landlines with area
 * code ((0769) 8123 4567, 0595-8588 1234 转 801) and foreign numbers with their country code
 * (+1 415 555 1234) — brought to one normal form, so the same number typed two ways is one number:
 *
 * - mainland mobile: 11 digits, '13707709687'
 * - mainland landline: area code, dash, number, then dash and extension: '0769-81234567', '0595-85881234-801'
 * - foreign: '+', country code and number, digits only: '+14155551234'
 */

const MOBILE = /^1[3-9]\d{9}$/
/** Words and marks before an extension: 转, 分机, ext, x, #. */
const EXTENSION = /\s*(?:转|分机|ext\.?|x|#)\s*(\d{1,6})$/i
/** What may sit between the digit groups. */
const SEPARATORS = /^[\d\s\-().（）]*$/

/** Area code of a landline's digits (starting with 0): 010 and 02x have three digits, the rest four. */
function areaCodeLength(digits: string): number {
  return /^0(?:10|2\d)/.test(digits) ? 3 : 4
}

function landline(digits: string, extension: string | null): string | null {
  if (!digits.startsWith('0')) return null
  const area = areaCodeLength(digits)
  const number = digits.slice(area)
  if (!/^\d{7,8}$/.test(number)) return null
  return `${digits.slice(0, area)}-${number}${extension ? `-${extension}` : ''}`
}

/** A mainland number's digits (no country code) in normal form, or null. */
function domestic(digits: string, extension: string | null, groups: string[]): string | null {
  if (MOBILE.test(digits)) return extension ? null : digits
  if (extension) return landline(digits, extension)
  // '0595-85881234-801': a last group of up to six digits after a whole number is its extension
  // ('0769-2288-1234' has none: 0769-2288 is no number).
  const last = groups.at(-1)
  const split =
    groups.length >= 2 && last && last.length <= 6 ? landline(digits.slice(0, -last.length), last) : null
  return split ?? landline(digits, null)
}

/**
 * The normal form of a phone number, or null when it is not one this workbench can read (then the
 * contract refuses it). '' stays ''.
 */
export function normalizePhone(phone: string): string | null {
  let text = phone.trim()
  if (text === '') return ''
  let extension: string | null = null
  const ext = EXTENSION.exec(text)
  if (ext) {
    extension = ext[1]!
    text = text.slice(0, ext.index)
  }
  const plus = text.startsWith('+')
  if (plus) text = text.slice(1)
  if (!SEPARATORS.test(text)) return null
  const groups = text.match(/\d+/g) ?? []
  let digits = groups.join('')
  if (!plus && digits.startsWith('00'))
    return normalizePhone(`+${digits.slice(2)}${ext ? ` ext ${extension}` : ''}`)
  if (plus && !digits.startsWith('86')) {
    // Foreign: E.164 allows up to 15 digits; the country code never starts with 0.
    return !extension && /^[1-9]\d{6,14}$/.test(digits) ? `+${digits}` : null
  }
  if (plus || (digits.startsWith('86') && MOBILE.test(digits.slice(2)))) {
    digits = digits.slice(2)
    groups[0] = groups[0]!.slice(2)
    // '+86 769 8123 4567': the area code is written without its 0 after the country code.
    if (!MOBILE.test(digits) && !digits.startsWith('0')) digits = `0${digits}`
  }
  return domestic(
    digits,
    extension,
    groups.filter((g) => g !== ''),
  )
}

/** True when the text is a phone number normalizePhone can read. */
export function isValidPhone(phone: string): boolean {
  const normal = normalizePhone(phone)
  return normal !== null && normal !== ''
}

/**
 * A phone number grouped for reading: '137 0770 9687', '0769 8123 4567 转 801', '+14155551234'. Text
 * that is not a readable number (stored before numbers were normalized) is shown as it is.
 */
export function formatPhone(phone: string, extensionWord = '转'): string {
  const normal = normalizePhone(phone)
  if (!normal) return phone
  if (normal.startsWith('+')) return normal
  if (MOBILE.test(normal)) return `${normal.slice(0, 3)} ${normal.slice(3, 7)} ${normal.slice(7)}`
  const [area, number, extension] = normal.split('-') as [string, string, string | undefined]
  const grouped = `${area} ${number.slice(0, -4)} ${number.slice(-4)}`
  return extension ? `${grouped} ${extensionWord} ${extension}` : grouped
}
