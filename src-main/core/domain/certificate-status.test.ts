import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays, certificateStatus, localDay, worseStatus } from './certificate-status'

describe('certificate status on a calendar day', () => {
  it('flags a certificate ending within 60 days as expiring, with the days left', () => {
    expect(certificateStatus('2026-12-25', '2026-12-02')).toEqual({ state: 'expiring', daysLeft: 23 })
    expect(certificateStatus('2027-01-31', '2026-12-02')).toEqual({ state: 'expiring', daysLeft: 60 })
    expect(certificateStatus('2027-02-01', '2026-12-02')).toEqual({ state: 'valid', daysLeft: 61 })
  })

  it('counts the last valid day as valid and the next day as expired', () => {
    expect(certificateStatus('2026-12-02', '2026-12-02')).toEqual({ state: 'expiring', daysLeft: 0 })
    expect(certificateStatus('2026-12-01', '2026-12-02')).toEqual({ state: 'expired', daysLeft: -1 })
    expect(certificateStatus('2025-12-02', '2026-12-02')).toEqual({ state: 'expired', daysLeft: -365 })
  })

  it('has no flag without an end date', () => {
    expect(certificateStatus(null, '2026-12-02')).toEqual({ state: 'no_expiry', daysLeft: null })
  })

  it('counts calendar days across month ends, leap days and DST changes alike', () => {
    expect(certificateStatus('2028-03-01', '2028-02-28').daysLeft).toBe(2)
    expect(certificateStatus('2027-03-01', '2027-02-28').daysLeft).toBe(1)
    // Europe's and the US's clock changes are no shorter days here.
    expect(certificateStatus('2026-03-30', '2026-03-28').daysLeft).toBe(2)
    expect(certificateStatus('2026-11-02', '2026-10-31').daysLeft).toBe(2)
  })

  it('takes the local calendar day of an instant, not its UTC date', () => {
    const lateEvening = new Date(2026, 11, 2, 23, 30)
    expect(localDay(lateEvening)).toBe('2026-12-02')
    expect(localDay(new Date(2026, 0, 1, 0, 5))).toBe('2026-01-01')
  })

  it('agrees with addDays for any day and offset, with the 60-day edge exact', () => {
    const day = fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
    fc.assert(
      fc.property(day, fc.integer({ min: -2000, max: 2000 }), (date, offset) => {
        const today = date.toISOString().slice(0, 10)
        const status = certificateStatus(addDays(today, offset), today)
        expect(status.daysLeft).toBe(offset)
        expect(status.state).toBe(offset < 0 ? 'expired' : offset <= 60 ? 'expiring' : 'valid')
      }),
    )
  })

  it('shows the more urgent of two flags', () => {
    const expired = { state: 'expired', daysLeft: -3 } as const
    const soon = { state: 'expiring', daysLeft: 5 } as const
    const later = { state: 'expiring', daysLeft: 40 } as const
    expect(worseStatus(soon, expired)).toBe(expired)
    expect(worseStatus(later, soon)).toBe(soon)
    expect(worseStatus({ state: 'no_expiry', daysLeft: null }, later)).toBe(later)
  })
})
