import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  factoriesOf,
  startSyncFleet,
  syncDepsOf,
  type SyncDevice,
  withoutSnapshot,
  type SyncFleet,
} from '../../../test/sync-harness/sync-device'
import type { HqClient } from './hq-client'
import { createSyncRunner, type SyncRunner } from './sync-runner'
import type { SyncProgress } from './sync.contract'
import { readSetting, SETTING } from './sync.settings'
import { storedColumns } from './synced-tables'

/** A runner for a laptop whose HQ client (made knowing the runner) lets the test look in or act. */
function runnerWith(device: SyncDevice, makeClient: (runner: SyncRunner) => HqClient): SyncRunner {
  const ref: { client?: HqClient } = {}
  const runner = createSyncRunner(() => ({ ...syncDepsOf(device.core), client: ref.client, pageSize: 40 }))
  ref.client = makeClient(runner)
  return runner
}

describe('a sync as a job: progress the screen can show, and cancel between pages', () => {
  let fleet: SyncFleet
  let li: SyncDevice
  let wang: SyncDevice

  beforeAll(async () => {
    fleet = await startSyncFleet(['李娜的笔记本', '王强的笔记本'])
    ;[li, wang] = fleet.laptops as [SyncDevice, SyncDevice]
    for (let i = 0; i < 12; i++) await li.createFactory({ name: `晋江纸业 ${i}` })
  })
  afterAll(() => fleet?.dispose())

  it('reports pushing with the unsent total, then pulling with counts so far, then the finished report', async () => {
    // The log's pages, as from an HQ older than snapshots (a snapshot is one download: snapshot.test.ts).
    const real = withoutSnapshot(await li.httpClient())
    const seen: SyncProgress[] = []
    const runner = runnerWith(li, (self) => ({
      ...real,
      push: async (input) => {
        seen.push(await self.progress())
        return real.push(input)
      },
      pull: async (input) => {
        seen.push(await self.progress())
        return real.pull(input)
      },
    }))
    const started = await runner.start()
    expect(started).toMatchObject({ running: true, phase: 'pushing' })
    const report = await runner.run()
    expect(report).toMatchObject({ outcome: 'ok' })
    expect(report.pushed).toBeGreaterThan(100)

    expect(seen[0]).toMatchObject({ running: true, phase: 'pushing', toPush: report.pushed, pushed: 0 })
    const pulls = seen.filter((p) => p.phase === 'pulling')
    expect(pulls.length).toBeGreaterThan(1)
    expect(pulls[0]).toMatchObject({ pushed: report.pushed, pulled: 0 })
    expect(await runner.progress()).toMatchObject({ running: false, phase: 'done', last: report })
  })

  it('stops after the page in hand when cancelled; the cursor matches what was applied and the next run finishes', async () => {
    const real = withoutSnapshot(await wang.httpClient())
    let pages = 0
    const runner = runnerWith(wang, (self) => ({
      ...real,
      pull: async (input) => {
        if (++pages === 3) await self.cancel()
        return real.pull(input)
      },
    }))
    const cancelled = await runner.run()
    expect(cancelled.outcome).toBe('cancelled')
    expect(pages).toBe(3)
    // Three pages of at most 40, each ending between saves (two whole factories, a change per stored column), were
    // applied and committed; the stored cursor says exactly that.
    const cursor = Number(await readSetting(wang.core.context.db, SETTING.cursor))
    expect(cursor).toBe(cancelled.cursor)
    expect(cancelled.pulled).toBe(3 * 2 * Object.keys(storedColumns('factories')).length)
    const partial = Object.keys(factoriesOf(wang)).length
    expect(partial).toBe(6)

    const status = await wang.core.dispatch('sync.status', {})
    expect(status).toMatchObject({ ok: true, value: { lastSync: { outcome: 'cancelled' } } })

    const finished = await runnerWith(wang, () => real).run()
    expect(finished.outcome).toBe('ok')
    expect(factoriesOf(wang)).toEqual(factoriesOf(li))
  })

  it('runs one sync at a time: a second start joins the running one', async () => {
    await li.createFactory({ name: '石狮纸品' })
    const client = await li.httpClient()
    const runner = runnerWith(li, () => client)
    const [a, b] = await Promise.all([runner.run(), runner.run()])
    expect(a).toBe(b)
    expect(a.pushed).toBeGreaterThan(0)
  })
})
