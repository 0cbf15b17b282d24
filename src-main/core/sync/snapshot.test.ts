import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hqBackends } from '../../../src-hq/testing/test-hq'
import { compactLog } from '../../../src-hq/snapshot/compaction.repository'
import {
  createSyncDevice,
  factoriesOf,
  startSyncFleet,
  type SyncDevice,
  type SyncFleet,
} from '../../../test/sync-harness/sync-device'
import { HqRequestError, SNAPSHOT_CHUNK, type HqClient } from './hq-client'
import { readSetting, SETTING } from './sync.settings'

/** The laptop's client as an HQ from before snapshots would answer: it pulls the whole log. */
function logOnly(client: HqClient): HqClient {
  return {
    ...client,
    snapshot: () => Promise.reject(new HqRequestError('unknown_call', 'no HQ route /snapshot', 404)),
  }
}

/** A download that breaks after its first chunk (Wi-Fi lost mid-way through a first sync). */
function cutOffAfterFirstChunk(client: HqClient): HqClient {
  return {
    ...client,
    snapshot: async () => {
      const stream = await client.snapshot()
      async function* firstOnly() {
        for await (const chunk of stream.chunks) {
          yield chunk
          break
        }
        throw new HqRequestError('offline', 'connection dropped')
      }
      return { header: stream.header, chunks: firstOnly() }
    },
  }
}

const changeLogOf = (device: SyncDevice) =>
  device.core.database.sqlite
    .prepare(
      'SELECT hlc, table_name, row_id, column_name, value FROM change_log ORDER BY hlc, table_name, row_id, column_name',
    )
    .all()

describe.each(hqBackends())('a laptop joining late starts from HQ’s snapshot (%s HQ)', (backend) => {
  let fleet: SyncFleet
  let li: SyncDevice
  let wang: SyncDevice
  const t0 = Date.now()
  const ids: string[] = []

  beforeAll(async () => {
    fleet = await startSyncFleet(['李工的笔记本', '王工的笔记本'], t0, backend)
    ;[li, wang] = fleet.laptops as [SyncDevice, SyncDevice]
    // Enough fields for several snapshot chunks, and a history: each factory edited twice more.
    for (let i = 0; i < 120; i++)
      ids.push(await li.createFactory({ name: `晋江恒安纸业 ${i}`, city: '晋江' }))
    expect((await li.sync()).outcome).toBe('ok')
    for (let round = 1; round <= 2; round++) {
      li.setWall(t0 + round * 10_000)
      for (const id of ids)
        await li.edit(id, { notes: `第 ${round} 次回访`, city: round === 1 ? '泉州' : '厦门' })
      expect((await li.sync()).outcome).toBe('ok')
    }
  }, 120_000)
  afterAll(() => fleet?.dispose())

  it('ends identical to a laptop that pulled the whole log, from fewer messages, and keeps pulling after it', async () => {
    const byLog = await wang.sync(logOnly(await wang.httpClient()))
    expect(byLog.outcome).toBe('ok')
    const late = await createSyncDevice(fleet.hq, '新来的笔记本', t0 + 30_000)
    try {
      const bySnapshot = await late.sync()
      expect(bySnapshot.outcome).toBe('ok')
      expect(factoriesOf(late)).toEqual(factoriesOf(wang))
      expect(factoriesOf(late)).toEqual(factoriesOf(li))
      expect(Object.keys(factoriesOf(late))).toHaveLength(ids.length)
      // The snapshot holds each field's current value once; the log every edit of it.
      expect(bySnapshot.pulled).toBeGreaterThan(SNAPSHOT_CHUNK)
      expect(bySnapshot.pulled).toBeLessThan(byLog.pulled)
      expect(bySnapshot.cursor).toBe(byLog.cursor)
      expect(bySnapshot.conflicts).toBe(0)

      // After the snapshot's position the log goes on: a later edit arrives once, nothing comes twice.
      li.setWall(t0 + 40_000)
      await li.edit(ids[0]!, { notes: '样品已到' })
      const sent = await li.sync()
      expect(sent.outcome).toBe('ok')
      const next = await late.sync()
      expect(next).toMatchObject({ outcome: 'ok', pulled: sent.pushed, applied: sent.pushed })
      expect(factoriesOf(late)[ids[0]!]).toMatchObject({ notes: '样品已到' })
      const hlcs = changeLogOf(late).map((c) => JSON.stringify(c))
      expect(new Set(hlcs).size).toBe(hlcs.length)
      // And its own edits reach the others like anyone's.
      late.setWall(t0 + 50_000)
      await late.edit(ids[1]!, { notes: '新人接手' })
      expect((await late.sync()).outcome).toBe('ok')
      expect((await li.sync()).outcome).toBe('ok')
      expect(factoriesOf(li)[ids[1]!]).toMatchObject({ notes: '新人接手' })
    } finally {
      await late.dispose()
    }
  }, 120_000)

  it('starts a download cut off midway over cleanly: no cursor until every field is in', async () => {
    const late = await createSyncDevice(fleet.hq, '断网的笔记本', t0 + 60_000)
    try {
      const cut = await late.sync(cutOffAfterFirstChunk(await late.httpClient()))
      expect(cut.outcome).toBe('offline')
      expect(await readSetting(late.core.context.db, SETTING.cursor)).toBeUndefined()
      const again = await late.sync()
      expect(again.outcome).toBe('ok')
      expect(factoriesOf(late)).toEqual(factoriesOf(li))
      // The first chunk came twice and was applied once.
      expect(again.pulled).toBeLessThan(cut.pulled + again.pulled)
      const log = changeLogOf(late).map((c) => JSON.stringify(c))
      expect(new Set(log).size).toBe(log.length)
    } finally {
      await late.dispose()
    }
  }, 120_000)

  it('after compaction, a laptop whose cursor the compaction passed re-bootstraps and misses nothing', async () => {
    // 王 sleeps at an old cursor while 李 keeps editing; then HQ compacts everything superseded.
    const asleep = Number(await readSetting(wang.core.context.db, SETTING.cursor))
    li.setWall(t0 + 70_000)
    for (const id of ids.slice(0, 10)) await li.edit(id, { notes: '压缩前最后一次' })
    expect((await li.sync()).outcome).toBe('ok')
    const before = await fleet.hq.database.db
      .selectFrom('messages')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow()
    const compacted = await compactLog(fleet.hq.database.db, new Date(Date.now() + 60_000))
    expect(compacted.removed).toBeGreaterThan(0)
    expect(compacted.kept).toBe(Number(before.n) - compacted.removed)
    expect(compacted.compactedThrough).toBeGreaterThanOrEqual(asleep)

    // 王's pull is refused with snapshot_required; the run applies the snapshot and carries on.
    const woke = await wang.sync()
    expect(woke.outcome).toBe('ok')
    expect(factoriesOf(wang)).toEqual(factoriesOf(li))
    expect(woke.resent).toBe(0)
    // 李's own acknowledged messages still count as held: compaction makes nobody re-send.
    const again = await li.sync()
    expect(again).toMatchObject({ outcome: 'ok', resent: 0, pushed: 0 })
    // A laptop new after the compaction gets the same state.
    const late = await createSyncDevice(fleet.hq, '压缩后的笔记本', t0 + 80_000)
    try {
      expect((await late.sync()).outcome).toBe('ok')
      expect(factoriesOf(late)).toEqual(factoriesOf(li))
    } finally {
      await late.dispose()
    }
  }, 120_000)
})
