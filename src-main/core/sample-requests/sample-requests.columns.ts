import { z } from 'zod'
import { defineSyncedTable, stored } from '../write/stored-columns'
import { MAX_REQUEST_QUANTITY } from './sample-requests.contract'

/** Sample requests as stored; the status is read from the dates (domain/sample-request.ts). */
export const sampleRequestsTable = defineSyncedTable({
  name: 'sample_requests',
  entity: 'sample request',
  rowId: 'uuid',
  columns: z.object({
    factory_id: stored.reference(),
    visit_id: stored.nullable(stored.reference()),
    sku_id: stored.nullable(stored.reference()),
    item: stored.text(200, { required: true }),
    quantity: stored.int(1, MAX_REQUEST_QUANTITY),
    requested_on: stored.date(),
    promised_ship_date: stored.date(),
    shipped_on: stored.nullable(stored.date()),
    courier: stored.text(40),
    tracking_number: stored.text(60),
    received_on: stored.nullable(stored.date()),
    sample_id: stored.nullable(stored.reference()),
    notes: stored.text(2000),
  }),
})
