import { afterEach, describe, expect, it } from 'vitest'
import { ok } from '../../../test/integration/support/api-result'
import { createTempCore, type TempCore } from '../../../test/integration/support/temp-core'
import type { FactoryStats } from '../factories/factories.contract'
import type { SearchResults } from '../search/search.contract'
import type { SyncStatus } from '../sync/sync.contract'
import type { DemoData } from './demo.contract'

/** A buyer who tried the app clears its demo data before real work; their own records stay. */
describe('clearing the demo data', () => {
  let core: TempCore | undefined
  afterEach(async () => {
    await core?.dispose()
  })

  it('removes every demo record and its change records, and keeps what the buyer entered', async () => {
    core = await createTempCore({ demo: true })
    const call = core.dispatch
    const before = ok<DemoData>(await call('demo.get', {}))
    expect(before.kinds).toContainEqual({ kind: 'factories', records: 40 })
    expect(before.records).toBe(before.kinds.reduce((sum, k) => sum + k.records, 0))

    // The buyer's own factory and a sample at a demo factory; and an edit of a demo factory.
    const { items: demoFactories } = ok<{ items: { id: string; name: string }[] }>(
      await call('factories.list', { limit: 1 }),
    )
    const demoFactory = demoFactories[0]!
    const own = ok<{ id: string }>(
      await call('factories.create', { name: '晋江恒安纸业有限公司', province: '福建', city: '晋江' }),
    )
    const sample = ok<{ id: string }>(
      await call('samples.create', {
        source: 'selectionCenter',
        factoryId: demoFactory.id,
        name: '竹浆抽纸',
      }),
    )
    const {
      id: _id,
      createdAt: _c,
      updatedAt: _u,
      ...values
    } = ok<Record<string, unknown>>(await call('factories.get', { id: demoFactory.id }))
    ok(await call('factories.update', { id: demoFactory.id, values: { ...values, notes: '演示工厂，改过' } }))

    const after = ok<DemoData>(await call('demo.clear', {}))
    expect(after).toEqual({ kinds: [], records: 0 })
    expect(ok<FactoryStats>(await call('factories.stats', {})).total).toBe(1)
    ok(await call('factories.get', { id: own.id }))
    ok(await call('samples.get', { id: sample.id }))
    const found = ok<SearchResults>(await call('search.query', { text: demoFactory.name.slice(0, 4) }))
    expect(found.results.filter((r) => r.id === demoFactory.id)).toEqual([])

    const sqlite = core.database.sqlite
    const logged = sqlite.prepare('SELECT DISTINCT table_name FROM change_log ORDER BY 1').pluck().all()
    // The factory, the sample and the sample's first status.
    expect(logged).toEqual(['factories', 'sample_status_history', 'samples'])
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
    const status = ok<SyncStatus>(await call('sync.status', {}))
    expect(status).toMatchObject({ localOnlyRecords: 0, unsentRecords: 3 })

    // Nothing is left to clear.
    expect(ok<DemoData>(await call('demo.clear', {})).records).toBe(0)
  })
})
