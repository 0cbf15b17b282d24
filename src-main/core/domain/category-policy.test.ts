import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { overrideReasonFor, policyFrom } from './category-policy'

const status = fc.constantFrom('focus', 'normal', 'excluded')
const rows = fc.array(fc.record({ status, note: fc.string() }), { maxLength: 4 })

describe('the category policy', () => {
  it('is normal for a category nobody listed, and the strictest row wins when sync left duplicates', () => {
    expect(policyFrom('香氛', [])).toEqual({
      category: '香氛',
      status: 'normal',
      note: '',
      overrideRequired: false,
    })
    const policy = policyFrom('宠物主粮', [
      { status: 'focus', note: '' },
      { status: 'excluded', note: '毛利太低' },
    ])
    expect(policy).toMatchObject({ status: 'excluded', note: '毛利太低', overrideRequired: true })
    fc.assert(
      fc.property(rows, (listed) => {
        const excluded = listed.some((r) => r.status === 'excluded')
        expect(policyFrom('x', listed).overrideRequired).toBe(excluded)
        expect(policyFrom('x', [...listed].reverse()).status).toBe(policyFrom('x', listed).status)
      }),
    )
  })

  it('asks for a reason only under an excluded category, unless an update keeps the category it had', () => {
    const excluded = policyFrom('宠物主粮', [{ status: 'excluded', note: '' }])
    const normal = policyFrom('生活用纸', [])
    const override = { override: true as const, reason: '山姆点名要做' }
    expect(overrideReasonFor(normal, override, null)).toBe('')
    expect(overrideReasonFor(excluded, null, null)).toBeNull()
    expect(overrideReasonFor(excluded, override, null)).toBe('山姆点名要做')
    // Saved before HQ excluded it: editing other fields keeps it as it was.
    expect(overrideReasonFor(excluded, null, { category: '宠物主粮 ', reason: '' })).toBe('')
    expect(overrideReasonFor(excluded, null, { category: '宠物主粮', reason: '早先的理由' })).toBe(
      '早先的理由',
    )
    // Moving a record into the excluded category is a new choice: it needs its own reason.
    expect(overrideReasonFor(excluded, null, { category: '生活用纸', reason: '' })).toBeNull()
  })
})
