import { z } from 'zod'
import { defineSyncedTable, stored } from '../write/stored-columns'
import { CATEGORY_STATUSES } from './categories.contract'

/** HQ's category policy as stored (HQ writes it; laptops only apply it). */
export const categoriesTable = defineSyncedTable({
  name: 'categories',
  entity: 'category',
  rowId: 'uuid',
  columns: z.object({
    name: stored.text(40, { required: true }),
    status: stored.oneOf(CATEGORY_STATUSES),
    note: stored.text(1000),
  }),
})
