import { join } from 'node:path'
import Database from 'better-sqlite3'
import { Kysely } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTempCore } from '../../../test/integration/support/temp-core'
import { syncNow } from '../sync/sync.service'
import {
  createSyncDevice,
  factoriesOf,
  FACTORY_DEFAULTS,
  startSyncFleet,
  syncDepsOf,
  syncStatusOf,
  type SyncDevice,
  type SyncFleet,
} from '../../../test/sync-harness/sync-device'
import { ok } from '../../../test/integration/support/api-result'
import type { Factory, FactoryContact } from './factories.contract'
import { legacyContactRows } from './factory-contacts.legacy'
import { migrations } from '../db/migrations'
import { sqliteDialect } from '../db/sqlite-dialect'

/** Contacts edited on several laptops offline, synced through a real HQ on 127.0.0.1. */

const WANG = { name: '王强', role: '厂长', phone: '13712345678', wechat: '' }
const LI = { name: '李娜', role: '销售', phone: '', wechat: 'lina88' }
const ZHAO = { name: '赵六', role: '技术', phone: '', wechat: '' }

function contactsOf(device: SyncDevice): Record<string, unknown>[] {
  return device.core.database.sqlite.prepare('SELECT * FROM factory_contacts ORDER BY id').all() as Record<
    string,
    unknown
  >[]
}

/**
 * Conflicts as the Sync screen counts them: two laptops whose clocks are re-stamped (these tests' wall
 * clocks are not HQ's) may record their same migrated rows under different bookkeeping times, never values.
 */
function conflictsOn(device: SyncDevice, table: string): unknown[] {
  return device.core.database.sqlite
    .prepare(
      `SELECT column_name FROM sync_conflicts WHERE table_name = ? AND column_name NOT IN ('created_at', 'updated_at')`,
    )
    .pluck()
    .all(table)
}

async function factoryOn(device: SyncDevice, id: string): Promise<Factory> {
  return ok<Factory>(await device.core.dispatch('factories.get', { id }))
}

const valuesOf = ({ id: _i, createdAt: _c, updatedAt: _u, ...values }: Factory) => values

/** Saves the factory as its form would, with these contacts (and removals). */
async function saveContacts(
  device: SyncDevice,
  factory: Factory,
  contacts: (Partial<FactoryContact> & { name: string })[],
  removedContactIds: string[] = [],
): Promise<Factory> {
  return ok<Factory>(
    await device.core.dispatch('factories.update', {
      id: factory.id,
      values: { ...valuesOf(factory), contacts },
      removedContactIds,
    }),
  )
}

describe('contacts sync one by one', () => {
  let fleet: SyncFleet
  let li: SyncDevice
  let wang: SyncDevice
  let t = Date.now()
  const tick = (device: SyncDevice) => device.setWall((t += 1000))

  beforeEach(async () => {
    t = Date.now()
    fleet = await startSyncFleet(['李工的笔记本', '王工的笔记本'], t)
    ;[li, wang] = fleet.laptops as [SyncDevice, SyncDevice]
  })
  afterEach(() => fleet?.dispose())

  /** A factory with the given contacts, made on 李's laptop and synced to both. */
  async function sharedFactory(contacts: (typeof WANG)[]): Promise<Factory> {
    tick(li)
    const factory = ok<Factory>(
      await li.core.dispatch('factories.create', { name: '晋江恒安纸业', contacts }),
    )
    expect((await li.sync()).outcome).toBe('ok')
    expect((await wang.sync()).outcome).toBe('ok')
    expect((await factoryOn(wang, factory.id)).contacts).toEqual(factory.contacts)
    return factory
  }

  async function syncAll(): Promise<void> {
    for (const device of [li, wang, li]) expect((await device.sync()).outcome).toBe('ok')
  }

  /** A laptop enrolled now, which has only what HQ holds. */
  async function freshLaptop(): Promise<SyncDevice> {
    const fresh = await createSyncDevice(fleet.hq, '新笔记本', (t += 1000))
    fleet.laptops.push(fresh)
    expect((await fresh.sync()).outcome).toBe('ok')
    return fresh
  }

  it('keeps the contacts two buyers added offline, on both laptops and at HQ', async () => {
    const factory = await sharedFactory([WANG])
    tick(li)
    await saveContacts(li, await factoryOn(li, factory.id), [...factory.contacts, LI])
    tick(wang)
    await saveContacts(wang, await factoryOn(wang, factory.id), [...factory.contacts, ZHAO])
    await syncAll()

    for (const device of [li, wang]) {
      const names = (await factoryOn(device, factory.id)).contacts.map((c) => c.name).sort()
      expect(names).toEqual(['李娜', '王强', '赵六'].sort())
    }
    expect(contactsOf(li)).toEqual(contactsOf(wang))
    const fresh = await freshLaptop()
    expect(contactsOf(fresh)).toEqual(contactsOf(li))
    expect(conflictsOn(li, 'factory_contacts')).toEqual([])
    expect(conflictsOn(wang, 'factory_contacts')).toEqual([])
    const summary = ok<{ items: { id: string; contactCount: number }[] }>(
      await wang.core.dispatch('factories.list', {}),
    )
    expect(summary.items.find((f) => f.id === factory.id)?.contactCount).toBe(3)
  })

  it('keeps both buyers’ edits of different fields of one contact', async () => {
    const factory = await sharedFactory([WANG])
    const contact = factory.contacts[0]!
    tick(li)
    await saveContacts(li, factory, [{ ...contact, phone: '13800138000' }])
    tick(wang)
    await saveContacts(wang, factory, [{ ...contact, role: '总经理' }])
    await syncAll()

    for (const device of [li, wang]) {
      expect((await factoryOn(device, factory.id)).contacts).toEqual([
        { ...contact, phone: '13800138000', role: '总经理' },
      ])
    }
    expect(contactsOf(li)).toEqual(contactsOf(wang))
    // Only updated_at was written by both (not listed to the buyer); neither edit replaced the other.
    expect(conflictsOn(li, 'factory_contacts')).toEqual([])
  })

  it('lists two buyers’ edits of the same contact field as a conflict named by the contact and factory', async () => {
    const factory = await sharedFactory([WANG])
    const contact = factory.contacts[0]!
    tick(li)
    await saveContacts(li, factory, [{ ...contact, phone: '13800138000' }])
    tick(wang)
    await saveContacts(wang, factory, [{ ...contact, phone: '13900139000' }])
    await syncAll()
    const listed = ok<{
      items: { kind: string; title: string; field: string; winner: unknown; loser: unknown }[]
    }>(await li.core.dispatch('sync.conflicts', { offset: 0, limit: 10 }))
    expect(listed.items).toEqual([
      expect.objectContaining({
        kind: 'factory_contacts',
        title: '王强 · 晋江恒安纸业',
        field: 'phone',
        winner: expect.objectContaining({
          value: '13900139000',
          raw: '"13900139000"',
          device: '王工的笔记本',
        }),
        loser: expect.objectContaining({ value: '13800138000', raw: '"13800138000"', mine: true }),
      }),
    ])
  })

  it('removes the contact one buyer deleted and keeps the other buyer’s edit of another', async () => {
    const factory = await sharedFactory([WANG, LI])
    const [wangContact, liContact] = factory.contacts as [FactoryContact, FactoryContact]
    tick(li)
    await saveContacts(li, factory, [wangContact], [liContact.id])
    tick(wang)
    await saveContacts(wang, factory, [{ ...wangContact, wechat: 'wq-jj' }, liContact])
    await syncAll()

    for (const device of [li, wang]) {
      expect((await factoryOn(device, factory.id)).contacts).toEqual([{ ...wangContact, wechat: 'wq-jj' }])
    }
    expect(contactsOf(li)).toEqual(contactsOf(wang))
    expect(contactsOf(li).find((c) => c.id === liContact.id)?.deleted_at).toEqual(expect.any(String))
    const fresh = await freshLaptop()
    expect((await factoryOn(fresh, factory.id)).contacts).toEqual([{ ...wangContact, wechat: 'wq-jj' }])
  })

  it('turns a contact list from a laptop not yet upgraded into the same rows on every laptop', async () => {
    // The old version wrote contacts as one JSON field of the factory; this laptop sends exactly that.
    const old = await createSyncDevice(fleet.hq, '旧版本笔记本', (t += 1000))
    fleet.laptops.push(old)
    const list = JSON.stringify([WANG, LI])
    const id = await old.createFactory({ ...FACTORY_DEFAULTS, name: '佛山日化', contacts: list })
    expect((await old.sync()).outcome).toBe('ok')
    await syncAll()

    const expected = legacyContactRows(id, list).map((r) => r.id)
    for (const device of [li, wang]) {
      expect((await factoryOn(device, id)).contacts).toEqual([
        { id: expected[0], ...WANG },
        { id: expected[1], ...LI },
      ])
    }
    // Both laptops converted the list and sent the rows: the same rows, nothing doubled, no conflict.
    expect(contactsOf(li)).toEqual(contactsOf(wang))
    expect(conflictsOn(li, 'factory_contacts')).toEqual([])

    // 王 edits 王强 as a row; the old laptop then adds 赵六 to its list and drops 李娜.
    tick(wang)
    const onWang = await factoryOn(wang, id)
    await saveContacts(wang, onWang, [{ ...onWang.contacts[0]!, phone: '13800138000' }, onWang.contacts[1]!])
    await syncAll()
    old.setWall((t += 1000))
    await old.edit(id, { contacts: JSON.stringify([WANG, ZHAO]) })
    expect((await old.sync()).outcome).toBe('ok')
    await syncAll()

    for (const device of [li, wang]) {
      const contacts = (await factoryOn(device, id)).contacts
      // 赵六 arrives; 王's later edit of 王强 stands; a removal in an old list is not applied.
      expect(contacts.map((c) => c.name)).toEqual(['王强', '李娜', '赵六'])
      expect(contacts[0]!.phone).toBe('13800138000')
    }
    expect(contactsOf(li)).toEqual(contactsOf(wang))
    expect(factoriesOf(li)[id]).toEqual(factoriesOf(wang)[id])
    const fresh = await freshLaptop()
    expect(contactsOf(fresh)).toEqual(contactsOf(li))
  })

  it('makes the same rows on laptops that migrate separately after HQ holds the old list', async () => {
    const old = await createSyncDevice(fleet.hq, '旧版本笔记本', (t += 1000))
    fleet.laptops.push(old)
    const list = JSON.stringify([WANG, LI, WANG])
    const id = await old.createFactory({ ...FACTORY_DEFAULTS, name: '中山洁美日化', contacts: list })
    expect((await old.sync()).outcome).toBe('ok')
    // Both laptops pulled the list while on the old version: put them back there, then upgrade each.
    const upgraded: SyncDevice[] = []
    for (const device of [li, wang]) {
      expect((await device.sync()).outcome).toBe('ok')
      const dataDir = device.core.dataDir
      await device.core.close()
      const sqlite = new Database(join(dataDir, 'workbench.sqlite'))
      sqlite.exec(`DELETE FROM change_log WHERE table_name = 'factory_contacts'; DROP TABLE factory_contacts`)
      // The upgrade itself: 0011 runs again on the old state (later migrations stay as they were).
      const db = new Kysely<unknown>({ dialect: sqliteDialect(sqlite) })
      await migrations['0011_factory_contacts']!.up(db)
      await db.destroy()
      upgraded.push(await reopen(device, (t += 60_000)))
    }
    const [liNew, wangNew] = upgraded as [SyncDevice, SyncDevice]
    const expected = legacyContactRows(id, list)
    for (const device of upgraded) {
      expect(contactsOf(device).map((c) => c.id)).toEqual(expected.map((r) => r.id).sort())
      await expect(syncStatusOf(device)).resolves.toMatchObject({ unsentRecords: 3 })
    }
    for (const device of [liNew, wangNew, liNew]) expect((await device.sync()).outcome).toBe('ok')
    expect(contactsOf(liNew)).toEqual(contactsOf(wangNew))
    expect((await factoryOn(wangNew, id)).contacts.map((c) => c.name)).toEqual(['王强', '李娜', '王强'])
    expect(conflictsOn(liNew, 'factory_contacts')).toEqual([])
    expect(conflictsOn(wangNew, 'factory_contacts')).toEqual([])
    const fresh = await freshLaptop()
    expect(contactsOf(fresh)).toEqual(contactsOf(liNew))
  })

  it('keeps a contact added to a demo factory on this laptop, like the demo factory itself', async () => {
    const demo = await createSyncDevice(fleet.hq, '试用的笔记本', (t += 1000), { demo: true })
    fleet.laptops.push(demo)
    expect((await syncStatusOf(demo)).unsentRecords).toBe(0)
    const demoFactory = await factoryOn(demo, Object.keys(factoriesOf(demo))[0]!)
    tick(demo)
    await saveContacts(demo, demoFactory, [...demoFactory.contacts, ZHAO])
    expect((await syncStatusOf(demo)).unsentRecords).toBe(0)
    const report = await demo.sync()
    expect(report).toMatchObject({ outcome: 'ok', pushed: 0 })
    expect(
      (await freshLaptop()).core.database.sqlite
        .prepare('SELECT count(*) FROM factory_contacts')
        .pluck()
        .get(),
    ).toBe(0)
    // Clearing the demo data removes its contacts, the one added here included.
    ok(await demo.core.dispatch('demo.clear', {}))
    expect(contactsOf(demo)).toEqual([])
  })

  /** The same laptop started again on its data directory (as after installing the new version). */
  async function reopen(device: SyncDevice, wall: number): Promise<SyncDevice> {
    const core = await createTempCore({ dataDir: device.core.dataDir, wallClock: () => wall })
    const again: SyncDevice = {
      ...device,
      core,
      sync: () => syncNow({ ...syncDepsOf(core), pageSize: 200 }),
      dispose: () => core.dispose(),
    }
    fleet.laptops[fleet.laptops.indexOf(device)] = again
    return again
  }
})
