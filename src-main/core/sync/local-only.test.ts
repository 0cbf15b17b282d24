import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readMessages } from '../../../src-hq/messages.repository'
import {
  createSyncDevice,
  factoriesOf,
  startSyncFleet,
  syncStatusOf,
  type SyncDevice,
  type SyncFleet,
} from '../../../test/sync-harness/sync-device'

describe('demo data stays on the laptop that seeded it (real HQ)', () => {
  let fleet: SyncFleet
  let demo: SyncDevice
  let colleague: SyncDevice

  beforeAll(async () => {
    fleet = await startSyncFleet(['王强的笔记本'])
    ;[colleague] = fleet.laptops as [SyncDevice]
    demo = await createSyncDevice(fleet.hq, '试用的笔记本', Date.now(), { demo: true })
  })
  afterAll(async () => {
    await demo?.dispose()
    await fleet?.dispose()
  })

  it('sends none of the demo records or photos, and says they stay here', async () => {
    const before = await syncStatusOf(demo)
    expect(before.localOnlyRecords).toBeGreaterThan(40)
    expect(before.unsentRecords).toBe(0)

    const report = await demo.sync()
    expect(report).toMatchObject({ outcome: 'ok', pushed: 0, rejected: 0, photosUp: 0 })
    expect((await readMessages(fleet.hq.database.db, 0, 10)).messages).toEqual([])
  })

  it('sends the buyer’s own records, while edits of demo records stay here too', async () => {
    const demoFactory = Object.keys(factoriesOf(demo))[0]!
    await demo.edit(demoFactory, { notes: '改了演示工厂' })
    const own = await demo.createFactory({ name: '晋江恒安纸业' })
    expect(await syncStatusOf(demo)).toMatchObject({ unsentRecords: 1 })

    expect((await demo.sync()).outcome).toBe('ok')
    expect((await colleague.sync()).outcome).toBe('ok')
    expect(Object.keys(factoriesOf(colleague))).toEqual([own])
    expect(await syncStatusOf(demo)).toMatchObject({ unsentRecords: 0 })
  })
})
