import type { PlanInput, Tour } from '@core/tours/tours.contract'

/** A planned factory as the itinerary shows it. */
export type Stop = Tour['plannedFactories'][number]

/** One column of the itinerary: a tour day, or the factories without a day yet (date null). */
export interface PlanDay {
  /** 'YYYY-MM-DD', or null for "no day yet". */
  date: string | null
  stops: Stop[]
}

/** Every day from start to end (inclusive), 'YYYY-MM-DD'. */
export function tourDays(startDate: string, endDate: string): string[] {
  const days: string[] = []
  const day = new Date(`${startDate}T00:00:00Z`)
  const end = new Date(`${endDate}T00:00:00Z`)
  // A tour is days, not years: the cap keeps a mistyped year from building a list of thousands.
  while (day <= end && days.length < 366) {
    days.push(day.toISOString().slice(0, 10))
    day.setUTCDate(day.getUTCDate() + 1)
  }
  return days
}

/** The stops grouped by day: every tour day (empty ones too), then "no day yet" (a place to drag to). */
export function planDays(tour: Pick<Tour, 'startDate' | 'endDate'>, stops: readonly Stop[]): PlanDay[] {
  const dates = tourDays(tour.startDate, tour.endDate)
  const days: PlanDay[] = dates.map((date) => ({ date, stops: stops.filter((s) => s.day === date) }))
  const undated = stops.filter((s) => s.day === null || !dates.includes(s.day))
  days.push({ date: null, stops: undated })
  return days
}

/** The plan in visiting order, the way tours.plan takes it. */
export function flatten(days: readonly PlanDay[]): Stop[] {
  return days.flatMap((d) => d.stops.map((s) => ({ ...s, day: d.date })))
}

/**
 * Moves the stop at `from` (day index, position) to `to`; positions are within each day's list, the
 * target position counted after the stop was taken out (as a drag library reports it).
 */
export function moveStop(
  days: readonly PlanDay[],
  from: { day: number; index: number },
  to: { day: number; index: number },
): PlanDay[] {
  const next = days.map((d) => ({ ...d, stops: [...d.stops] }))
  const [moved] = next[from.day]?.stops.splice(from.index, 1) ?? []
  const target = next[to.day]
  if (!moved || !target) return days.map((d) => ({ ...d }))
  target.stops.splice(Math.min(to.index, target.stops.length), 0, { ...moved, day: target.date })
  return next
}

/** One step earlier (-1) or later (+1) within the stop's day; a no-op at either end. */
export function stepStop(days: readonly PlanDay[], day: number, index: number, step: -1 | 1): PlanDay[] {
  const length = days[day]?.stops.length ?? 0
  const to = index + step
  if (to < 0 || to >= length) return days.map((d) => ({ ...d }))
  return moveStop(days, { day, index }, { day, index: to })
}

/** Moves a stop to the end of another day (the day picker). */
export function moveToDay(
  days: readonly PlanDay[],
  day: number,
  index: number,
  date: string | null,
): PlanDay[] {
  const target = days.findIndex((d) => d.date === date)
  if (target < 0 || target === day) return days.map((d) => ({ ...d }))
  return moveStop(days, { day, index }, { day: target, index: days[target]!.stops.length })
}

/** What tours.plan is sent for a plan. */
export function planInput(tourId: string, stops: readonly Pick<Stop, 'factoryId' | 'day'>[]): PlanInput {
  return { id: tourId, stops: stops.map((s) => ({ factoryId: s.factoryId, day: s.day })) }
}
