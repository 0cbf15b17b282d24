import type { DemandSignal, DemandSignalFields, DemandSignalValues } from './demand.contract'
import type { DemandSignalRow } from './demand.repository'

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
