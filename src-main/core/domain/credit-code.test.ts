import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { creditCodeCheckChar, creditCodeProblem } from './credit-code'

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
/** Published codes of real companies (printed on their business licences). */
const REAL_CODES = ['91350100M000100Y43', '91110000802100433B', '91440300708461136T']

const first17 = fc
  .array(fc.constantFrom(...ALPHABET), { minLength: 17, maxLength: 17 })
  .map((chars) => chars.join(''))
const validCode = first17.map((body) => body + creditCodeCheckChar(body))

describe('unified social credit code', () => {
  it.each(REAL_CODES)('accepts the real code %s, also lower-cased', (code) => {
    expect(creditCodeProblem(code)).toBeNull()
    expect(creditCodeProblem(code.toLowerCase())).toBeNull()
  })

  it('computes the published check character', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3')
    expect(creditCodeCheckChar('91110000802100433')).toBe('B')
  })

  it('names the problem: length, character or checksum', () => {
    expect(creditCodeProblem('')).toBe('length')
    expect(creditCodeProblem('91350100M000100Y4')).toBe('length')
    expect(creditCodeProblem('91350100M000100Y433')).toBe('length')
    expect(creditCodeProblem('91350100M000100I43')).toBe('character') // I is not in the alphabet
    expect(creditCodeProblem('91350100M000100Y4?')).toBe('character')
    expect(creditCodeProblem('91350100M000100Y44')).toBe('checksum')
  })

  it('returns no check character for a body with a character outside the alphabet', () => {
    expect(creditCodeCheckChar('91350100O000100Y4')).toBeNull()
    expect(creditCodeCheckChar('short')).toBeNull()
  })

  it('accepts every code built with its check character', () => {
    fc.assert(
      fc.property(validCode, (code) => {
        expect(creditCodeProblem(code)).toBeNull()
      }),
    )
  })

  it('rejects a valid code with any one character changed', () => {
    // Any other character, from the alphabet or not; a lower-case copy of the same letter is no change.
    const replacement = fc.oneof(
      fc.constantFrom(...ALPHABET),
      fc.constantFrom('I', 'O', 'S', 'V', 'Z', '-', ' ', '中'),
    )
    fc.assert(
      fc.property(validCode, fc.integer({ min: 0, max: 17 }), replacement, (code, position, ch) => {
        fc.pre(code[position] !== ch)
        const changed = code.slice(0, position) + ch + code.slice(position + 1)
        expect(creditCodeProblem(changed)).not.toBeNull()
      }),
      { numRuns: 500 },
    )
  })
})
