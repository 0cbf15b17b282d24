import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ok } from '../test/integration/support/api-result'
import { createSyncDevice, mintCode, type SyncDevice } from '../test/sync-harness/sync-device'
import { formatHlc, makeHlc } from '../src-main/core/sync/hlc'
import { readSetting, writeSetting } from '../src-main/core/sync/sync.settings'
import { SYNC_SCHEMA_VERSION } from '../src-main/core/sync/synced-tables'
import type { Hq } from './hq'
import type { WireMessage } from './hq.contract'
import { countMessages } from './messages.repository'
import { createHqStore, hqBackends, hqCall, startStoreHq, type HqStore } from './testing/test-hq'

/**
 * HQ checks every pushed message with the laptop's own column schemas: a crafted push of bad values is
 * refused field by field, with the reason, a save with one bad field is refused whole, nothing of it
 * is stored, and every laptop's lists still open. A newer laptop's table or column is refused with
 * 'unknown_schema', which the laptop keeps and sends again once HQ's schema version rises.
 */

const NODE = '0000000000000c0d'
const ROW = '01937a9e-2f4b-7c3d-8e5f-6a7b8c9d0e1f'
const OTHER_ROW = '01937a9e-2f4b-7c3d-8e5f-6a7b8c9d0e2a'

describe.each(hqBackends())('HQ on %s checks what it stores', (backend) => {
  let store: HqStore
  let hq: Hq
  let laptop: SyncDevice

  beforeAll(async () => {
    store = await createHqStore(backend)
    hq = await startStoreHq(store)
    laptop = await createSyncDevice(hq, '李娜的笔记本')
  })
  afterAll(async () => {
    await laptop?.dispose()
    await hq?.close()
    await store?.dispose()
  })

  let rogueToken: string | undefined
  async function rogue(): Promise<string> {
    if (rogueToken) return rogueToken
    const reply = await hqCall(hq.url, 'enrol', {
      code: await mintCode(hq),
      deviceName: 'rogue',
      nodeId: NODE,
    })
    rogueToken = (reply.body.value as { token: string }).token
    return rogueToken
  }

  let counter = 0
  const message = (overrides: Partial<WireMessage>): WireMessage => ({
    hlc: formatHlc(makeHlc(Date.now() - 1000, counter++, NODE)),
    table: 'factories',
    row: ROW,
    column: 'name',
    value: JSON.stringify('晋江恒安纸业'),
    device: 'rogue-device',
    ...overrides,
  })

  it('refuses each bad value with its field and reason, stores none, and laptops still read', async () => {
    const token = await rogue()
    const before = await countMessages(hq.database.db)
    const bad = [
      message({ column: 'status', value: '"hacked"' }),
      message({ column: 'contacts', value: JSON.stringify('not json') }),
      message({ column: 'capacity', value: JSON.stringify('吨'.repeat(60_000)) }),
      message({ row: '../../not-a-uuid' }),
      message({ table: 'no_such_table' }),
      message({ column: 'evil_column', value: '"x"' }),
    ]
    const reply = await hqCall(hq.url, 'push', { messages: bad }, token)
    expect(reply.status).toBe(200)
    const value = reply.body.value as {
      accepted: number
      rejected: { index: number; code: string; message: string }[]
      schemaVersion: number
    }
    expect(value.accepted).toBe(0)
    expect(value.schemaVersion).toBe(SYNC_SCHEMA_VERSION)
    expect(value.rejected.map((r) => [r.index, r.code])).toEqual([
      [0, 'invalid_value'],
      [1, 'invalid_value'],
      [2, 'invalid_value'],
      [3, 'invalid_value'],
      [4, 'unknown_schema'],
      [5, 'unknown_schema'],
    ])
    expect(value.rejected[0]!.message).toMatch(/^factories\.status: .*prospect/)
    expect(value.rejected[1]!.message).toBe('factories.contacts: errors.sync.notJson')
    expect(value.rejected[2]!.message).toBe('factories.capacity: errors.tooLong')
    expect(value.rejected[3]!.message).toMatch(/^factories\.id: row id/)
    expect(value.rejected[5]!.message).toContain('evil_column')
    expect(await countMessages(hq.database.db)).toBe(before)

    // A laptop that pulls afterwards reads its lists as before.
    expect((await laptop.sync()).outcome).toBe('ok')
    for (const call of ['factories.list', 'factories.stats'] as const) {
      expect((await laptop.core.dispatch(call, {})).ok).toBe(true)
    }
  })

  it('refuses a save with one bad field whole; another save in the same push goes in', async () => {
    const token = await rogue()
    const before = await countMessages(hq.database.db)
    const hlc = formatHlc(makeHlc(Date.now() - 500, 0, NODE))
    const halfBad = [
      message({ hlc, column: 'name', value: '"幽灵工厂"' }),
      message({ hlc, column: 'status', value: '"hacked"' }),
      message({ hlc, column: 'notes', value: '""' }),
    ]
    const good = message({ row: OTHER_ROW, column: 'name', value: '"泉州纸业"' })
    const reply = await hqCall(hq.url, 'push', { messages: [...halfBad, good] }, token)
    const value = reply.body.value as { accepted: number; rejected: { index: number; message: string }[] }
    expect(value.accepted).toBe(1)
    expect(value.rejected.map((r) => r.index)).toEqual([0, 1, 2])
    expect(value.rejected[0]!.message).toMatch(
      /^another field of the same save was refused \(factories\.status/,
    )
    expect(await countMessages(hq.database.db)).toBe(before + 1)
  })

  it('keeps a newer laptop’s unknown column refused until HQ’s schema version rises, then sends it again', async () => {
    const { sqlite } = laptop.core.database
    const id = await laptop.createFactory({ name: '厦门新版本工厂' })
    // As a newer version would have written it: a column this HQ does not know.
    sqlite
      .prepare(
        `INSERT INTO change_log (hlc, table_name, row_id, column_name, value, device_id)
         VALUES (?, 'factories', ?, 'wechat_group', '"恒安采购群"', ?)`,
      )
      .run(laptop.core.context.write.clock.tick(), id, laptop.deviceId)
    const rejected = () =>
      sqlite.prepare("SELECT count(*) AS n FROM sync_rejections WHERE code = 'unknown_schema'").get() as {
        n: number
      }
    expect((await laptop.sync()).outcome).toBe('ok')
    expect(rejected().n).toBe(1)
    // Kept, and not sent again while HQ's version stays.
    const pushed = (await laptop.sync()).pushed
    expect(pushed).toBe(0)
    expect(rejected().n).toBe(1)
    const got = await laptop.core.dispatch('factories.get', { id })
    expect(got.ok).toBe(true)

    // HQ answers with a version above the one this laptop last saw (as after HQ's upgrade): the change
    // is unsent again and pushed once more (this HQ still does not know it, so it is refused again).
    const db = laptop.core.context.db
    expect(await readSetting(db, 'sync_hq_schema_version')).toBe(String(SYNC_SCHEMA_VERSION))
    await writeSetting(db, 'sync_hq_schema_version', String(SYNC_SCHEMA_VERSION - 1))
    const report = await laptop.sync()
    expect(report.outcome).toBe('ok')
    expect(report.rejected).toBe(1)
    expect(rejected().n).toBe(1)
  })

  it('sends a value HQ’s version refused again once that version rises (an option added since)', async () => {
    const { sqlite } = laptop.core.database
    const id = await laptop.createFactory({ name: '厦门新选项工厂' })
    // As a newer version would have written it: a status this version does not offer.
    sqlite
      .prepare(
        `INSERT INTO change_log (hlc, table_name, row_id, column_name, value, device_id)
         VALUES (?, 'factories', ?, 'status', '"on_trial"', ?)`,
      )
      .run(laptop.core.context.write.clock.tick(), id, laptop.deviceId)
    const refusedSeqs = () =>
      sqlite.prepare("SELECT seq FROM sync_rejections WHERE code = 'invalid_value'").pluck().all()
    expect((await laptop.sync()).outcome).toBe('ok')
    const first = refusedSeqs()
    expect(first).toHaveLength(1)
    expect((await laptop.sync()).pushed).toBe(0)
    const db = laptop.core.context.db
    const waiting = sqlite.prepare('SELECT count(*) FROM sync_rejections').pluck().get()
    await writeSetting(db, 'sync_hq_schema_version', String(SYNC_SCHEMA_VERSION - 1))
    const report = await laptop.sync()
    expect(report.outcome).toBe('ok')
    // Sent once more with every other refusal that waited; this HQ still refuses it, the factory keeps its status.
    expect(report.rejected).toBe(waiting)
    expect(refusedSeqs()).toEqual(first)
    expect(ok<{ status: string }>(await laptop.core.dispatch('factories.get', { id })).status).not.toBe(
      'on_trial',
    )
  })
})
