import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Hq } from '../../../src-hq/hq'
import { countMessages } from '../../../src-hq/messages.repository'
import { hqBackupOf } from '../../../src-hq/testing/hq-backup'
import { createHqStore, hqBackends, startStoreHq, type HqStore } from '../../../src-hq/testing/test-hq'
import {
  createSyncDevice,
  factoriesOf,
  mintCode,
  type SyncDevice,
} from '../../../test/sync-harness/sync-device'
import { HqRequestError, type HqClient } from './hq-client'
import { readSetting, SETTING } from './sync.settings'
import { storedColumns } from './synced-tables'

/**
 * The laptop's cursor and sent marks belong to one HQ. An HQ restored from an older copy of its database
 * is healed by the laptops (each re-sends what it lacks and pulls from the start); a laptop enrolled with
 * another HQ sends everything there. Real HQs on SQLite and PostgreSQL, real laptops.
 */

/** A new factory's save: a change per stored column. */
const FACTORY_FIELDS = Object.keys(storedColumns('factories')).length

/** Own changes this laptop recorded (and may send), by stamp's node. */
function ownChanges(device: SyncDevice): number {
  const node = device.core.context.write.clock.node
  const row = device.core.database.sqlite
    .prepare('SELECT count(*) AS n FROM change_log WHERE substr(hlc, -16) = ?')
    .get(node) as { n: number }
  return row.n
}

/** The laptop's client with pulls failing: its pushes land, its cursor stays where it was. */
function pullsFail(client: HqClient): HqClient {
  return {
    ...client,
    pull: async () => {
      throw new HqRequestError('offline', 'test: the Wi-Fi dropped after the push')
    },
  }
}

describe.each(hqBackends())(
  'laptops heal an HQ on %s restored from an older copy, and follow a new HQ',
  (backend) => {
    let store: HqStore
    let hq: Hq
    let port: number
    let li: SyncDevice
    let wang: SyncDevice
    let zhao: SyncDevice
    const others: { dispose(): Promise<void> }[] = []

    beforeAll(async () => {
      store = await createHqStore(backend)
      hq = await startStoreHq(store)
      port = hq.port
      li = await createSyncDevice(hq, '李娜的笔记本')
      wang = await createSyncDevice(hq, '王强的笔记本')
      zhao = await createSyncDevice(hq, '赵敏的笔记本')
    })
    afterAll(async () => {
      for (const device of [li, wang, zhao]) await device?.dispose()
      for (const other of others) await other.dispose()
      await hq?.close()
      await store?.dispose()
    })

    const restart = async () => {
      hq = await startStoreHq(store, { port })
    }

    it('holds everything again once every laptop has synced after the restore, and the laptops agree', async () => {
      const before = await li.createFactory({ name: '晋江恒安纸业', notes: '备份前' })
      for (const device of [li, wang, zhao]) expect((await device.sync()).outcome).toBe('ok')

      // Yesterday's copy: HQ stopped, the database copied, HQ started again.
      await hq.close()
      const backup = hqBackupOf(store)
      await backup.take()
      await restart()

      const fromLi = await li.createFactory({ name: '泉州恒利纸品', notes: '备份后' })
      await li.edit(before, { notes: '备份后改的备注' })
      expect((await li.sync()).outcome).toBe('ok')
      const fromWang = await wang.createFactory({ name: '保定东方纸业' })
      expect((await wang.sync()).outcome).toBe('ok')
      expect((await li.sync()).outcome).toBe('ok')
      // 赵's push lands but its pull never does: its cursor still points before the copy was taken.
      const fromZhao = await zhao.createFactory({ name: '江门维达纸业' })
      const zhaoReport = await zhao.sync(pullsFail(await zhao.httpClient()))
      expect(zhaoReport).toMatchObject({ outcome: 'offline', pushed: FACTORY_FIELDS })
      const full = await countMessages(hq.database.db)

      await hq.close()
      await backup.restore()
      await restart()
      expect(await countMessages(hq.database.db)).toBeLessThan(full)

      const first = await li.sync()
      // 李 re-sends exactly what it sent after the copy: a new factory and an edit (notes, updated_at).
      expect(first).toMatchObject({ outcome: 'ok', resent: FACTORY_FIELDS + 2 })
      expect((await wang.sync()).resent).toBe(FACTORY_FIELDS)
      // 赵's cursor is one the copy holds; what gives it away is that HQ holds fewer of its changes.
      expect((await zhao.sync()).resent).toBe(FACTORY_FIELDS)
      for (const device of [li, wang, zhao]) expect((await device.sync()).outcome).toBe('ok')

      expect(await countMessages(hq.database.db)).toBe(full)
      for (const device of [li, wang, zhao]) {
        expect(Object.keys(factoriesOf(device)).sort()).toEqual([before, fromLi, fromWang, fromZhao].sort())
        expect(factoriesOf(device)).toEqual(factoriesOf(li))
      }
      expect(factoriesOf(wang)[before]).toMatchObject({ notes: '备份后改的备注' })
      // Syncing on moves nothing: healing happened once.
      expect(await li.sync()).toMatchObject({ outcome: 'ok', resent: 0, pushed: 0, pulled: 0 })

      // A laptop enrolled now gets all of it from the healed HQ.
      const sun = await createSyncDevice(hq, '孙丽的笔记本')
      others.push(sun)
      expect((await sun.sync()).outcome).toBe('ok')
      expect(factoriesOf(sun)).toEqual(factoriesOf(li))
    })

    it('takes no late reply to an earlier pull for a page of its healed cursor, so it misses nothing', async () => {
      await hq.close()
      const backup = hqBackupOf(store)
      await backup.take()
      await restart()
      // After the copy 李 adds two factories; 王 syncs up to date and keeps its last pull's reply (empty).
      await li.createFactory({ name: '漳州纸品' })
      await li.createFactory({ name: '莆田纸品' })
      expect((await li.sync()).outcome).toBe('ok')
      expect((await wang.sync()).outcome).toBe('ok')
      const real = await wang.httpClient()
      const replies: Awaited<ReturnType<HqClient['pull']>>[] = []
      const recording: HqClient = {
        ...real,
        pull: async (input) => {
          const reply = await real.pull(input)
          replies.push(reply)
          return reply
        },
      }
      expect((await wang.sync(recording)).outcome).toBe('ok')
      const late = replies.at(-1)!
      expect(late.messages).toEqual([])

      await hq.close()
      await backup.restore()
      await restart()
      // 赵's new factory takes, in the restored log, the sequences 李's had.
      const fromZhao = await zhao.createFactory({ name: '厦门纸业' })
      expect((await zhao.sync()).outcome).toBe('ok')
      expect((await li.sync()).outcome).toBe('ok')
      // 王 heals, and its first pull gets the late reply: no page of cursor 0, so it is left.
      const fresh = await wang.httpClient()
      let served = false
      const stale: HqClient = {
        ...fresh,
        pull: async (input) => {
          if (served) return fresh.pull(input)
          served = true
          return late
        },
      }
      expect((await wang.sync(stale)).outcome).toBe('ok')
      expect((await wang.sync()).outcome).toBe('ok')
      expect(factoriesOf(wang)[fromZhao]).toMatchObject({ name: '厦门纸业' })
      expect(factoriesOf(wang)).toEqual(factoriesOf(li))
    })

    it('syncs as before with an HQ older than HQ ids (no hello, no cursor mark on pull)', async () => {
      const real = await wang.httpClient()
      const marks: (string | undefined)[] = []
      const older: HqClient = {
        ...real,
        hello: async () => {
          throw new HqRequestError('unknown_call', 'no HQ route /api/hello', 404)
        },
        pull: (input) => {
          marks.push(input.mark)
          return real.pull(input)
        },
      }
      await wang.createFactory({ name: '东莞纸品' })
      expect(await wang.sync(older)).toMatchObject({ outcome: 'ok', pushed: FACTORY_FIELDS, resent: 0 })
      expect(marks.length).toBeGreaterThan(0)
      expect(marks.every((m) => m === undefined)).toBe(true)
    })

    it('sends everything to another HQ it enrols with and pulls that HQ from the start', async () => {
      const otherStore = await createHqStore(backend)
      const other = await startStoreHq(otherStore)
      others.push({ dispose: async () => (await other.close(), await otherStore.dispose()) })
      const firstId = await readSetting(li.core.context.db, SETTING.hqId)
      const enrolled = await li.core.dispatch('sync.enrol', {
        hqUrl: other.url,
        code: await mintCode(other),
        deviceName: '李娜的笔记本',
      })
      expect(enrolled.ok).toBe(true)
      const report = await li.sync()
      expect(report).toMatchObject({ outcome: 'ok', resent: ownChanges(li), pushed: ownChanges(li) })
      expect(await countMessages(other.database.db)).toBe(ownChanges(li))
      expect(await readSetting(li.core.context.db, SETTING.hqId)).not.toBe(firstId)

      const newcomer = await createSyncDevice(other, '周杰的笔记本')
      others.push(newcomer)
      expect((await newcomer.sync()).outcome).toBe('ok')
      const mine = Object.keys(factoriesOf(newcomer))
      expect(mine.length).toBe(4)
      for (const id of mine) expect(factoriesOf(newcomer)[id]).toEqual(factoriesOf(li)[id])
      // 王's and 赵's factories stay on the first HQ: a laptop sends only its own changes.
      expect(Object.keys(factoriesOf(li)).length).toBe(7)
    })
  },
)
