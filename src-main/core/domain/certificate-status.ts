/**
 * Whether a certificate is still good on a given day: one pure function for the factory page, the
 * factory list and the cross-factory list (certificates.expiring). Dates are local calendar days
 * 'YYYY-MM-DD', never instants: a certificate valid to 2026-12-25 is good all of that day wherever the
 * laptop is, and expired from the 26th.
 */

/** Days before the end of validity from which a certificate is flagged as expiring. */
export const EXPIRING_WITHIN_DAYS = 60

export type CertificateState = 'valid' | 'expiring' | 'expired' | 'no_expiry'

export interface CertificateStatus {
  state: CertificateState
  /**
   * Calendar days from `today` to the last valid day: 0 = expires today, negative = expired that many
   * days ago; null without an end date.
   */
  daysLeft: number | null
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/

/** Days since 1970-01-01 of a calendar date (UTC arithmetic on a date has no zone or DST to trip on). */
export function dayNumber(date: string): number {
  const m = DAY.exec(date)
  if (!m) throw new Error(`not a calendar date: ${date}`)
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000
}

/** The local calendar day of an instant on this machine, 'YYYY-MM-DD'. */
export function localDay(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`
}

/** The local calendar day `days` after `date`. */
export function addDays(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * 86_400_000).toISOString().slice(0, 10)
}

export function certificateStatus(
  validTo: string | null,
  today: string,
  withinDays: number = EXPIRING_WITHIN_DAYS,
): CertificateStatus {
  if (validTo === null) return { state: 'no_expiry', daysLeft: null }
  const daysLeft = dayNumber(validTo) - dayNumber(today)
  if (daysLeft < 0) return { state: 'expired', daysLeft }
  return { state: daysLeft <= withinDays ? 'expiring' : 'valid', daysLeft }
}

/** Which of two statuses a list row shows: expired over expiring (the sooner one first) over the rest. */
export function worseStatus(a: CertificateStatus, b: CertificateStatus): CertificateStatus {
  const rank = (s: CertificateStatus) => (s.state === 'expired' ? 0 : s.state === 'expiring' ? 1 : 2)
  if (rank(a) !== rank(b)) return rank(a) < rank(b) ? a : b
  return (a.daysLeft ?? Infinity) <= (b.daysLeft ?? Infinity) ? a : b
}
