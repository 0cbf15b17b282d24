import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { HqDatabase } from './db/connection'
import type { Hq } from './hq'
import { DatabaseRateLimiter, MemoryRateLimiter } from './rate-limit'
import {
  createHqStore,
  hqBackends,
  hqCall,
  migratedStore,
  startStoreHq,
  type HqStore,
} from './testing/test-hq'

const LIMIT = { max: 3, windowMs: 60_000 }

async function counts(limiter: { allow(key: string): Promise<boolean> }, key: string, n: number) {
  const answers: boolean[] = []
  for (let i = 0; i < n; i++) answers.push(await limiter.allow(key))
  return answers
}

describe('rate limit in memory (the embedded SQLite HQ)', () => {
  it('counts per key, and a new window starts over', async () => {
    let now = 1_000_000
    const limiter = new MemoryRateLimiter(LIMIT, () => now)
    expect(await counts(limiter, 'device:a', 4)).toEqual([true, true, true, false])
    expect(await counts(limiter, 'device:b', 1)).toEqual([true])
    now += LIMIT.windowMs
    expect(await counts(limiter, 'device:a', 4)).toEqual([true, true, true, false])
  })

  it('forgets ended windows, never the running ones, and holds at most its bound', async () => {
    let now = 1_000_000
    const limiter = new MemoryRateLimiter(LIMIT, () => now, 1000)
    for (let i = 0; i < 500; i++) await limiter.allow(`address:old-${i}`)
    expect(await counts(limiter, 'device:busy', 4)).toEqual([true, true, true, false])
    now += LIMIT.windowMs / 2
    for (let i = 0; i < 200; i++) await limiter.allow(`address:new-${i}`)
    now += LIMIT.windowMs / 2
    // The first window ended: its 501 keys are swept, the 200 of half a window ago kept.
    await limiter.allow('address:next')
    expect(limiter.size).toBe(201)
    // A flood of new addresses within one window: the oldest give way one by one, the busy device's
    // running window with them only when it is the oldest (no wipe of the table lets it start over).
    expect(await counts(limiter, 'device:busy2', 4)).toEqual([true, true, true, false])
    for (let i = 0; i < 5000; i++) await limiter.allow(`address:flood-${i}`)
    expect(limiter.size).toBe(1000)
  })
})

describe.each(hqBackends())('rate limit in the database on %s', (backend) => {
  let migrated: Awaited<ReturnType<typeof migratedStore>>
  let database: HqDatabase
  beforeAll(async () => {
    migrated = await migratedStore(backend)
    database = migrated.database
  })
  afterAll(() => migrated?.dispose())

  it('counts a key once across every HQ process, and sweeps only ended windows', async () => {
    let now = 5_000_000
    const here = new DatabaseRateLimiter(database.db, 'api', LIMIT, () => now)
    const there = new DatabaseRateLimiter(database.db, 'api', LIMIT, () => now)
    const enrol = new DatabaseRateLimiter(database.db, 'enrol', LIMIT, () => now)
    expect(await counts(here, 'device:a', 2)).toEqual([true, true])
    expect(await counts(there, 'device:a', 2)).toEqual([true, false])
    expect(await counts(enrol, 'device:a', 1)).toEqual([true])
    for (let i = 0; i < 50; i++) await here.allow(`address:${i}`)
    now += LIMIT.windowMs / 2
    await there.allow('device:late')
    now += LIMIT.windowMs / 2
    // The next request after a window's length sweeps what ended: the late key's window still runs.
    expect(await counts(here, 'device:a', 3)).toEqual([true, true, true])
    const keys = await database.db.selectFrom('rate_windows').select('key').orderBy('key').execute()
    expect(keys.map((k) => k.key)).toEqual(['api:device:a', 'api:device:late'])
  })
})

describe.each(hqBackends())('HQ rate limit on %s', (backend) => {
  const hqs: Hq[] = []
  let store: HqStore
  beforeAll(async () => {
    store = await createHqStore(backend)
  })
  afterAll(async () => {
    for (const hq of hqs) await hq.close()
    await store?.dispose()
  })

  const enrol = async (hq: Hq, node: string) => {
    const code = (await hqCall(hq.url, 'admin.codes.create', {}, hq.adminToken)).body.value as {
      code: string
    }
    const reply = await hqCall(hq.url, 'enrol', { code: code.code, deviceName: node, nodeId: node })
    return (reply.body.value as { token: string }).token
  }
  const statuses = async (url: string, n: number, token?: string) => {
    const seen: number[] = []
    for (let i = 0; i < n; i++) seen.push((await hqCall(url, 'pull', { after: 0 }, token)).status)
    return seen
  }

  it('counts per device token, not per address (an office NAT), and per address before enrolment', async () => {
    const hq = await startStoreHq(store, { rateLimit: { max: 5, windowMs: 60_000 } })
    hqs.push(hq)
    const a = await enrol(hq, '00000000000000a1')
    const b = await enrol(hq, '00000000000000b1')
    // Both laptops behind one address: each has its own 5 a minute.
    expect(await statuses(hq.url, 6, a)).toEqual([200, 200, 200, 200, 200, 429])
    expect(await statuses(hq.url, 5, b)).toEqual([200, 200, 200, 200, 200])
    // Without a valid token the address is counted (the admin calls above were 2 of its 5).
    expect(await statuses(hq.url, 4, 'not-a-real-token-not-a-real-token')).toEqual([401, 401, 401, 429])
  })

  it.runIf(backend === 'postgres')(
    'counts a device once across two HQ processes on one database',
    async () => {
      const shared = await createHqStore(backend)
      try {
        const first = await startStoreHq(shared, { rateLimit: { max: 4, windowMs: 60_000 } })
        hqs.push(first)
        const second = await startStoreHq(shared, { rateLimit: { max: 4, windowMs: 60_000 } })
        hqs.push(second)
        const token = await enrol(first, '00000000000000c1')
        expect(await statuses(first.url, 2, token)).toEqual([200, 200])
        expect(await statuses(second.url, 3, token)).toEqual([200, 200, 429])
        expect(await statuses(first.url, 1, token)).toEqual([429])
        for (const hq of hqs.splice(-2)) await hq.close()
      } finally {
        await shared.dispose()
      }
    },
  )
})
