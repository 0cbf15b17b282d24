import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { devicePrefix, formatSampleCode, normalizeSampleCode, parseSampleCode } from './sample-code'
import { canTransition, SAMPLE_STATUSES, SAMPLE_TRANSITIONS } from './sample-workflow'

describe('sample codes', () => {
  it('are year, device prefix and a zero-padded counter', () => {
    const prefix = devicePrefix('01937a2e-6b1c-7d2e-9f00-1234567890ab')
    expect(prefix).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}$/)
    expect(formatSampleCode(2026, prefix, 42)).toBe(`S-2026-${prefix}-00042`)
    expect(parseSampleCode(`S-2026-${prefix}-00042`)).toEqual({ year: 2026, prefix, seq: 42 })
    expect(parseSampleCode(formatSampleCode(2026, prefix, 123456))?.seq).toBe(123456)
    expect(parseSampleCode('S-2026-00042')).toBeNull()
  })

  it('take a stable prefix per device and spread different devices over the prefixes', () => {
    fc.assert(
      fc.property(fc.uuid(), (id) => {
        expect(devicePrefix(id)).toBe(devicePrefix(id))
        const code = formatSampleCode(2026, devicePrefix(id), 7)
        expect(parseSampleCode(code)).toEqual({ year: 2026, prefix: devicePrefix(id), seq: 7 })
        // What a label shows is what a scanner or a person types back.
        expect(normalizeSampleCode(` ${code.toLowerCase()} `)).toBe(code)
      }),
    )
    const prefixes = new Set(Array.from({ length: 1000 }, (_, i) => devicePrefix(`device-${i}`)))
    expect(prefixes.size).toBeGreaterThan(995)
  })

  it('read O as 0 and I or L as 1 when typed by hand', () => {
    expect(normalizeSampleCode('s-2026-k7qx-OOO42')).toBe('S-2026-K7QX-00042')
    expect(normalizeSampleCode('S-2026-K7QX-000I2')).toBe('S-2026-K7QX-00012')
  })
})

describe('sample workflow', () => {
  it('moves forward one step at a time and ends at approved or rejected', () => {
    expect(canTransition('requested', 'received')).toBe(true)
    expect(canTransition('received', 'evaluating')).toBe(true)
    expect(canTransition('evaluating', 'approved')).toBe(true)
    expect(canTransition('evaluating', 'rejected')).toBe(true)
    expect(canTransition('requested', 'approved')).toBe(false)
    expect(canTransition('approved', 'rejected')).toBe(false)
    for (const status of SAMPLE_STATUSES) expect(canTransition(status, status)).toBe(false)
    expect(SAMPLE_TRANSITIONS.approved).toEqual([])
    expect(SAMPLE_TRANSITIONS.rejected).toEqual([])
  })
})
