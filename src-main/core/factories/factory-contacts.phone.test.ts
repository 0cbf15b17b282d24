import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ok } from '../../../test/integration/support/api-result'
import { createTempCore, writeCounts, type TempCore } from '../../../test/integration/support/temp-core'
import type { Factory } from './factories.contract'

/** Contacts' phones are stored in one normal form, whatever shape the buyer typed them in. */
describe('contact phones', () => {
  let core: TempCore
  const call = (name: string, input: unknown) => core.dispatch(name, input)

  beforeEach(async () => {
    core = await createTempCore()
  })
  afterEach(async () => {
    await core.dispose()
  })

  it('stores each number once in normal form, so retyping it another way changes nothing', async () => {
    const factory = ok<Factory>(
      await call('factories.create', {
        name: '东莞洁丽日化',
        contacts: [
          { name: '陈经理', phone: '+86 137 0770 9687' },
          { name: '前台', phone: '(0769) 8123 4567 转 801' },
          { name: '海外办事处', phone: '+1 (415) 555-1234' },
        ],
      }),
    )
    expect(factory.contacts.map((c) => c.phone)).toEqual(['13707709687', '0769-81234567-801', '+14155551234'])
    const stored = core.database.sqlite
      .prepare('SELECT phone FROM factory_contacts ORDER BY sort_order')
      .all() as { phone: string }[]
    expect(stored.map((r) => r.phone)).toEqual(['13707709687', '0769-81234567-801', '+14155551234'])

    // The same numbers as another buyer types them: no field changes, no sync message.
    const before = writeCounts(core)
    const retyped = ['137-0770-9687', '0769-81234567-801', '+14155551234']
    const contacts = factory.contacts.map((c, i) => ({ ...c, phone: retyped[i] }))
    const { id, createdAt: _c, updatedAt: _u, ...values } = factory
    const saved = ok<Factory>(await call('factories.update', { id, values: { ...values, contacts } }))
    expect(saved.contacts.map((c) => c.phone)).toEqual(['13707709687', '0769-81234567-801', '+14155551234'])
    expect(writeCounts(core).changes).toBe(before.changes)
  })
})
