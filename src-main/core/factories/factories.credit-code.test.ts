import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { failed, ok } from '../../../test/integration/support/api-result'
import { creditCode } from '../../../test/integration/support/spreadsheets'
import { createTempCore, writeCounts, type TempCore } from '../../../test/integration/support/temp-core'
import { factoriesTable } from './factories.columns'
import type { Factory, FactorySummary } from './factories.contract'

/**
 * Credit codes as real lists carry them: a code whose check character fails is kept with the buyer's
 * reason and shown with a warning; a code another factory already has is refused, naming that factory.
 */

/** A well-formed code whose check character is wrong (the valid one shifted by one letter). */
function failingCode(n: number): string {
  const valid = creditCode(n)
  const wrong = valid.endsWith('0') ? '1' : '0'
  return valid.slice(0, 17) + wrong
}

describe('factory credit codes', () => {
  let core: TempCore
  const call = (name: string, input: unknown) => core.dispatch(name, input)
  const list = async () =>
    ok<{ items: FactorySummary[] }>(await call('factories.list', { sort: 'name', direction: 'asc' })).items

  beforeEach(async () => {
    core = await createTempCore()
  })
  afterEach(async () => {
    await core.dispose()
  })

  it('asks for a reason when the check character fails, and writes nothing without one', async () => {
    const before = writeCounts(core)
    const error = failed(await call('factories.create', { name: '晋江恒达纸业', creditCode: failingCode(1) }))
    expect(error.code).toBe('validation')
    expect(error.fields).toEqual([
      { path: ['creditCodeNote'], messageKey: 'errors.creditCode.reasonRequired' },
    ])
    expect(writeCounts(core)).toEqual(before)
    // Length and alphabet still refuse outright, reason or not.
    const short = failed(
      await call('factories.create', {
        name: '晋江恒达纸业',
        creditCode: '9135',
        creditCodeNote: '执照如此',
      }),
    )
    expect(short.fields[0]).toMatchObject({ path: ['creditCode'], messageKey: 'errors.creditCode.length' })
  })

  it('keeps a factory with a failing code and its reason, shown on the factory and in the list', async () => {
    const code = failingCode(2).toLowerCase()
    const factory = ok<Factory>(
      await call('factories.create', {
        name: '泉州清源卫材',
        creditCode: code,
        creditCodeNote: '  与营业执照原件核对一致  ',
      }),
    )
    expect(factory).toMatchObject({
      creditCode: code.toUpperCase(),
      creditCodeNote: '与营业执照原件核对一致',
    })
    const again = ok<Factory>(await call('factories.get', { id: factory.id }))
    expect(again.creditCodeNote).toBe('与营业执照原件核对一致')
    const other = ok<Factory>(
      await call('factories.create', { name: '保定华美纸品', creditCode: creditCode(3) }),
    )
    expect((await list()).map((f) => [f.name, f.creditCodeWarning])).toEqual(
      expect.arrayContaining([
        ['泉州清源卫材', '与营业执照原件核对一致'],
        ['保定华美纸品', null],
      ]),
    )
    // Corrected later: the warning and the reason go with the wrong code.
    const { id: _id, createdAt: _c, updatedAt: _u, contacts: _k, ...values } = factory
    const fixed = ok<Factory>(
      await call('factories.update', { id: factory.id, values: { ...values, creditCode: creditCode(2) } }),
    )
    expect(fixed).toMatchObject({ creditCode: creditCode(2), creditCodeNote: '' })
    expect((await list()).find((f) => f.id === factory.id)?.creditCodeWarning).toBeNull()
    expect(other.creditCodeNote).toBe('')
  })

  it('refuses a credit code another factory has, on create and on edit, naming that factory', async () => {
    const first = ok<Factory>(
      await call('factories.create', { name: '江门雅洁纸业', creditCode: creditCode(4) }),
    )
    const before = writeCounts(core)
    const taken = failed(await call('factories.create', { name: '江门雅洁二厂', creditCode: creditCode(4) }))
    expect(taken).toMatchObject({ code: 'conflict', messageKey: 'errors.creditCode.taken' })
    expect(taken.fields).toEqual([
      {
        path: ['creditCode'],
        messageKey: 'errors.creditCode.taken',
        params: { name: '江门雅洁纸业', id: first.id },
      },
    ])
    expect(writeCounts(core)).toEqual(before)

    const second = ok<Factory>(
      await call('factories.create', { name: '江门雅洁二厂', creditCode: creditCode(5) }),
    )
    const edit = failed(
      await call('factories.update', {
        id: second.id,
        values: { name: '江门雅洁二厂', creditCode: creditCode(4) },
      }),
    )
    expect(edit.fields).toEqual([
      {
        path: ['values', 'creditCode'],
        messageKey: 'errors.creditCode.taken',
        params: { name: '江门雅洁纸业', id: first.id },
      },
    ])
    // Saving a factory with its own code is no conflict; a deleted factory's code is free again.
    ok(
      await call('factories.update', {
        id: first.id,
        values: { name: '江门雅洁纸业（总厂）', creditCode: creditCode(4) },
      }),
    )
    ok(await call('factories.delete', { id: first.id }))
    ok(
      await call('factories.update', {
        id: second.id,
        values: { name: '江门雅洁二厂', creditCode: creditCode(4) },
      }),
    )
  })

  it('syncs a failing code and its reason: the stored columns HQ and laptops check accept them', () => {
    const columns = factoriesTable.columns.shape
    expect(columns.credit_code.safeParse(failingCode(6)).success).toBe(true)
    expect(columns.credit_code.safeParse('9135').success).toBe(false)
    expect(columns.credit_code_note.safeParse('与营业执照原件核对一致').success).toBe(true)
    expect(columns.credit_code_note.safeParse('x'.repeat(201)).success).toBe(false)
  })
})
