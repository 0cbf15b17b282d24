/**
 * Chinese phone numbers as buyers write them: mobiles (138 0013 8000, +86 138-0013-8000) and landlines
 * with area code (0595-8588 1234, optional extension).
 */
const MOBILE = /^(?:\+?86-?)?1[3-9]\d{9}$/
const LANDLINE = /^0\d{2,3}\d{7,8}(?:(?:ext|转|#|-)\d{1,6})?$/

/** Strips the spaces, dashes and brackets people type between digit groups. */
function compact(phone: string): string {
  return phone.replace(/[\s()（）]/g, '').replace(/(?<=\d)-(?=\d{4,})/g, '')
}

export function isValidPhone(phone: string): boolean {
  const value = compact(phone)
  return MOBILE.test(value) || LANDLINE.test(value)
}
