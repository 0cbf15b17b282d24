import { z } from 'zod'
import { defineSyncedTable, stored } from '../write/stored-columns'
import { PlannedDays, TourFields } from './tours.contract'

/** Tours as stored: lists as JSON text of the contract's shapes. */
export const toursTable = defineSyncedTable({
  name: 'tours',
  entity: 'tour',
  rowId: 'uuid',
  columns: z.object({
    name: stored.text(100, { required: true }),
    start_date: stored.date(),
    end_date: stored.date(),
    belts: stored.json(TourFields.shape.belts, []),
    members: stored.json(TourFields.shape.members, []),
    planned_factory_ids: stored.json(TourFields.shape.plannedFactoryIds, []),
    planned_days: stored.json(PlannedDays, {}),
    notes: stored.text(5000),
  }),
})
