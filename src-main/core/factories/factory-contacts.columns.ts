import { z } from 'zod'
import { defineSyncedTable, stored } from '../write/stored-columns'

/**
 * One contact of a factory as every writer stores it: a row each, so two buyers' contacts merge one by
 * one. Limits as the contract's Contact (name 1–40 characters, the others up to 40).
 */
export const factoryContactsTable = defineSyncedTable({
  name: 'factory_contacts',
  entity: 'contact',
  rowId: 'uuid',
  columns: z.object({
    factory_id: stored.reference(),
    name: stored.text(40, { required: true }),
    role: stored.text(40),
    phone: stored.text(40),
    wechat: stored.text(40),
    sort_order: stored.int(0, 10_000),
  }),
})
