import { readFile } from 'node:fs/promises'
import { AppError, notFound } from '../api/errors'
import type { CoreContext } from '../api/context'
import { MAX_DOCUMENT_BYTES } from '../api/upload-limits'
import {
  inTransaction,
  insertRow,
  requireLiveReference,
  tombstoneRow,
  updateRow,
  type SyncedTableName,
} from '../write/write-path'
import {
  DocumentHashMismatch,
  documentFile,
  documentsRoot,
  hasDocumentFile,
  sha256Of,
  writeDocumentFile,
} from './document-files'
import { documentTypeOfName, sniffDocument, type SniffedDocument } from './document-sniff'
import { documentsTable } from './documents.columns'
import {
  DocumentSha256,
  MAX_FILE_NAME,
  type Document,
  type DocumentKind,
  type DocumentOwnerTable,
  type StoredDocumentFile,
} from './documents.contract'
import { findLiveDocument, listLiveDocuments, type DocumentRow } from './documents.repository'

function refused(messageKey: string, message: string, params?: Record<string, string | number>): AppError {
  return new AppError('validation', messageKey, message, [{ path: ['file'], messageKey, params }])
}

export function documentTooLarge(bytes: number): AppError {
  return new AppError(
    'payload_too_large',
    'errors.document.tooLarge',
    `document of ${bytes} bytes is over the limit`,
    [
      {
        path: ['file'],
        messageKey: 'errors.document.tooLarge',
        params: { maximumMb: MAX_DOCUMENT_BYTES / 2 ** 20 },
      },
    ],
  )
}

/** Keeps a file name displayable and short; the extension survives the cut. */
function cleanFileName(name: string): string {
  // Path parts a browser or OS may add, and control characters, are never part of the name shown.
  // eslint-disable-next-line no-control-regex
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim()
  if (base.length <= MAX_FILE_NAME) return base
  const ext = /\.[A-Za-z0-9]{1,8}$/.exec(base)?.[0] ?? ''
  return base.slice(0, MAX_FILE_NAME - ext.length) + ext
}

/** What the bytes are, checked against what the file's name says they are. */
function checkType(bytes: Uint8Array, fileName: string): SniffedDocument {
  const named = documentTypeOfName(fileName)
  if (!named) {
    throw refused('errors.document.unsupported', `${fileName}: only PDF, Excel (.xlsx, .xls), CSV and images`)
  }
  const sniffed = sniffDocument(bytes)
  if (!sniffed) {
    throw refused(
      'errors.document.unreadable',
      `${fileName}: the content is none of PDF, Excel, CSV or an image`,
      {
        named,
      },
    )
  }
  // A text file is taken for CSV only when it is called one: any binary file named .csv was refused above.
  if (sniffed.type !== named) {
    throw refused(
      'errors.document.typeMismatch',
      `${fileName} is named as ${named} but its content is ${sniffed.type}`,
      { named, actual: sniffed.type },
    )
  }
  return sniffed
}

/**
 * Stores uploaded bytes as a document file: within the size limit, content of the type the name
 * says, and — when the sender states the hash it computed — bytes that hash to it. Written under the
 * hash and checked again on disk (writeDocumentFile). Uploading the same file again stores nothing new.
 */
export async function uploadDocument(
  ctx: CoreContext,
  bytes: Uint8Array,
  input: { fileName: string; sha256?: string },
): Promise<StoredDocumentFile> {
  if (bytes.byteLength > MAX_DOCUMENT_BYTES) throw documentTooLarge(bytes.byteLength)
  if (bytes.byteLength === 0) throw refused('errors.document.empty', 'the file is empty')
  const fileName = cleanFileName(input.fileName)
  if (fileName === '') throw refused('errors.document.noName', 'a document needs its file name')
  const { type, mime } = checkType(bytes, fileName)
  const sha256 = sha256Of(bytes)
  if (input.sha256 !== undefined && input.sha256 !== sha256) {
    throw refused('errors.document.hashMismatch', `the bytes hash to ${sha256}, not ${input.sha256}`)
  }
  try {
    await writeDocumentFile(documentsRoot(ctx.app.dataDir), sha256, bytes)
  } catch (error) {
    if (error instanceof DocumentHashMismatch) throw refused('errors.document.hashMismatch', error.message)
    throw error
  }
  return { sha256, mime, type, bytes: bytes.byteLength, fileName }
}

async function toDocument(ctx: CoreContext, row: DocumentRow): Promise<Document> {
  return {
    id: row.id,
    sha256: row.sha256,
    mime: row.mime,
    type: typeOfMime(row.mime),
    bytes: row.bytes,
    fileName: row.file_name,
    kind: row.kind as DocumentKind,
    title: row.title,
    ownerTable: row.owner_table as DocumentOwnerTable,
    ownerId: row.owner_id,
    addedAt: row.created_at,
    available: await hasDocumentFile(documentsRoot(ctx.app.dataDir), row.sha256),
  }
}

function typeOfMime(mime: string): Document['type'] {
  if (mime === 'application/pdf') return 'pdf'
  if (mime === 'application/vnd.ms-excel') return 'xls'
  if (mime === 'text/csv') return 'csv'
  if (mime.startsWith('image/')) return 'image'
  return 'xlsx'
}

export async function listDocuments(
  ctx: CoreContext,
  owner: { ownerTable: DocumentOwnerTable; ownerId: string },
): Promise<Document[]> {
  const rows = await listLiveDocuments(ctx.db, owner)
  return Promise.all(rows.map((row) => toDocument(ctx, row)))
}

export async function getDocument(ctx: CoreContext, id: string): Promise<Document> {
  const row = await findLiveDocument(ctx.db, id)
  if (!row) throw notFound('document', id)
  return toDocument(ctx, row)
}

/**
 * Attaches a stored file to a live factory, quote or sample. The file must have been uploaded here
 * (its bytes on disk), and is sniffed again: the row's type is what the bytes are, whatever was said.
 */
export async function attachDocument(
  ctx: CoreContext,
  input: {
    sha256: string
    ownerTable: DocumentOwnerTable
    ownerId: string
    kind: DocumentKind
    title: string
    fileName: string
  },
): Promise<Document> {
  const root = documentsRoot(ctx.app.dataDir)
  if (!(await hasDocumentFile(root, input.sha256))) {
    throw new AppError('validation', 'errors.validation', `no uploaded file ${input.sha256}`, [
      { path: ['sha256'], messageKey: 'errors.document.notUploaded' },
    ])
  }
  const bytes = await readFile(documentFile(root, input.sha256))
  const fileName = cleanFileName(input.fileName)
  const { mime } = checkType(bytes, fileName)
  const id = await inTransaction(ctx.db, async (trx) => {
    // Owner tables are a closed list in the contract; each is a synced table.
    await requireLiveReference(trx, input.ownerTable as SyncedTableName, input.ownerId, ['ownerId'])
    return insertRow(trx, ctx.write, documentsTable, {
      sha256: input.sha256,
      mime,
      bytes: bytes.byteLength,
      file_name: fileName,
      kind: input.kind,
      title: input.title,
      owner_table: input.ownerTable,
      owner_id: input.ownerId,
    })
  })
  return getDocument(ctx, id)
}

export async function updateDocument(
  ctx: CoreContext,
  input: { id: string; kind?: DocumentKind; title?: string },
): Promise<Document> {
  const values = {
    ...(input.kind !== undefined && { kind: input.kind }),
    ...(input.title !== undefined && { title: input.title }),
  }
  await inTransaction(ctx.db, (trx) => updateRow(trx, ctx.write, documentsTable, input.id, values))
  return getDocument(ctx, input.id)
}

/** Removes a document from its record (a tombstone, listed in the Trash); the file stays. */
export async function deleteDocument(ctx: CoreContext, id: string): Promise<void> {
  await inTransaction(ctx.db, (trx) => tombstoneRow(trx, ctx.write, documentsTable, id))
}

/** The file of a live document with its type and name, or null (unknown id, or not fetched yet). */
export async function documentFileOf(
  ctx: CoreContext,
  id: string,
): Promise<{ path: string; mime: string; fileName: string; bytes: number } | null> {
  if (!/^[0-9a-f-]{36}$/.test(id)) return null
  const row = await findLiveDocument(ctx.db, id)
  if (!row || !DocumentSha256.safeParse(row.sha256).success) return null
  const root = documentsRoot(ctx.app.dataDir)
  if (!(await hasDocumentFile(root, row.sha256))) return null
  return { path: documentFile(root, row.sha256), mime: row.mime, fileName: row.file_name, bytes: row.bytes }
}
