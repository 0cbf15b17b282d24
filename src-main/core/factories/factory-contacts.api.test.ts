import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTempCore, type TempCore } from '../../../test/integration/support/temp-core'
import { failed, ok } from '../../../test/integration/support/api-result'
import type { Factory, FactorySummary } from './factories.contract'

/** A factory's contacts as rows of their own, through the factories calls on a real SQLite file. */

const WANG = { name: '王强', role: '厂长', phone: '13712345678', wechat: 'wq-jj' }
const LI = { name: '李娜', role: '销售', phone: '', wechat: 'lina88' }

describe('factory contacts', () => {
  let core: TempCore
  const call = (name: string, input: unknown) => core.dispatch(name, input)
  const get = async (id: string) => ok<Factory>(await call('factories.get', { id }))
  const rowsOf = (factoryId: string) =>
    core.database.sqlite
      .prepare('SELECT * FROM factory_contacts WHERE factory_id = ? ORDER BY sort_order, id')
      .all(factoryId) as Record<string, unknown>[]
  const messagesOf = (rowId: string) =>
    core.database.sqlite
      .prepare(
        "SELECT column_name, value FROM change_log WHERE table_name = 'factory_contacts' AND row_id = ? ORDER BY seq",
      )
      .all(rowId) as { column_name: string; value: string }[]
  const valuesOf = ({ id: _i, createdAt: _c, updatedAt: _u, ...values }: Factory) => values

  beforeEach(async () => {
    core = await createTempCore()
  })
  afterEach(async () => {
    await core.dispose()
  })

  it('creates each contact as a row with its own id and messages; get returns them in order', async () => {
    const created = ok<Factory>(
      await call('factories.create', { name: '晋江恒安纸业', contacts: [WANG, LI] }),
    )
    expect(created.contacts).toEqual([
      { id: expect.stringMatching(/^[0-9a-f-]{36}$/), ...WANG },
      { id: expect.stringMatching(/^[0-9a-f-]{36}$/), ...LI },
    ])
    expect(await get(created.id)).toEqual(created)
    const rows = rowsOf(created.id)
    expect(rows.map((r) => [r.id, r.name, r.sort_order, r.deleted_at])).toEqual([
      [created.contacts[0]!.id, '王强', 0, null],
      [created.contacts[1]!.id, '李娜', 1, null],
    ])
    // The factory no longer writes a contacts list; each contact syncs by itself.
    const factoryColumns = core.database.sqlite
      .prepare("SELECT column_name FROM change_log WHERE table_name = 'factories' AND row_id = ?")
      .pluck()
      .all(created.id)
    expect(factoryColumns).not.toContain('contacts')
    expect(
      messagesOf(created.contacts[0]!.id)
        .map((m) => m.column_name)
        .sort(),
    ).toEqual(
      [
        'created_at',
        'deleted_at',
        'factory_id',
        'name',
        'phone',
        'role',
        'sort_order',
        'updated_at',
        'wechat',
      ].sort(),
    )
    const list = ok<{ items: FactorySummary[] }>(await call('factories.list', {}))
    expect(list.items[0]).toMatchObject({ id: created.id, contactCount: 2 })
  })

  it('updates contact by contact: an edit writes only its changed fields, a new one is added, a removal is a tombstone', async () => {
    const factory = ok<Factory>(await call('factories.create', { name: '佛山日化', contacts: [WANG, LI] }))
    const [wang, li] = factory.contacts as [Factory['contacts'][number], Factory['contacts'][number]]
    const before = messagesOf(wang.id).length
    const updated = ok<Factory>(
      await call('factories.update', {
        id: factory.id,
        values: {
          ...valuesOf(factory),
          contacts: [
            { ...wang, phone: '13800138000' },
            { name: '赵六', role: '技术' },
          ],
        },
        removedContactIds: [li.id],
      }),
    )
    expect(updated.contacts).toEqual([
      { ...wang, phone: '13800138000' },
      { id: expect.any(String), name: '赵六', role: '技术', phone: '', wechat: '' },
    ])
    // 王强's edit: the phone and updated_at, nothing else.
    expect(
      messagesOf(wang.id)
        .slice(before)
        .map((m) => m.column_name)
        .sort(),
    ).toEqual(['phone', 'updated_at'])
    const removed = core.database.sqlite
      .prepare('SELECT deleted_at FROM factory_contacts WHERE id = ?')
      .get(li.id)
    expect(removed).toEqual({ deleted_at: expect.any(String) })
    expect(messagesOf(li.id).map((m) => m.column_name)).toContain('deleted_at')
    const list = ok<{ items: FactorySummary[] }>(await call('factories.list', {}))
    expect(list.items[0]).toMatchObject({ contactCount: 2 })
  })

  it('keeps a contact the form did not know about (it arrived by sync after the form opened)', async () => {
    const factory = ok<Factory>(await call('factories.create', { name: '中山洁美', contacts: [WANG] }))
    const opened = valuesOf(factory)
    // Another save (as sync would) adds 李娜 meanwhile.
    ok(
      await call('factories.update', {
        id: factory.id,
        values: { ...opened, contacts: [...factory.contacts, LI] },
      }),
    )
    const saved = ok<Factory>(
      await call('factories.update', { id: factory.id, values: { ...opened, notes: '已寄样' } }),
    )
    expect(saved.notes).toBe('已寄样')
    expect(saved.contacts.map((c) => c.name)).toEqual(['王强', '李娜'])
  })

  it('refuses an unknown contact id, one of another factory and too many contacts, writing nothing', async () => {
    const a = ok<Factory>(await call('factories.create', { name: '甲厂', contacts: [WANG] }))
    const b = ok<Factory>(await call('factories.create', { name: '乙厂', contacts: [LI] }))
    const changes = () => core.database.sqlite.prepare('SELECT count(*) FROM change_log').pluck().get()
    const start = changes()
    const foreign = failed(
      await call('factories.update', {
        id: a.id,
        values: { ...valuesOf(a), notes: '改了', contacts: [{ ...b.contacts[0]!, phone: '13900000000' }] },
      }),
    )
    expect(foreign.fields).toEqual([
      expect.objectContaining({
        path: ['values', 'contacts', 0, 'id'],
        messageKey: 'errors.reference.missing',
      }),
    ])
    const stranger = failed(
      await call('factories.update', {
        id: a.id,
        values: valuesOf(a),
        removedContactIds: ['01890a5d-ac96-774b-bcce-b302099a8057'],
      }),
    )
    expect(stranger.fields[0]).toMatchObject({ path: ['removedContactIds', 0] })
    const malformed = failed(
      await call('factories.update', {
        id: a.id,
        values: { ...valuesOf(a), contacts: [{ ...WANG, id: 'x' }] },
      }),
    )
    expect(malformed.fields[0]).toMatchObject({
      path: ['values', 'contacts', 0, 'id'],
      messageKey: 'errors.id.invalid',
    })
    // 20 contacts are the limit, counting those kept but not named.
    const nineteen = Array.from({ length: 19 }, (_, i) => ({ name: `联系人${i + 1}` }))
    const tooMany = failed(
      await call('factories.update', {
        id: a.id,
        values: { ...valuesOf(a), contacts: nineteen.concat([{ name: '多一个' }]) },
      }),
    )
    expect(tooMany.fields[0]).toMatchObject({ path: ['values', 'contacts'], messageKey: 'errors.tooMany' })
    expect(changes()).toBe(start)
    expect((await get(a.id)).contacts).toEqual(a.contacts)
    expect((await get(a.id)).notes).toBe('')
  })

  it('finds a factory by a contact’s name, phone or WeChat, and forgets a removed contact', async () => {
    const factory = ok<Factory>(await call('factories.create', { name: '仙桃无纺布', contacts: [WANG] }))
    const search = async (text: string) =>
      ok<{ results: { id: string }[] }>(await call('search.query', { text })).results.map((r) => r.id)
    expect(await search('13712345678')).toContain(factory.id)
    expect(await search('wq-jj')).toContain(factory.id)
    ok(
      await call('factories.update', {
        id: factory.id,
        values: { ...valuesOf(factory), contacts: [LI] },
        removedContactIds: [factory.contacts[0]!.id],
      }),
    )
    expect(await search('13712345678')).not.toContain(factory.id)
    expect(await search('lina88')).toContain(factory.id)
  })
})
