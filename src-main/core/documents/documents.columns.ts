import { z } from 'zod'
import { MAX_DOCUMENT_BYTES } from '../api/upload-limits'
import { defineSyncedTable, stored } from '../write/stored-columns'
import { DOCUMENT_MIMES } from './document-sniff'
import { DOCUMENT_KINDS, DOCUMENT_OWNER_TABLES } from './documents.contract'

/** A document as stored: the row syncs as messages, its file (named by `sha256`) as a blob after them. */
export const documentsTable = defineSyncedTable({
  name: 'documents',
  entity: 'document',
  rowId: 'uuid',
  columns: z.object({
    sha256: stored.matching(/^[0-9a-f]{64}$/, '0'.repeat(64)),
    mime: stored.oneOf(DOCUMENT_MIMES),
    bytes: stored.int(1, MAX_DOCUMENT_BYTES),
    file_name: stored.text(255, { required: true }),
    kind: stored.oneOf(DOCUMENT_KINDS),
    title: stored.text(200),
    owner_table: stored.oneOf(DOCUMENT_OWNER_TABLES),
    owner_id: stored.reference(),
  }),
})
