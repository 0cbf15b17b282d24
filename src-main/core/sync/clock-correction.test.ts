import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Hq } from '../../../src-hq/hq'
import { readMessages } from '../../../src-hq/messages.repository'
import { createHqStore, hqBackends, startStoreHq, type HqStore } from '../../../src-hq/testing/test-hq'
import { ok } from '../../../test/integration/support/api-result'
import { createTempCore, type TempCore } from '../../../test/integration/support/temp-core'
import {
  createSyncDevice,
  factoriesOf,
  syncDepsOf,
  syncStatusOf,
  type SyncDevice,
} from '../../../test/sync-harness/sync-device'
import { factoriesTable } from '../factories/factories.columns'
import { inTransaction, updateRow } from '../write/write-path'
import { applyPage } from './apply'
import type { HqClient } from './hq-client'
import { parseHlc } from './hlc'
import type { SyncConflict } from './sync.contract'
import { syncNow } from './sync.service'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** The time of each change this laptop recorded, by change-log seq. */
function stampsOf(
  core: TempCore,
): { seq: number; millis: number; column: string; value: string; sent: boolean }[] {
  const rows = core.database.sqlite
    .prepare('SELECT seq, hlc, column_name, value, sent_at FROM change_log ORDER BY seq')
    .all() as { seq: number; hlc: string; column_name: string; value: string; sent_at: string | null }[]
  return rows.map((r) => ({
    seq: r.seq,
    millis: parseHlc(r.hlc).millis,
    column: r.column_name,
    value: r.value,
    sent: r.sent_at !== null,
  }))
}

/** HQ's factories as last-writer-wins over its log: what every laptop must end with. */
async function hqFactories(hq: Hq): Promise<Record<string, Record<string, unknown>>> {
  const { messages } = await readMessages(hq.database.db, 0, 100_000)
  const newest = new Map<string, { hlc: string; value: string }>()
  for (const m of messages) {
    if (m.table_name !== 'factories') continue
    const key = `${m.row_id}\u0000${m.column_name}`
    const current = newest.get(key)
    if (!current || m.hlc > current.hlc) newest.set(key, { hlc: m.hlc, value: m.value })
  }
  const rows: Record<string, Record<string, unknown>> = {}
  for (const [key, { value }] of newest) {
    const [row, column] = key.split('\u0000') as [string, string]
    ;(rows[row] ??= { id: row })[column] = JSON.parse(value) as unknown
  }
  return rows
}

function expectSameAsHq(laptop: SyncDevice, hq: Record<string, Record<string, unknown>>): void {
  const mine = factoriesOf(laptop)
  expect(Object.keys(mine).sort()).toEqual(Object.keys(hq).sort())
  for (const [id, row] of Object.entries(hq)) expect(mine[id]).toMatchObject(row)
}

describe.each(hqBackends())(
  'a laptop a day slow and one 8 h fast sync like any other (real HQ on %s)',
  (backend) => {
    let store: HqStore
    let hq: Hq
    // HQ's time is the real time of this story; each laptop's wall clock is it plus its skew.
    const t0 = Date.UTC(2026, 5, 1, 2, 0, 0)
    let real = t0
    const skews = new Map<SyncDevice, number>()
    let normal: SyncDevice
    let slow: SyncDevice
    let fast: SyncDevice
    let factory: string

    const advance = (ms: number) => {
      real += ms
      for (const [device, skew] of skews) device.setWall(real + skew)
    }
    const laptop = async (name: string, skew: number) => {
      const device = await createSyncDevice(hq, name, real + skew)
      skews.set(device, skew)
      return device
    }
    const syncAll = async (order: SyncDevice[]) => {
      for (const device of order) expect((await device.sync()).outcome).toBe('ok')
    }

    beforeAll(async () => {
      store = await createHqStore(backend)
      hq = await startStoreHq(store, { now: () => new Date(real) })
      normal = await laptop('王强的笔记本', 0)
      slow = await laptop('李娜的笔记本（慢一天）', -DAY)
      fast = await laptop('张伟的笔记本（快 8 小时）', 8 * HOUR)
    })
    afterAll(async () => {
      for (const device of skews.keys()) await device.dispose()
      await hq?.close()
      await store?.dispose()
    })

    it('re-stamps what a wrong clock stamped before the first sync, and both push and pull', async () => {
      factory = await normal.createFactory({ name: '晋江恒安纸业', notes: '初访' })
      await syncAll([normal])
      advance(MINUTE)
      // Saved before any sync: stamped by wrong clocks, a day behind and 8 h ahead.
      const slowOwn = await slow.createFactory({ name: '慢笔记本的工厂' })
      const fastOwn = await fast.createFactory({ name: '快笔记本的工厂' })
      expect(stampsOf(slow.core).every((s) => Math.abs(s.millis - (real - DAY)) < 1000)).toBe(true)
      expect(stampsOf(fast.core).every((s) => Math.abs(s.millis - (real + 8 * HOUR)) < 1000)).toBe(true)
      const savedAt = real

      advance(MINUTE)
      await syncAll([slow, fast])
      for (const [device, offset] of [
        [slow, DAY],
        [fast, -8 * HOUR],
      ] as const) {
        const status = await syncStatusOf(device)
        expect(Math.abs(status.clock!.offsetMs - offset)).toBeLessThan(1000)
        expect(status.clock!.measuredAt).toBe(new Date(real).toISOString())
        expect(status.unsent).toBe(0)
        // The save's stamps moved to when it was really made, all on one shared stamp, and its
        // bookkeeping times with them.
        const stamps = stampsOf(device.core).filter((s) => !s.sent || s.millis <= real)
        const own = stamps.filter((s) => s.seq <= 17)
        expect(new Set(own.map((s) => s.millis)).size).toBe(1)
        expect(Math.abs(own[0]!.millis - savedAt)).toBeLessThan(1000)
        const created = JSON.parse(own.find((s) => s.column === 'created_at')!.value) as string
        expect(Math.abs(Date.parse(created) - savedAt)).toBeLessThan(1000)
      }
      expect(factoriesOf(slow)[factory]).toMatchObject({ name: '晋江恒安纸业' })
      expect(factoriesOf(fast)[factory]).toMatchObject({ name: '晋江恒安纸业' })
      // HQ holds no stamp from a wrong clock.
      const { messages } = await readMessages(hq.database.db, 0, 10_000)
      for (const m of messages) expect(parseHlc(m.hlc).millis).toBeLessThanOrEqual(real)
      await syncAll([normal])
      expect(Object.keys(factoriesOf(normal)).sort()).toEqual([factory, slowOwn, fastOwn].sort())
    })

    it('keeps saving with corrected time, and edits order by real time everywhere', async () => {
      advance(MINUTE)
      await fast.edit(factory, { notes: '快：最早' })
      await slow.edit(factory, { capacity: '慢：较早' })
      advance(MINUTE)
      await normal.edit(factory, { notes: '王：其次' })
      advance(MINUTE)
      // The latest edit of notes is the slow laptop's, of capacity the fast one's: by real time they win,
      // though by their own clocks the slow one is a day behind and the fast one 8 h ahead.
      await slow.edit(factory, { notes: '慢：最后' })
      await fast.edit(factory, { capacity: '快：最后' })
      const lastEdit = real
      for (const device of [slow, fast]) {
        const newest = stampsOf(device.core).at(-1)!
        expect(Math.abs(newest.millis - lastEdit)).toBeLessThan(1000)
        expect(
          Math.abs(Date.parse(factoriesOf(device)[factory]!.updated_at as string) - lastEdit),
        ).toBeLessThan(1000)
      }
      advance(MINUTE)
      await syncAll([normal, fast, slow, normal, fast])
      const atHq = await hqFactories(hq)
      expect(atHq[factory]).toMatchObject({ notes: '慢：最后', capacity: '快：最后' })
      for (const device of [normal, slow, fast]) expectSameAsHq(device, atHq)

      // The conflicts list shows when each edit was really made.
      const listed = ok<{ items: SyncConflict[] }>(await normal.core.dispatch('sync.conflicts', {}))
      const notes = listed.items.find((c) => c.field === 'notes' && c.winner.value === '慢：最后')!
      expect(Math.abs(Date.parse(notes.winner.at) - lastEdit)).toBeLessThan(1000)
      for (const c of listed.items) {
        for (const side of [c.winner, c.loser]) {
          expect(Date.parse(side.at)).toBeGreaterThanOrEqual(t0 - 1000)
          expect(Date.parse(side.at)).toBeLessThanOrEqual(real)
        }
      }
    })

    it('a fast laptop restarted with its clock put right stamps in real time at once', async () => {
      const dataDir = fast.core.dataDir
      await fast.core.close()
      advance(MINUTE)
      let wall = real
      const reopened = await createTempCore({ dataDir, wallClock: () => wall })
      // The stored "8 h fast" no longer fits the wall clock: stamps already held lie 8 h ahead of it.
      const status = ok<{ clock: { offsetMs: number } }>(await reopened.dispatch('sync.status', {}))
      expect(status.clock.offsetMs).toBe(0)
      await inTransaction(reopened.context.db, (trx) =>
        updateRow(trx, reopened.context.write, factoriesTable, factory, { notes: '张：校正后' }),
      )
      const newest = stampsOf(reopened).at(-1)!
      expect(Math.abs(newest.millis - real)).toBeLessThan(1000)
      advance(MINUTE)
      wall = real
      expect((await syncNow(syncDepsOf(reopened))).outcome).toBe('ok')
      await syncAll([slow, normal])
      const atHq = await hqFactories(hq)
      expect(atHq[factory]).toMatchObject({ notes: '张：校正后' })
      for (const device of [normal, slow]) expectSameAsHq(device, atHq)
      const rows = reopened.database.sqlite.prepare('SELECT * FROM factories').all() as { id: string }[]
      expect(Object.fromEntries(rows.map((r) => [r.id, r]))).toMatchObject(atHq)
      skews.delete(fast)
      await reopened.dispose()
    })
  },
)

describe('an HQ of an older version, whose replies carry no time', () => {
  let store: HqStore
  let hq: Hq

  beforeAll(async () => {
    store = await createHqStore('sqlite')
    hq = await startStoreHq(store)
  })
  afterAll(async () => {
    await hq?.close()
    await store?.dispose()
  })

  it('still syncs, and the laptop keeps the correction it last measured', async () => {
    const slow = await laptopOn(hq, Date.now() - DAY)
    const other = await laptopOn(hq, Date.now())
    try {
      expect((await slow.sync()).outcome).toBe('ok')
      const measured = (await syncStatusOf(slow)).clock!
      expect(Math.abs(measured.offsetMs - DAY)).toBeLessThan(5000)
      const id = await slow.createFactory({ name: '义乌双童日用品' })
      const real = await slow.httpClient()
      const older: HqClient = {
        ...real,
        push: async (input) => withoutTime(await real.push(input)),
        pull: async (input) => withoutTime(await real.pull(input)),
      }
      expect((await slow.sync(older)).outcome).toBe('ok')
      expect((await syncStatusOf(slow)).clock).toEqual(measured)
      // Stamped with the correction kept: the other laptop takes it as made now, not a day ago.
      expect((await other.sync()).outcome).toBe('ok')
      expect(factoriesOf(other)[id]).toMatchObject({ name: '义乌双童日用品' })
      const created = Date.parse(factoriesOf(other)[id]!.created_at as string)
      expect(Math.abs(created - Date.now())).toBeLessThan(60_000)
    } finally {
      await slow.dispose()
      await other.dispose()
    }
  })
})

describe('the demo data on a laptop 8 h fast', () => {
  let store: HqStore
  let hq: Hq

  beforeAll(async () => {
    store = await createHqStore('sqlite')
    hq = await startStoreHq(store)
  })
  afterAll(async () => {
    await hq?.close()
    await store?.dispose()
  })

  it('is re-stamped with the rest and still stays on the laptop', async () => {
    const demo = await createSyncDevice(hq, '试用的笔记本', Date.now() + 8 * HOUR, { demo: true })
    try {
      const before = await syncStatusOf(demo)
      expect(before.localOnlyRecords).toBeGreaterThan(40)
      const own = await demo.createFactory({ name: '晋江恒安纸业' })
      expect((await demo.sync()).outcome).toBe('ok')
      const after = await syncStatusOf(demo)
      expect(after).toMatchObject({ localOnlyRecords: before.localOnlyRecords, unsentRecords: 0 })
      // Nothing of the demo went up; the laptop's own factory did, stamped in real time.
      const { messages } = await readMessages(hq.database.db, 0, 10_000)
      expect(new Set(messages.map((m) => m.row_id))).toEqual(new Set([own]))
      for (const m of messages) expect(Math.abs(parseHlc(m.hlc).millis - Date.now())).toBeLessThan(MINUTE)
      // The demo's own stamps came down too, so the clock no longer runs 8 h ahead.
      for (const s of stampsOf(demo.core)) expect(s.millis).toBeLessThanOrEqual(Date.now())
      expect(Math.abs(demo.core.context.write.clock.peek().millis - Date.now())).toBeLessThan(MINUTE)
    } finally {
      await demo.dispose()
    }
  })
})

function withoutTime<T extends { time?: string }>(reply: T): T {
  const { time: _time, ...rest } = reply
  return rest as T
}

let laptops = 0
function laptopOn(hq: Hq, wall: number): Promise<SyncDevice> {
  return createSyncDevice(hq, `笔记本 ${++laptops}`, wall)
}

describe('re-stamping keeps the rows equal to last-writer-wins over the change log', () => {
  let store: HqStore
  let hq: Hq
  const t0 = Date.UTC(2026, 5, 2, 2, 0, 0)
  let real = t0

  beforeAll(async () => {
    store = await createHqStore('sqlite')
    hq = await startStoreHq(store, { now: () => new Date(real) })
  })
  afterAll(async () => {
    await hq?.close()
    await store?.dispose()
  })

  it('writes a re-stamped edit back into the row when it now out-dates one pulled before it was sent', async () => {
    const normal = await createSyncDevice(hq, '王强的笔记本', real)
    const slow = await createSyncDevice(hq, '李娜的笔记本', real - DAY)
    try {
      const id = await normal.createFactory({ name: '义乌双童日用品', notes: '初访' })
      expect((await normal.sync()).outcome).toBe('ok')
      expect((await slow.sync()).outcome).toBe('ok')
      // The slow laptop's clock gets set back a further day after its offset was measured.
      real += MINUTE
      normal.setWall(real)
      await normal.edit(id, { notes: '王：十点' })
      expect((await normal.sync()).outcome).toBe('ok')
      real += MINUTE
      slow.setWall(real - 2 * DAY)
      await slow.edit(id, { notes: '李：十点零一分' })
      // Before its edit is sent, the slow laptop takes in the other one's older (by real time) edit,
      // which by the stale stamps looks a day newer and wins the row.
      const client = await slow.httpClient()
      const page = await client.pull({ after: 0, limit: 1000 })
      await applyPage(syncDepsOf(slow.core), page.messages, page.cursor)
      expect(factoriesOf(slow)[id]).toMatchObject({ notes: '王：十点' })

      real += MINUTE
      slow.setWall(real - 2 * DAY)
      expect((await slow.sync()).outcome).toBe('ok')
      // Re-stamped into real time, the slow laptop's edit is the later one: written back, and sent.
      expect(factoriesOf(slow)[id]).toMatchObject({ notes: '李：十点零一分' })
      expect((await normal.sync()).outcome).toBe('ok')
      const atHq = await hqFactories(hq)
      expect(atHq[id]).toMatchObject({ notes: '李：十点零一分' })
      expectSameAsHq(normal, atHq)
      expectSameAsHq(slow, atHq)
    } finally {
      await normal.dispose()
      await slow.dispose()
    }
  })
})

describe('a change HQ refused for good', () => {
  it('keeps its stamp when the laptop learns its clock was off; the rest moves', async () => {
    const store = await createHqStore('sqlite')
    const real = Date.UTC(2026, 5, 1, 2, 0, 0)
    const hq = await startStoreHq(store, { now: () => new Date(real) })
    const fast = await createSyncDevice(hq, '快 8 小时的笔记本', real + 8 * HOUR)
    try {
      const refused = await fast.createFactory({ name: '被总部拒收的工厂' })
      const { sqlite } = fast.core.database
      const seqs = sqlite
        .prepare('SELECT seq FROM change_log WHERE row_id = ?')
        .pluck()
        .all(refused) as number[]
      const reject = sqlite.prepare(
        "INSERT INTO sync_rejections (seq, code, message, rejected_at) VALUES (?, 'invalid_value', 'x', 'now')",
      )
      for (const seq of seqs) reject.run(seq)
      const before = stampsOf(fast.core).filter((s) => seqs.includes(s.seq))
      const kept = await fast.createFactory({ name: '正常的工厂' })
      expect((await fast.sync()).outcome).toBe('ok')
      const after = stampsOf(fast.core)
      expect(after.filter((s) => seqs.includes(s.seq))).toEqual(before)
      const keptSeqs = sqlite.prepare('SELECT seq FROM change_log WHERE row_id = ?').pluck().all(kept)
      for (const s of after.filter((s) => keptSeqs.includes(s.seq)))
        expect(Math.abs(s.millis - real)).toBeLessThan(1000)
    } finally {
      await fast.dispose()
      await hq.close()
      await store.dispose()
    }
  })
})
