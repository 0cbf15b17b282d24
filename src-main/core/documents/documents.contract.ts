import { z } from 'zod'
import { defineCalls } from '../api/define'

/**
 * Documents attached to factories, quotes and samples: the factory's price sheet, business licence,
 * test reports, a certificate's scan. The bytes travel outside the JSON API like photos' (HTTP POST
 * /upload/document?name=…&sha256=…, IPC document:upload) and are stored by their SHA-256; these calls
 * then attach the stored file to a record with a kind and title. Reading a file back: HTTP GET
 * /documents/<id>, IPC document:read.
 */

export { MAX_DOCUMENT_BYTES } from '../api/upload-limits'

/** Records a document can be attached to. */
export const DOCUMENT_OWNER_TABLES = ['factories', 'quotes', 'samples'] as const
export const DocumentOwnerTable = z.enum(DOCUMENT_OWNER_TABLES)
export type DocumentOwnerTable = z.infer<typeof DocumentOwnerTable>

/** What a document is to the buyer. */
export const DOCUMENT_KINDS = [
  'price_sheet',
  'business_licence',
  'test_report',
  'certificate',
  'contract',
  'other',
] as const
export const DocumentKind = z.enum(DOCUMENT_KINDS)
export type DocumentKind = z.infer<typeof DocumentKind>

/** Content types of a document, as sniffed from its bytes (document-sniff.ts). */
export const DocumentType = z.enum(['pdf', 'xlsx', 'xls', 'csv', 'image'])

/** A file's content hash: SHA-256, 64 lower-case hex characters. */
export const DocumentSha256 = z.string().regex(/^[0-9a-f]{64}$/, 'errors.document.hash')

/** Longest file name kept (longer ones are cut, keeping the extension). */
export const MAX_FILE_NAME = 200

/** A stored file, as the upload route answers it: attach it to a record next. */
export const StoredDocumentFile = z.object({
  sha256: z.string(),
  mime: z.string(),
  type: DocumentType,
  bytes: z.number().int(),
  fileName: z.string(),
})
export type StoredDocumentFile = z.infer<typeof StoredDocumentFile>

export const Document = z.object({
  id: z.string(),
  sha256: z.string(),
  mime: z.string(),
  type: DocumentType,
  bytes: z.number().int(),
  fileName: z.string(),
  kind: DocumentKind,
  title: z.string(),
  ownerTable: DocumentOwnerTable,
  ownerId: z.string(),
  /** When it was attached (ISO time). */
  addedAt: z.string(),
  /** Its file is on this laptop (false until sync has fetched one attached elsewhere). */
  available: z.boolean(),
})
export type Document = z.infer<typeof Document>

const id = z.uuid('errors.id.invalid')
const title = z.string().trim().max(200, 'errors.tooLong')
const owner = { ownerTable: DocumentOwnerTable, ownerId: id }

export const documentCalls = defineCalls({
  'documents.list': {
    summary: "Lists a factory's, quote's or sample's documents, newest first.",
    input: z.object(owner).strict(),
    output: z.object({ items: z.array(Document) }),
  },
  'documents.get': {
    summary: 'One document by id (deleted ones are not found).',
    input: z.object({ id }).strict(),
    output: Document,
  },
  'documents.attach': {
    summary:
      'Attaches an uploaded file (by its SHA-256, from POST /upload/document) to a factory, quote or ' +
      'sample with a kind and title; the file name must fit what the file is.',
    input: z
      .object({
        sha256: DocumentSha256,
        ...owner,
        kind: DocumentKind.default('other'),
        title: title.default(''),
        fileName: z.string().trim().min(1, 'errors.required').max(255, 'errors.tooLong'),
      })
      .strict(),
    output: Document,
  },
  'documents.update': {
    summary: "Changes a document's kind or title.",
    input: z.object({ id, kind: DocumentKind.optional(), title: title.optional() }).strict(),
    output: Document,
  },
  'documents.delete': {
    summary: 'Removes a document from its record (to the Trash, restorable); the file stays.',
    input: z.object({ id }).strict(),
    output: z.object({ id: z.string() }),
  },
})
