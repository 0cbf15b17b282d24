import { z } from 'zod'
import { PositiveDecimal } from '../domain/pricing/pricing.schema'
import { defineSyncedTable, stored } from '../write/stored-columns'

/** Manual exchange rates as stored: one live row per currency, CNY per unit as exact decimal text. */
export const currencyRatesTable = defineSyncedTable({
  name: 'currency_rates',
  entity: 'currency rate',
  rowId: 'uuid',
  columns: z.object({
    currency: stored.checked(z.string().regex(/^[A-Z]{3}$/), 'USD'),
    rate: stored.checked(PositiveDecimal, '1'),
    notes: stored.text(1000),
  }),
})
