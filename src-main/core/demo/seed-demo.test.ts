import { afterEach, describe, expect, it } from 'vitest'
import { ok } from '../../../test/integration/support/api-result'
import { createTempCore, type TempCore } from '../../../test/integration/support/temp-core'
import type { FactoryStats } from '../factories/factories.contract'
import type { TargetDashboardRow } from '../targets/targets.contract'

/** The demo a new user sees: a lived-in workbench, valid by the same rules as a buyer's own data. */
describe('demo data', () => {
  let core: TempCore | undefined
  afterEach(async () => {
    await core?.dispose()
  })

  it('fills an empty workbench once: factories across the belts, SKUs that meet, nearly meet and miss', async () => {
    core = await createTempCore({ demo: true })
    const stats = ok<FactoryStats>(await core.dispatch('factories.stats', {}))
    expect(stats.total).toBeGreaterThanOrEqual(30)
    const targets = ok<TargetDashboardRow[]>(await core.dispatch('targets.dashboard', {}))
    expect(new Set(targets.map((t) => t.status))).toEqual(new Set(['met', 'within10', 'missed', 'noQuote']))
    expect(targets.every((t) => t.status === 'noQuote' || t.bestFactoryName)).toBe(true)

    // A restart does not seed again.
    const { dataDir } = core
    await core.close()
    const reopened = await createTempCore({ demo: true, dataDir })
    core = reopened
    expect(ok<FactoryStats>(await reopened.dispatch('factories.stats', {})).total).toBe(stats.total)
  })

  it('is skipped with --no-demo', async () => {
    core = await createTempCore({ demo: false })
    expect(ok<FactoryStats>(await core.dispatch('factories.stats', {})).total).toBe(0)
  })
})
