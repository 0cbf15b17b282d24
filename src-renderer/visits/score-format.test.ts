import { describe, expect, it } from 'vitest'
import { clampDay, formatDelta, formatScore, localToday } from './score-format'

describe('score formatting', () => {
  it('writes a move since the previous visit with an arrow and a true minus sign', () => {
    expect(formatDelta(1)).toBe('▲ +1')
    expect(formatDelta(-2)).toBe('▼ −2')
    expect(formatDelta(0)).toBe('=')
  })

  it('shows averages with one decimal and nothing for an unscored visit', () => {
    expect(formatScore(3.67)).toBe('3.7')
    expect(formatScore(4)).toBe('4.0')
    expect(formatScore(null)).toBeNull()
  })

  it('defaults a visit on a tour to a day inside the tour', () => {
    expect(clampDay('2026-11-25', '2026-12-12', '2026-12-15')).toBe('2026-12-12')
    expect(clampDay('2026-12-20', '2026-12-12', '2026-12-15')).toBe('2026-12-15')
    expect(clampDay('2026-12-13', '2026-12-12', '2026-12-15')).toBe('2026-12-13')
  })

  it('takes today from the local calendar, not UTC', () => {
    expect(localToday(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05')
  })
})
