import type { CoreContext } from '../api/context'
import { FactoryInput } from '../factories/factories.contract'
import { createFactory } from '../factories/factories.service'
import { seedDemoPhotos } from './seed-photos'
import { seedDemoFieldRecords } from './seed-field-records'
import { seedDemoTargets } from './seed-targets'
import demoFactories from '../../../resources/demo/factories.json'
import { markDemoRowsLocalOnly } from '../sync/local-only'

/**
 * Fills an empty data directory with a lived-in demo set, once. Goes through the services (and so the
 * one write path), so demo records are valid by the same rules as a buyer's own.
 */
export async function seedDemoData(ctx: CoreContext): Promise<boolean> {
  const seeded = await ctx.db
    .selectFrom('meta')
    .select('value')
    .where('key', '=', 'demo_seeded')
    .executeTakeFirst()
  if (seeded) return false
  const { count } = await ctx.db
    .selectFrom('factories')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow()
  // Only into an empty workbench: demo quotes name demo factories, and a buyer's data is never mixed with demo data.
  if (Number(count) === 0) {
    for (const factory of demoFactories) await createFactory(ctx, FactoryInput.parse(factory))
    await seedDemoTargets(ctx)
    await seedDemoFieldRecords(ctx)
    await seedDemoPhotos(ctx)
    // Demo rows are for trying the app: they never go to HQ.
    await markDemoRowsLocalOnly(ctx.db)
  }
  await ctx.db.insertInto('meta').values({ key: 'demo_seeded', value: new Date().toISOString() }).execute()
  return true
}
