import { describe, expect, it } from 'vitest'
import { flatten, moveStop, moveToDay, planDays, stepStop, tourDays, type Stop } from './itinerary-plan'

const stop = (factoryId: string, day: string | null): Stop => ({
  factoryId,
  factoryName: factoryId,
  day,
  province: null,
  city: null,
  address: null,
  status: 'prospect',
  contact: null,
  glance: { lastVisitDate: null, latestScore: null, openFollowUps: 0 },
  visited: false,
})
const tour = { startDate: '2026-03-09', endDate: '2026-03-10' }
const order = (days: ReturnType<typeof planDays>) =>
  flatten(days).map((s) => `${s.factoryId}@${s.day ?? '-'}`)

describe('itinerary plan', () => {
  it('lists every tour day, the undated stops last', () => {
    expect(tourDays('2026-02-27', '2026-03-02')).toEqual([
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
      '2026-03-02',
    ])
    const days = planDays(tour, [stop('a', '2026-03-10'), stop('b', null), stop('c', '2026-03-09')])
    expect(days.map((d) => [d.date, d.stops.map((s) => s.factoryId)])).toEqual([
      ['2026-03-09', ['c']],
      ['2026-03-10', ['a']],
      [null, ['b']],
    ])
  })

  it('drags a stop to another day and position, and steps it up and down within its day', () => {
    const days = planDays(tour, [stop('a', '2026-03-09'), stop('b', '2026-03-09'), stop('c', '2026-03-10')])
    expect(order(moveStop(days, { day: 0, index: 0 }, { day: 1, index: 0 }))).toEqual([
      'b@2026-03-09',
      'a@2026-03-10',
      'c@2026-03-10',
    ])
    expect(order(stepStop(days, 0, 1, -1))).toEqual(['b@2026-03-09', 'a@2026-03-09', 'c@2026-03-10'])
    // At the end of its day a step is a no-op, never a jump to the next day.
    expect(order(stepStop(days, 0, 1, 1))).toEqual(order(days))
    expect(order(moveToDay(days, 1, 0, '2026-03-09'))).toEqual([
      'a@2026-03-09',
      'b@2026-03-09',
      'c@2026-03-09',
    ])
  })
})
