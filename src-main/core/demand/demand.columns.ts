import { z } from 'zod'
import { defineSyncedTable, stored } from '../write/stored-columns'
import {
  MonthText,
  type DemandSignal,
  type DemandSignalFields,
  type DemandSignalValues,
} from './demand.contract'
import type { DemandSignalRow } from './demand.repository'

/** HQ's monthly demand per SKU and channel, as stored (HQ writes it; laptops only apply it). */
export const demandSignalsTable = defineSyncedTable({
  name: 'demand_signals',
  entity: 'demand signal',
  rowId: 'uuid',
  columns: z.object({
    sku_id: stored.reference(),
    month: stored.checked(MonthText, '1970-01'),
    channel: stored.text(40, { required: true }),
    monthly_units: stored.int(0, 1_000_000_000),
    note: stored.text(1000),
  }),
})

/**
 * Demand signals between their contract values and their table columns, in one place: the laptop's
 * service and HQ (which writes this table as messages) map them alike.
 */

export function demandSignalColumns(values: DemandSignalValues): DemandSignalFields {
  return {
    sku_id: values.skuId,
    month: values.month,
    channel: values.channel,
    monthly_units: values.monthlyUnits,
    note: values.note,
  }
}

export function toDemandSignal(row: DemandSignalRow): DemandSignal {
  return {
    id: row.id,
    skuId: row.sku_id,
    month: row.month,
    channel: row.channel,
    monthlyUnits: row.monthly_units,
    note: row.note,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}
