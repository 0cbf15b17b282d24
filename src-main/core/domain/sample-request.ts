/**
 * A sample a factory promised to send, followed to the door: requested → shipped → received (or
 * requested → received when it is handed over without a courier). Pure: the status is read from the
 * dates, never stored, so two laptops marking different steps offline merge field by field into one
 * consistent request.
 */

export const SAMPLE_REQUEST_STATUSES = ['requested', 'shipped', 'received'] as const
export type SampleRequestStatus = (typeof SAMPLE_REQUEST_STATUSES)[number]

/**
 * Days a shipped sample may travel before it counts as late. Domestic express (顺丰, 中通, 京东) reaches
 * any city in China in two to four days; a week leaves room for a weekend and a remote belt.
 */
export const SHIPPED_LATE_AFTER_DAYS = 7

/** Why a request is late: not shipped by the promised date, or shipped long ago and not received. */
export type SampleRequestLateness = 'notShipped' | 'notReceived'

const DAY_MS = 86_400_000

/** Whole days from `from` to `to` ('YYYY-MM-DD'). */
export function daysFrom(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS)
}

/** 'YYYY-MM-DD' `days` after `date` (negative: before). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)
}

export function requestStatus(dates: {
  shippedOn: string | null
  receivedOn: string | null
}): SampleRequestStatus {
  if (dates.receivedOn !== null) return 'received'
  if (dates.shippedOn !== null) return 'shipped'
  return 'requested'
}

/**
 * Late as of `today` (the buyer's local date, as follow-ups judge overdue): not shipped and the promised
 * ship date has passed; or shipped more than SHIPPED_LATE_AFTER_DAYS days ago and not received. Returns
 * why, and by how many days, or null when it is on time.
 */
export function lateness(
  request: { promisedShipDate: string; shippedOn: string | null; receivedOn: string | null },
  today: string,
): { reason: SampleRequestLateness; daysLate: number } | null {
  if (request.receivedOn !== null) return null
  if (request.shippedOn === null) {
    return request.promisedShipDate < today
      ? { reason: 'notShipped', daysLate: daysFrom(request.promisedShipDate, today) }
      : null
  }
  const due = addDays(request.shippedOn, SHIPPED_LATE_AFTER_DAYS)
  return due < today ? { reason: 'notReceived', daysLate: daysFrom(due, today) } : null
}
