import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  chronological,
  SCORE_DIMENSIONS,
  summarizeDimension,
  summarizeScorecard,
  visitAverage,
  type ScoredVisit,
  type ScoreSet,
} from './scorecard'

const blank: ScoreSet = {
  design: null,
  rnd: null,
  quickResponse: null,
  newProductDevelopment: null,
  beltLeadership: null,
  qualitySystem: null,
  capacity: null,
}
const visit = (id: string, visitDate: string, scores: Partial<ScoreSet>): ScoredVisit => ({
  id,
  visitDate,
  scores: { ...blank, ...scores },
})

describe('scorecard', () => {
  it('takes the latest score, the change since the previous visit and the average', () => {
    const visits = [
      visit('b', '2026-03-10', { design: 4, rnd: 2 }),
      visit('a', '2025-11-02', { design: 2, rnd: 3 }),
      visit('c', '2026-05-20', { design: 5 }),
    ]
    expect(summarizeDimension(visits, 'design')).toEqual({
      dimension: 'design',
      latest: 5,
      latestDate: '2026-05-20',
      latestVisitId: 'c',
      previous: 4,
      delta: 1,
      average: 3.67,
      count: 3,
    })
    // rnd was not scored on the last visit: its latest is the one before, its delta against the first.
    expect(summarizeDimension(visits, 'rnd')).toMatchObject({
      latest: 2,
      previous: 3,
      delta: -1,
      average: 2.5,
    })
    expect(summarizeDimension(visits, 'capacity')).toEqual({
      dimension: 'capacity',
      latest: null,
      latestDate: null,
      latestVisitId: null,
      previous: null,
      delta: null,
      average: null,
      count: 0,
    })
  })

  it('has no delta after a single visit', () => {
    expect(summarizeDimension([visit('a', '2026-01-01', { capacity: 3 })], 'capacity')).toMatchObject({
      latest: 3,
      previous: null,
      delta: null,
    })
  })

  it('orders same-day visits by id (recording order)', () => {
    const visits = [visit('02', '2026-01-01', { design: 5 }), visit('01', '2026-01-01', { design: 1 })]
    expect(chronological(visits).map((v) => v.id)).toEqual(['01', '02'])
    expect(summarizeDimension(visits, 'design')).toMatchObject({ latest: 5, previous: 1, delta: 4 })
  })

  it('averages one visit over the dimensions it scored', () => {
    expect(visitAverage({ ...blank, design: 4, rnd: 5 })).toBe(4.5)
    expect(visitAverage({ ...blank, design: 1, rnd: 2, capacity: 2 })).toBe(1.67)
    expect(visitAverage(blank)).toBeNull()
  })

  describe('properties', () => {
    const score = fc.option(fc.integer({ min: 1, max: 5 }), { nil: null })
    const scores = fc.record(
      Object.fromEntries(SCORE_DIMENSIONS.map((d) => [d, score])) as Record<keyof ScoreSet, typeof score>,
    )
    const day = fc
      .integer({ min: 0, max: 60 })
      .map((n) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10))
    const visits = fc.uniqueArray(fc.record({ id: fc.uuid(), visitDate: day, scores }), {
      selector: (v) => v.id,
      maxLength: 12,
    })

    it('does not depend on the order visits are given in', () => {
      const withShuffle = visits.chain((list) =>
        fc.tuple(
          fc.constant(list),
          fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }),
        ),
      )
      fc.assert(
        fc.property(withShuffle, ([list, shuffled]) => {
          expect(summarizeScorecard(shuffled)).toEqual(summarizeScorecard(list))
        }),
      )
    })

    it('keeps the average between the lowest and highest score, and latest − previous = delta', () => {
      fc.assert(
        fc.property(visits, (list) => {
          for (const summary of summarizeScorecard(list)) {
            const given = list.map((v) => v.scores[summary.dimension]).filter((s): s is number => s !== null)
            expect(summary.count).toBe(given.length)
            if (given.length === 0) {
              expect(summary.average).toBeNull()
              continue
            }
            expect(summary.average!).toBeGreaterThanOrEqual(Math.min(...given))
            expect(summary.average!).toBeLessThanOrEqual(Math.max(...given))
            if (summary.delta !== null) expect(summary.latest! - summary.previous!).toBe(summary.delta)
            expect(summary.delta === null).toBe(given.length < 2)
          }
        }),
      )
    })

    it('a new later visit that scores a dimension becomes its latest, with the old latest as previous', () => {
      fc.assert(
        fc.property(visits, fc.integer({ min: 1, max: 5 }), (list, newScore) => {
          const before = summarizeDimension(list, 'design')
          const after = summarizeDimension(
            [...list, visit('ffffffff-ffff-7fff-bfff-ffffffffffff', '2027-01-01', { design: newScore })],
            'design',
          )
          expect(after.latest).toBe(newScore)
          expect(after.previous).toBe(before.latest)
          expect(after.count).toBe(before.count + 1)
        }),
      )
    })

    it('an unscored later visit changes nothing', () => {
      fc.assert(
        fc.property(visits, (list) => {
          const later = visit('ffffffff-ffff-7fff-bfff-ffffffffffff', '2027-01-01', {})
          expect(summarizeScorecard([...list, later])).toEqual(summarizeScorecard(list))
        }),
      )
    })
  })
})
