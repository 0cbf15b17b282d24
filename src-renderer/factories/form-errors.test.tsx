import type { FieldError } from '@core/api/errors'
import { isValidElement } from 'react'
import { describe, expect, it } from 'vitest'
import { formErrorsFromFields, validateFactory } from './form-errors'
import { EMPTY_FACTORY } from './form-values'

/** The message key a form error renders (errors stay keys until display). */
function keyOf(node: unknown): unknown {
  return isValidElement<{ messageKey: string }>(node) ? node.props.messageKey : node
}

describe('factory form errors', () => {
  it('puts the contract schema’s problems on the fields a buyer sees', () => {
    const errors = validateFactory({
      ...EMPTY_FACTORY,
      name: '  ',
      creditCode: '91350582MA2XY1234A',
      categories: ['生活用纸', ''],
      contacts: [{ name: '林经理', role: '', phone: '12345', wechat: '' }],
    })
    expect(Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, keyOf(v)]))).toEqual({
      name: 'errors.required',
      creditCodeNote: 'errors.creditCode.reasonRequired',
      categories: 'errors.required',
      'contacts.0.phone': 'errors.phone.invalid',
    })
  })

  it('accepts a valid factory', () => {
    expect(
      validateFactory({ ...EMPTY_FACTORY, name: '晋江示例纸业', creditCode: '91350582MA2XY1234K' }),
    ).toEqual({})
  })

  it('lands the core’s field errors for an update (paths under values) on the same fields', () => {
    const fromServer: FieldError[] = [
      { path: ['values', 'creditCode'], messageKey: 'errors.creditCode.length' },
      { path: ['values', 'contacts', 1, 'name'], messageKey: 'errors.required' },
      { path: ['values', 'name'], messageKey: 'errors.tooBig.string', params: { maximum: 100 } },
    ]
    const errors = formErrorsFromFields(fromServer, ['values'])
    expect(Object.keys(errors).sort()).toEqual(['contacts.1.name', 'creditCode', 'name'])
    expect(keyOf(errors.creditCode)).toBe('errors.creditCode.length')
    const name = errors.name
    expect(isValidElement<{ params?: unknown }>(name) && name.props.params).toEqual({ maximum: 100 })
  })
})
