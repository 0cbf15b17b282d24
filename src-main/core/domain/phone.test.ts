import { describe, expect, it } from 'vitest'
import { isValidPhone } from './phone'

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
    '+1 415 555 1234',
    '13800138000abc',
    '微信同号',
  ])('rejects %j', (phone) => {
    expect(isValidPhone(phone)).toBe(false)
  })
})
