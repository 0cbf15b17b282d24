import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Hq } from '../../../src-hq/hq'
import { createHqStore, hqBackends, startStoreHq, type HqStore } from '../../../src-hq/testing/test-hq'
import {
  createSyncDevice,
  factoriesOf,
  withoutSnapshot,
  type SyncDevice,
} from '../../../test/sync-harness/sync-device'
import type { HqClient } from './hq-client'
import { storedColumns } from './synced-tables'
import type { WireMessage } from './wire/sync-wire.contract'

/**
 * A save travels as one unit: push batches and pull pages end only between saves, so a receiver never
 * holds a record with some of its fields still to come. A factory's save has a change per stored column (18), which divides neither
 * the 1 MiB push budget nor a pull page of 200 messages.
 */

const FIELDS = Object.keys(storedColumns('factories')).length

function fieldsPerRecord(messages: readonly Pick<WireMessage, 'row' | 'hlc'>[]): number[] {
  const counts = new Map<string, number>()
  for (const m of messages) counts.set(`${m.row}/${m.hlc}`, (counts.get(`${m.row}/${m.hlc}`) ?? 0) + 1)
  return [...new Set(counts.values())]
}

describe.each(hqBackends())('whole records through HQ on %s', (backend) => {
  let store: HqStore
  let hq: Hq
  let li: SyncDevice
  let wang: SyncDevice

  beforeAll(async () => {
    store = await createHqStore(backend)
    hq = await startStoreHq(store)
    li = await createSyncDevice(hq, '李娜的笔记本')
    wang = await createSyncDevice(hq, '王强的笔记本')
  })
  afterAll(async () => {
    await li?.dispose()
    await wang?.dispose()
    await hq?.close()
    await store?.dispose()
  })

  it('pushes and pulls every factory whole, and the receiver never shows one half-filled', async () => {
    // 210 factories with the longest notes a save may hold (5,000 characters): 3.1 MB of changes, three
    // push batches or more.
    const notes = '样品已寄，等待报价。'.repeat(500)
    const ids: string[] = []
    for (let i = 0; i < 210; i++)
      ids.push(await li.createFactory({ name: `晋江纸业 ${i}`, city: '晋江', notes }))

    const real = await li.httpClient()
    const batches: WireMessage[][] = []
    const pushing: HqClient = {
      ...real,
      push: (input) => {
        // The empty push that reads HQ's clock carries no save.
        if (input.messages.length > 0) batches.push(input.messages)
        return real.push(input)
      },
    }
    expect(await li.sync(pushing)).toMatchObject({ outcome: 'ok', pushed: 210 * FIELDS, rejected: 0 })
    expect(batches.length).toBeGreaterThanOrEqual(3)
    for (const batch of batches) expect(fieldsPerRecord(batch)).toEqual([FIELDS])

    // 王 pulls the log (not a snapshot: this is about the log's pages) in pages of at most 200 messages
    // (the harness's page size) or 1 MiB; before each page is fetched, every factory 王 holds so far must be whole.
    const receiving = withoutSnapshot(await wang.httpClient())
    const pages: number[] = []
    const pulling: HqClient = {
      ...receiving,
      pull: async (input) => {
        for (const row of Object.values(factoriesOf(wang))) {
          expect(row).toMatchObject({ city: '晋江', notes, deleted_at: null })
          expect(row.name).toMatch(/^晋江纸业 \d+$/)
        }
        const page = await receiving.pull(input)
        if (page.messages.length > 0) {
          pages.push(page.messages.length)
          expect(fieldsPerRecord(page.messages)).toEqual([FIELDS])
        }
        return page
      },
    }
    expect(await wang.sync(pulling)).toMatchObject({ outcome: 'ok', applied: 210 * FIELDS })
    expect(pages.length).toBeGreaterThan(3)
    expect(pages.every((n) => n % FIELDS === 0)).toBe(true)
    expect(Object.keys(factoriesOf(wang)).sort()).toEqual(ids.sort())
    expect(factoriesOf(wang)).toEqual(factoriesOf(li))
  })
})
