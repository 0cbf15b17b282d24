import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FactorySummary } from '../../src-main/core/factories/factories.contract'
import { createApiClient } from '../../src-renderer/api/client'
import type { Envelope, Transport } from '../../src-renderer/api/transport'
import {
  createFactoryPager,
  PAGE_SIZE,
  type FactoryPager,
  type FactoryQuery,
  type PagerSnapshot,
} from '../../src-renderer/factories/factory-pager'
import { createTempCore, type TempCore } from './support/temp-core'

/**
 * The renderer's list pager against a real core (the dispatcher both hosts use): pages load as rows come
 * into view, and replies that arrive late or out of order never put an older query's rows on show.
 */

const COUNT = 450
const NEWEST: FactoryQuery = { search: '', statuses: [], sort: 'updatedAt', direction: 'desc' }
const BY_NAME: FactoryQuery = { search: '', statuses: [], sort: 'name', direction: 'asc' }
const QUALIFIED: FactoryQuery = { ...NEWEST, statuses: ['qualified'] }

/** A transport to the core whose replies are held until released, to play them back in any order. */
function heldTransport(core: TempCore) {
  const held: { input: unknown; release: () => void }[] = []
  const transport: Transport = (name, input) =>
    core
      .dispatch(name, input)
      .then(
        (envelope) =>
          new Promise<Envelope>((resolve) => held.push({ input, release: () => resolve(envelope) })),
      )
  return { transport, held }
}

/** Resolves once the pager's snapshot satisfies `done`. */
function until(pager: FactoryPager, done: (s: PagerSnapshot | null) => boolean): Promise<PagerSnapshot> {
  return new Promise((resolve) => {
    const check = () => {
      const snapshot = pager.getSnapshot()
      if (!done(snapshot) || !snapshot) return false
      unsubscribe()
      resolve(snapshot)
      return true
    }
    const unsubscribe = pager.subscribe(check)
    check()
  })
}

/** Lets the core answer and the replies' callbacks run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20))

describe('factory list pager', () => {
  let core: TempCore
  let whole: (query: FactoryQuery) => Promise<FactorySummary[]>

  beforeAll(async () => {
    core = await createTempCore()
    for (let i = 0; i < COUNT; i++) {
      const result = await core.dispatch('factories.create', {
        name: `测试工厂 ${String(i).padStart(3, '0')}`,
        status: i % 3 === 0 ? 'qualified' : 'prospect',
      })
      if (!result.ok) throw new Error(result.error.message)
    }
    const client = createApiClient((name, input) => core.dispatch(name, input))
    whole = async (query) => (await client.call('factories.list', query)).items
  })
  afterAll(async () => {
    await core.dispose()
  })

  it('shows the first page with the full total, then loads the pages that come into view', async () => {
    const pager = createFactoryPager(createApiClient((name, input) => core.dispatch(name, input)))
    pager.show(NEWEST, 'a')
    const first = await until(pager, (s) => s !== null)
    expect(first.total).toBe(COUNT)
    expect([...first.pages.keys()]).toEqual([0])

    pager.ensureRows(420, 440)
    const later = await until(pager, (s) => s?.pages.has(2) === true)
    expect([...later.pages.keys()].sort()).toEqual([0, 1, 2])
    const rows = [0, 1, 2].flatMap((page) => later.pages.get(page) ?? [])
    expect(rows.map((f) => f.id)).toEqual((await whole(NEWEST)).map((f) => f.id))

    // Nothing is asked past the last match (150 qualified factories: one page).
    const asked: unknown[] = []
    const counting = createFactoryPager(
      createApiClient((name, input) => {
        asked.push(input)
        return core.dispatch(name, input)
      }),
    )
    counting.show(QUALIFIED, 'qualified')
    await until(counting, (s) => s !== null)
    counting.ensureRows(140, 149)
    await settle()
    expect(asked).toHaveLength(1)
  })

  it('drops a late reply to an older query, whatever order the replies arrive in', async () => {
    for (const order of ['older last', 'older first'] as const) {
      const { transport, held } = heldTransport(core)
      const pager = createFactoryPager(createApiClient(transport))
      pager.show(BY_NAME, 'by name')
      pager.show(QUALIFIED, 'qualified')
      await settle()
      expect(held).toHaveLength(2)
      const [older, newer] = held as [(typeof held)[0], (typeof held)[0]]
      if (order === 'older last') {
        newer.release()
        older.release()
      } else {
        older.release()
        newer.release()
      }
      await settle()
      const shown = pager.getSnapshot()
      expect(shown?.key).toBe('qualified')
      expect(shown?.total).toBe(Math.ceil(COUNT / 3))
      expect(shown?.pages.get(0)?.every((f) => f.status === 'qualified')).toBe(true)
    }
  })

  it('keeps the older rows on show until the new query answers, and never mixes the two', async () => {
    const { transport, held } = heldTransport(core)
    const pager = createFactoryPager(createApiClient(transport))
    pager.show(NEWEST, 'newest')
    await settle()
    held.shift()?.release()
    await until(pager, (s) => s?.key === 'newest')
    pager.ensureRows(150, 170) // asks for page 1 of the newest-first list ...
    await settle()
    pager.show(BY_NAME, 'by name') // ... but the query changes before it answers
    await settle()
    // Scrolling while the old rows show asks for nothing more.
    pager.ensureRows(300, 320)
    await settle()
    expect(held).toHaveLength(2)
    for (const reply of held.splice(0)) reply.release()
    const shown = await until(pager, (s) => s?.key === 'by name')
    await settle()
    expect([...shown.pages.keys()]).toEqual([0])
    expect(shown.pages.get(0)?.map((f) => f.id)).toEqual(
      (await whole(BY_NAME)).slice(0, PAGE_SIZE).map((f) => f.id),
    )
  })

  it('reloads from the first page when the data changes under the same query', async () => {
    const client = createApiClient((name, input) => core.dispatch(name, input))
    const pager = createFactoryPager(client)
    pager.show(NEWEST, 'v1')
    await until(pager, (s) => s !== null)
    pager.ensureRows(300, 320)
    await until(pager, (s) => s?.pages.has(1) === true)

    const created = await client.call('factories.create', { name: '新来的工厂' })
    pager.show(NEWEST, 'v2')
    const fresh = await until(pager, (s) => s?.key === 'v2')
    expect(fresh.total).toBe(COUNT + 1)
    expect([...fresh.pages.keys()]).toEqual([0])
    expect(fresh.pages.get(0)?.[0]?.id).toBe(created.id)
    await client.call('factories.delete', { id: created.id })
  })
})
