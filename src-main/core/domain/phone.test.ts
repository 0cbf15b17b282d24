import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatPhone, isValidPhone, normalizePhone } from './phone'

describe('isValidPhone', () => {
  it.each([
    '13800138000',
    '138 0013 8000',
    '138-0013-8000',
    '19912345678',
    '+8613800138000',
    '+86 138 0013 8000',
    '+86 138-0013-8000',
    '+86-138-0013-8000',
    '86 13800138000',
  ])('accepts the mobile number %j', (phone) => {
    expect(isValidPhone(phone)).toBe(true)
  })

  it.each([
    '0595-85881234',
    '0595-8588 1234',
    '(0595) 8588 1234',
    '（0595）85881234',
    '021-12345678',
    '010 8888 8888',
    '0769-2288-1234',
    '0595-85881234-801',
    '0595-85881234转801',
  ])('accepts the landline with area code %j', (phone) => {
    expect(isValidPhone(phone)).toBe(true)
  })

  it.each(['+1 415 555 1234', '+44 20 7946 0958', '+852 2345 6789', '00852 2345 6789'])(
    'accepts the foreign number with its country code %j',
    (phone) => {
      expect(isValidPhone(phone)).toBe(true)
    },
  )

  it.each([
    '',
    'abc',
    '12345',
    '1380013800', // 10 digits
    '138001380001', // 12 digits
    '12800138000', // no mobile prefix 12x
    '23800138000',
    '85881234', // landline without area code
    '0595-8588',
    '13800138000abc',
    '微信同号',
    '+1 415', // too short for any country
  ])('rejects %j', (phone) => {
    expect(isValidPhone(phone)).toBe(false)
  })
})

describe('normalizePhone', () => {
  it.each([
    ['+86 137 0770 9687', '13707709687'],
    ['139-0964-0605', '13909640605'],
    ['13907709687', '13907709687'],
    ['0086 139 0770 9687', '13907709687'],
    ['(0769) 8123 4567', '0769-81234567'],
    ['0769-81234567', '0769-81234567'],
    ['+86 769 8123 4567', '0769-81234567'],
    ['010 8888 8888', '010-88888888'],
    ['+86 10 8888 8888', '010-88888888'],
    ['0595-85881234转801', '0595-85881234-801'],
    ['0595 8588 1234 ext. 801', '0595-85881234-801'],
    ['0595-85881234-801', '0595-85881234-801'],
    ['+1 (415) 555-1234', '+14155551234'],
    ['', ''],
  ])('%j → %j', (phone, normal) => {
    expect(normalizePhone(phone)).toBe(normal)
  })

  it('makes one number of the shapes buyers type it in', () => {
    const shapes = ['+86 137 0770 9687', '137-0770-9687', '13707709687', '86 13707709687', '137 0770 9687']
    expect(new Set(shapes.map(normalizePhone))).toEqual(new Set(['13707709687']))
  })
})

describe('formatPhone', () => {
  it.each([
    ['13707709687', '137 0770 9687'],
    ['+86 137-0770-9687', '137 0770 9687'],
    ['0769-81234567', '0769 8123 4567'],
    ['021-1234567', '021 123 4567'],
    ['0595-85881234-801', '0595 8588 1234 转 801'],
    ['+14155551234', '+14155551234'],
    ['微信同号', '微信同号'],
  ])('%j is shown as %j', (phone, shown) => {
    expect(formatPhone(phone)).toBe(shown)
  })

  it('names the extension in the language asked for', () => {
    expect(formatPhone('0595-85881234-801', 'ext')).toBe('0595 8588 1234 ext 801')
  })
})

/** Digits as a string of the given length range. */
const digits = (min: number, max: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((d) => d.join(''))
const mobile = fc
  .tuple(fc.integer({ min: 3, max: 9 }), digits(9, 9))
  .map(([second, rest]) => `1${second}${rest}`)
const landline = fc
  .tuple(
    fc.constantFrom('010', '020', '021', '0769', '0595', '0755', '0312'),
    digits(7, 8),
    fc.option(digits(1, 6), { nil: undefined }),
  )
  .map(([area, number, ext]) => `${area}-${number}${ext ? `-${ext}` : ''}`)
const foreign = fc
  .tuple(fc.constantFrom('1', '44', '81', '852', '65'), digits(8, 10))
  .map(([cc, number]) => `+${cc}${number}`)
const normalForm = fc.oneof(mobile, landline, foreign)

/** The same number as a buyer might type it: groups split by spaces or dashes, a country code. */
function retype(normal: string, separator: string, withCountry: boolean): string {
  if (normal.startsWith('+')) return `${normal.slice(0, 3)}${separator}${normal.slice(3)}`
  const [main, ext] =
    normal.split(/-(?=\d{1,6}$)/).length === 2 && !/^1/.test(normal)
      ? normal.split(/-(?=\d{1,6}$)/)
      : [normal]
  const plain = main!.replace('-', '')
  const grouped = plain.replace(/(\d{4})(?=\d)/g, `$1${separator}`)
  const country = withCountry && /^1/.test(plain) ? `+86${separator}` : ''
  return `${country}${grouped}${ext ? ` 转 ${ext}` : ''}`
}

describe('phone normal form (properties)', () => {
  it('normalizing is idempotent, on any text', () => {
    fc.assert(
      fc.property(fc.oneof(normalForm, fc.string(), fc.stringMatching(/^[+\d\s()-]{0,20}$/)), (text) => {
        const normal = normalizePhone(text)
        if (normal !== null) expect(normalizePhone(normal)).toBe(normal)
      }),
    )
  })

  it('a shown number reads back as the same number', () => {
    fc.assert(
      fc.property(normalForm, (normal) => {
        expect(normalizePhone(normal)).toBe(normal)
        expect(normalizePhone(formatPhone(normal))).toBe(normal)
        expect(normalizePhone(formatPhone(normal, 'ext'))).toBe(normal)
      }),
    )
  })

  it('the same number typed another way is one number', () => {
    fc.assert(
      fc.property(normalForm, fc.constantFrom(' ', '-', ''), fc.boolean(), (normal, separator, country) => {
        expect(normalizePhone(retype(normal, separator, country))).toBe(normal)
      }),
    )
  })
})
