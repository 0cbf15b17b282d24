import { z } from 'zod'
import { defineSyncedTable, stored } from '../write/stored-columns'
import { CERTIFICATE_KINDS } from './certificates.contract'

/** A factory's certificate as every writer stores it; limits as the contract's. */
export const certificatesTable = defineSyncedTable({
  name: 'certificates',
  entity: 'certificate',
  rowId: 'uuid',
  columns: z.object({
    factory_id: stored.reference(),
    kind: stored.oneOf(CERTIFICATE_KINDS),
    kind_other: stored.text(60),
    number: stored.text(100),
    issuer: stored.text(100),
    valid_from: stored.nullable(stored.date()),
    valid_to: stored.nullable(stored.date()),
    scan_document_id: stored.nullable(stored.reference()),
    notes: stored.text(1000),
  }),
})
