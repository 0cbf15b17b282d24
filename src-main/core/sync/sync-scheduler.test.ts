import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Hq } from '../../../src-hq/hq'
import { createHqStore, startStoreHq, type HqStore } from '../../../src-hq/testing/test-hq'
import { createTempCore } from '../../../test/integration/support/temp-core'
import { createSyncDevice, type SyncDevice, syncStatusOf } from '../../../test/sync-harness/sync-device'
import { startSyncScheduler } from './sync-scheduler'
import type { SyncStatus } from './sync.contract'

/** Polls until the laptop has nothing unsent (automatic sync ran), or gives up. */
async function waitUntilSent(device: SyncDevice, timeoutMs = 10_000): Promise<SyncStatus> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const status = await syncStatusOf(device)
    if (status.unsent === 0 && status.lastSync?.outcome === 'ok') return status
    if (Date.now() > deadline) throw new Error(`still unsent: ${JSON.stringify(status)}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

describe('automatic sync when HQ is reachable (real HQ, short interval)', () => {
  let store: HqStore
  let hq: Hq
  let li: SyncDevice

  beforeAll(async () => {
    store = await createHqStore('sqlite')
    hq = await startStoreHq(store)
    li = await createSyncDevice(hq, '李娜的笔记本', Date.now(), { autoSyncEveryMs: 100 })
  })
  afterAll(async () => {
    await li?.dispose()
    await hq?.close()
    await store?.dispose()
  })

  it('does nothing on a laptop that is not enrolled', async () => {
    const core = await createTempCore()
    try {
      const scheduler = startSyncScheduler({
        db: core.context.db,
        runner: core.context.sync.runner,
        now: core.context.write.now,
        everyMs: 0,
      })
      expect(await scheduler.tick()).toBe('not_enrolled')
    } finally {
      await core.dispose()
    }
  })

  it('sends new changes by itself while HQ is up', async () => {
    await li.createFactory({ name: '晋江恒安纸业' })
    const status = await waitUntilSent(li)
    expect(status.lastSync?.pushed).toBeGreaterThan(0)
  })

  it('does not sync while HQ is down, and syncs once HQ comes back', async () => {
    const port = hq.port
    await hq.close()
    const before = (await syncStatusOf(li)).lastSync
    await li.createFactory({ name: '泉州恒利纸品' })
    await new Promise((resolve) => setTimeout(resolve, 600))
    const down = await syncStatusOf(li)
    // Six checks found HQ unreachable: no run was started, so the last report is the one from before.
    expect(down.lastSync).toEqual(before)
    expect(down.unsent).toBeGreaterThan(0)

    hq = await startStoreHq(store, { port })
    const up = await waitUntilSent(li)
    expect(up.lastSync?.pushed).toBe(down.unsent)
  })

  it('leaves an up-to-date laptop alone until its last sync is stale', async () => {
    const { context } = li.core
    // The report is stored a moment before the runner lets go of the run: wait for it to be idle.
    await context.sync.runner.idle()
    const options = { db: context.db, runner: context.sync.runner, now: context.write.now, everyMs: 0 }
    expect(await startSyncScheduler(options).tick()).toBe('up_to_date')
    const stale = startSyncScheduler({ ...options, now: () => new Date(Date.now() + 10 * 60_000) })
    expect(await stale.tick()).toBe('synced')
  })
})
