import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  factoriesOf,
  startSyncFleet,
  type SyncDevice,
  type SyncFleet,
} from '../../../test/sync-harness/sync-device'
import { storedColumns } from './synced-tables'

/** A new factory's save: a change per stored column. */
const FIELDS = Object.keys(storedColumns('factories')).length

describe('two laptops edit one factory offline, then sync through a real HQ', () => {
  let fleet: SyncFleet
  let li: SyncDevice
  let wang: SyncDevice
  const t0 = Date.now()

  beforeAll(async () => {
    fleet = await startSyncFleet(['李工的笔记本', '王工的笔记本'], t0)
    ;[li, wang] = fleet.laptops as [SyncDevice, SyncDevice]
  })
  afterAll(() => fleet?.dispose())

  it('keeps both different-field edits, lets the later same-field edit win everywhere, and records the conflict', async () => {
    const id = await li.createFactory({ name: '晋江恒安纸业', city: '晋江', notes: '初访' })
    // One new record waits to go up, with a change per field.
    const waiting = await li.core.dispatch('sync.status', {})
    expect(waiting.ok && waiting.value).toMatchObject({ unsentRecords: 1, unsent: FIELDS })
    expect((await li.sync()).outcome).toBe('ok')
    const first = await wang.sync()
    expect(first).toMatchObject({ outcome: 'ok', applied: FIELDS })
    expect(factoriesOf(wang)[id]).toEqual(factoriesOf(li)[id])

    // HQ is out of reach: each edits a different field, and both edit the notes; 王's edit is later.
    li.setWall(t0 + 10_000)
    await li.edit(id, { name: '恒安纸业（晋江）', notes: '李：样品已寄' })
    wang.setWall(t0 + 20_000)
    await wang.edit(id, { city: '泉州', notes: '王：等报价' })

    expect((await li.sync()).outcome).toBe('ok')
    const wangSync = await wang.sync()
    expect(wangSync.outcome).toBe('ok')
    expect((await li.sync()).outcome).toBe('ok')

    for (const device of [li, wang]) {
      const row = factoriesOf(device)[id]!
      expect(row.name).toBe('恒安纸业（晋江）')
      expect(row.city).toBe('泉州')
      expect(row.notes).toBe('王：等报价')
    }
    expect(factoriesOf(li)).toEqual(factoriesOf(wang))

    // 李's notes were replaced by 王's: 李's laptop says so, and so does 王's (李's arrived too late there).
    const conflictsOn = (device: SyncDevice) =>
      device.core.database.sqlite
        .prepare(
          'SELECT column_name, winner_device, winner_value, loser_device, loser_value FROM sync_conflicts',
        )
        .all()
    const expected = {
      column_name: 'notes',
      winner_device: wang.deviceId,
      winner_value: JSON.stringify('王：等报价'),
      loser_device: li.deviceId,
      loser_value: JSON.stringify('李：样品已寄'),
    }
    expect(conflictsOn(li)).toContainEqual(expected)
    expect(conflictsOn(wang)).toContainEqual(expected)
    // updated_at was written by both too; no other field conflicted.
    expect(
      conflictsOn(li)
        .map((c) => (c as { column_name: string }).column_name)
        .sort(),
    ).toEqual(['notes', 'updated_at'])

    const status = await li.core.dispatch('sync.status', {})
    // The updated_at conflict is bookkeeping: recorded, but not counted for the buyer.
    expect(status).toMatchObject({ ok: true, value: { enrolled: true, unsent: 0, conflicts: 1 } })
    // Syncing again moves nothing.
    expect(await li.sync()).toMatchObject({ outcome: 'ok', pushed: 0, pulled: 0, applied: 0, conflicts: 0 })
  })
})
