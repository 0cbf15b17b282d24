import { z } from 'zod'
import { defineCalls } from '../api/define'

/**
 * Importing factories and samples from the spreadsheets buyers keep (.xlsx, or .csv in UTF-8 or GBK).
 * The file's bytes arrive on a binary route (HTTP POST /upload/import, IPC uploadImport) and are held in
 * memory under an import id; nothing is written until `imports.commit`, which writes every row in one
 * transaction or none of them.
 */

export { MAX_IMPORT_BYTES } from '../api/upload-limits'
/** Most data rows one import takes. */
export const MAX_IMPORT_ROWS = 50_000
/** Rows a preview returns besides the bad ones (the rest are counted, not sent). */
export const PREVIEW_ROWS = 100
/** Most bad rows a preview returns in full. */
export const PREVIEW_BAD_ROWS = 500

export const IMPORT_KINDS = ['factories', 'samples'] as const
export const ImportKind = z.enum(IMPORT_KINDS)
export type ImportKind = z.infer<typeof ImportKind>

export const FACTORY_IMPORT_FIELDS = [
  'name',
  'creditCode',
  'shopId',
  'province',
  'city',
  'address',
  'industrialBelt',
  'categories',
  'oemBrands',
  'certifications',
  'capacity',
  'contactName',
  'contactRole',
  'contactPhone',
  'contactWechat',
  'status',
  'notes',
] as const
export type FactoryImportField = (typeof FACTORY_IMPORT_FIELDS)[number]

export const SAMPLE_IMPORT_FIELDS = [
  'name',
  'factory',
  'sku',
  'category',
  'categoryOverrideReason',
  'source',
  'status',
  'storageLocation',
  'specs',
  'by',
  'notes',
] as const
export type SampleImportField = (typeof SAMPLE_IMPORT_FIELDS)[number]

export type ImportField = FactoryImportField | SampleImportField

/** The fields a column can be read as, per kind (the synonyms of their headers are in import-fields.ts). */
export const IMPORT_FIELDS: Record<ImportKind, readonly ImportField[]> = {
  factories: FACTORY_IMPORT_FIELDS,
  samples: SAMPLE_IMPORT_FIELDS,
}

/** Fields without which no row can be valid; the mapping must name a column for each. */
export const REQUIRED_IMPORT_FIELDS: Record<ImportKind, readonly ImportField[]> = {
  factories: ['name'],
  samples: ['name', 'factory'],
}

export const IMPORT_FORMATS = ['xlsx', 'csv'] as const
/** How a CSV's bytes were read: UTF-8 (with or without BOM), GB18030 (a superset of GBK), UTF-16. */
export const IMPORT_ENCODINGS = ['utf-8', 'utf-8-bom', 'gb18030', 'utf-16le', 'utf-16be'] as const
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number]

const ImportId = z.uuid('errors.id.invalid')
/** The field a column holds (see import-fields.ts), or null to ignore the column. */
const MappedField = z.string().max(40).nullable()

/** What the upload route answers: the file as read, before any mapping. */
export const ImportUpload = z.object({
  importId: z.string(),
  fileName: z.string(),
  format: z.enum(IMPORT_FORMATS),
  /** null for .xlsx (the format fixes the encoding). */
  encoding: z.enum(IMPORT_ENCODINGS).nullable(),
  /** The worksheet read (.xlsx: the first with data). */
  sheetName: z.string().nullable(),
  /** The header row's texts, one per column. */
  headers: z.array(z.string()),
  /** Data rows (blank rows are skipped). */
  rowCount: z.number().int(),
})
export type ImportUpload = z.infer<typeof ImportUpload>

/** One problem in one cell (or, with column null, in the row as a whole). */
export const CellError = z.object({
  /** Index into the headers; null when no column holds the field. */
  column: z.number().int().nullable(),
  /** The field the problem is about. */
  field: z.string(),
  /** i18n key of the message. */
  messageKey: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
})
export type CellError = z.infer<typeof CellError>

export const PreviewRow = z.object({
  /** The row number Excel shows (the header is usually row 1). */
  rowNumber: z.number().int(),
  cells: z.array(z.string()),
  errors: z.array(CellError),
})
export type PreviewRow = z.infer<typeof PreviewRow>

export const ImportPreview = z.object({
  importId: z.string(),
  kind: ImportKind,
  headers: z.array(z.string()),
  /** The field each column is read as (the suggestion, or the mapping given). */
  mapping: z.array(MappedField),
  /** Problems with the mapping itself (a required field without a column, a field mapped twice). */
  mappingErrors: z.array(CellError),
  total: z.number().int(),
  good: z.number().int(),
  bad: z.number().int(),
  /** The first rows and every bad row (up to a cap), in file order. */
  rows: z.array(PreviewRow),
})
export type ImportPreview = z.infer<typeof ImportPreview>

export const IMPORT_STATES = ['idle', 'running', 'done', 'cancelled', 'failed'] as const
export const ImportProgress = z.object({
  state: z.enum(IMPORT_STATES),
  /** Rows written so far in the running transaction (rolled back unless it commits). */
  done: z.number().int(),
  /** Rows to write. */
  total: z.number().int(),
})
export type ImportProgress = z.infer<typeof ImportProgress>

const mappingInput = {
  importId: ImportId,
  kind: ImportKind,
  /** One entry per column; omitted, the suggested mapping is used. */
  mapping: z.array(MappedField).max(500).optional(),
}

export const importCalls = defineCalls({
  'imports.preview': {
    summary:
      'Validates every row of an uploaded spreadsheet with the same rules as the forms and returns the ' +
      'column mapping, counts and per-cell errors; writes nothing.',
    input: z.object(mappingInput).strict(),
    output: ImportPreview,
  },
  'imports.commit': {
    summary:
      'Writes every row in one transaction (all or nothing); refused while a row not excluded has errors. ' +
      'Answers when done or cancelled; poll imports.progress meanwhile.',
    input: z
      .object({
        ...mappingInput,
        /** Row numbers (as in the preview) the user chose to leave out. */
        excludedRows: z.array(z.number().int().min(1)).max(100_000).default([]),
      })
      .strict(),
    output: z.object({
      outcome: z.enum(['imported', 'cancelled']),
      /** Rows written (0 when cancelled). */
      imported: z.number().int(),
    }),
  },
  'imports.progress': {
    summary: 'The progress of a running commit; reads no database, so it answers during the import.',
    input: z.object({ importId: ImportId }).strict(),
    output: ImportProgress,
  },
  'imports.cancel': {
    summary: 'Asks a running commit to stop; its transaction rolls back and nothing is written.',
    input: z.object({ importId: ImportId }).strict(),
    output: z.object({ cancelling: z.boolean() }),
  },
  'imports.discard': {
    summary: 'Forgets an uploaded spreadsheet (it is also forgotten an hour after its last use).',
    input: z.object({ importId: ImportId }).strict(),
    output: z.object({ importId: z.string() }),
  },
})
