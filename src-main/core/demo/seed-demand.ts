import type { CoreContext } from '../api/context'
import { DemandSignalInput } from '../demand/demand.contract'
import { createDemandSignal } from '../demand/demand.service'

/** Full months of demand the demo shows per SKU and channel. */
const DEMO_MONTHS = 6

/** 'YYYY-MM' of the month `back` months before the one `now` falls in. */
function monthBefore(now: Date, back: number): string {
  const d = new Date(now.getFullYear(), now.getMonth() - back, 1)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`
}

/**
 * Demo demand signals of one SKU: the last full months on each channel, around the channel's typical
 * monthly units with a slow rise and a repeatable wobble (no randomness, so every demo looks the same).
 */
export async function seedDemoDemand(
  ctx: CoreContext,
  skuId: string,
  typicalUnits: Partial<Record<string, number>>,
): Promise<void> {
  const now = ctx.write.now()
  const channels = Object.entries(typicalUnits).filter((e): e is [string, number] => e[1] !== undefined)
  for (let back = DEMO_MONTHS; back >= 1; back--) {
    const step = DEMO_MONTHS - back
    for (const [c, [channel, typical]] of channels.entries()) {
      const factor = 0.9 + 0.03 * step + 0.06 * Math.sin(step * 1.7 + c * 2.1)
      const monthlyUnits = Math.round((typical * factor) / 10) * 10
      await createDemandSignal(
        ctx,
        DemandSignalInput.parse({ skuId, month: monthBefore(now, back), channel, monthlyUnits }),
      )
    }
  }
}
