import type { DemandSignal } from '@core/demand/demand.contract'
import { describe, expect, it } from 'vitest'
import { demandTable } from './demand-table'

const signal = (
  month: string,
  channel: string,
  monthlyUnits: number,
  updatedAt = '2026-11-01',
): DemandSignal => ({
  id: `${month}-${channel}-${updatedAt}`,
  skuId: 's1',
  month,
  channel,
  monthlyUnits,
  note: '',
  createdAt: updatedAt,
  updatedAt,
})

describe('demandTable', () => {
  it('keeps the latest months, oldest first, leads with the channel that sold most lately, and totals each month', () => {
    const table = demandTable(
      [
        signal('2026-07', '天猫旗舰店', 100),
        signal('2026-08', '天猫旗舰店', 200),
        signal('2026-09', '天猫旗舰店', 300),
        signal('2026-09', '京东自营', 400),
        signal('2026-08', '山姆会员店', 50),
      ],
      2,
    )
    expect(table.months).toEqual(['2026-08', '2026-09'])
    expect(table.rows.map((r) => [r.channel, r.cells.map((c) => c?.monthlyUnits ?? null)])).toEqual([
      ['京东自营', [null, 400]],
      ['天猫旗舰店', [200, 300]],
      ['山姆会员店', [50, null]],
    ])
    expect(table.totals).toEqual([250, 700])
  })

  it('shows the later edit where sync left two signals for one month and channel', () => {
    const table = demandTable(
      [signal('2026-09', '京东自营', 400, '2026-10-02'), signal('2026-09', '京东自营', 380, '2026-10-05')],
      6,
    )
    expect(table.rows[0]!.cells[0]!.monthlyUnits).toBe(380)
    expect(table.totals).toEqual([380])
  })
})
