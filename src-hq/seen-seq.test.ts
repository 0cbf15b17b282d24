import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createSyncDevice, type SyncDevice } from '../test/sync-harness/sync-device'
import type { Hq } from './hq'
import { createHqStore, hqBackends, startStoreHq, type HqStore } from './testing/test-hq'

/**
 * HQ keeps, with each message, the pull cursor its device pushed with (HQ migration 0003) and serves it
 * as `seen`: what the writer had seen, which laptops compare with other messages' sequences to tell a
 * delete made without seeing an edit. Messages logged before HQ kept it are served without it.
 */
describe.each(hqBackends())('pulled messages say what their writer had seen (HQ on %s)', (backend) => {
  let store: HqStore
  let hq: Hq
  let li: SyncDevice
  let wang: SyncDevice

  beforeEach(async () => {
    store = await createHqStore(backend)
    hq = await startStoreHq(store)
    li = await createSyncDevice(hq, '李娜的笔记本')
    wang = await createSyncDevice(hq, '王强的笔记本')
  })
  afterEach(async () => {
    await li?.dispose()
    await wang?.dispose()
    await hq?.close()
    await store?.dispose()
  })

  it('serves each message with the cursor its device pushed with, and none for older rows', async () => {
    const first = await li.createFactory({ name: '晋江恒安纸业' })
    await li.sync()
    await wang.sync()
    const cursor = (await wang.sync()).cursor
    await wang.edit(first, { notes: '王：等报价' })
    await wang.sync()

    const client = await wang.httpClient()
    const page = await client.pull({ after: 0, limit: 1000 })
    const byRow = page.messages.filter((m) => m.row === first)
    const created = byRow.filter((m) => m.column === 'name')
    const edited = byRow.filter((m) => m.column === 'notes' && m.value === '"王：等报价"')
    expect(created.map((m) => m.seen)).toEqual([0])
    expect(edited.map((m) => m.seen)).toEqual([cursor])
    expect(cursor).toBeGreaterThanOrEqual(Math.max(...created.map((m) => m.seq)))

    // A row logged before HQ kept the cursor (null after the migration) is served without it.
    await hq.database.db
      .updateTable('messages')
      .set({ seen_seq: null })
      .where('column_name', '=', 'name')
      .execute()
    const again = await client.pull({ after: 0, limit: 1000 })
    const old = again.messages.find((m) => m.row === first && m.column === 'name')!
    expect(old).not.toHaveProperty('seen')
    expect(again.messages.find((m) => m.row === first && m.column === 'notes')?.seen).toBeDefined()
  })
})
