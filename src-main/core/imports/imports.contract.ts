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

export const IMPORT_KINDS = ['factories', 'samples', 'quotes'] as const
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

/** A factory's price list: one row per price tier; rows of one product and pack make one quote. */
export const QUOTE_IMPORT_FIELDS = [
  'product',
  'packSpec',
  'fromPacks',
  'price',
  'vat',
  'freight',
  'currency',
  'quoteDate',
  'validUntil',
  'leadTimeDays',
  'notes',
] as const
export type QuoteImportField = (typeof QUOTE_IMPORT_FIELDS)[number]

export type ImportField = FactoryImportField | SampleImportField | QuoteImportField

/** The fields a column can be read as, per kind (the synonyms of their headers are in import-fields.ts). */
export const IMPORT_FIELDS: Record<ImportKind, readonly ImportField[]> = {
  factories: FACTORY_IMPORT_FIELDS,
  samples: SAMPLE_IMPORT_FIELDS,
  quotes: QUOTE_IMPORT_FIELDS,
}

/** Fields without which no row can be valid; the mapping must name a column for each. */
export const REQUIRED_IMPORT_FIELDS: Record<ImportKind, readonly ImportField[]> = {
  factories: ['name'],
  samples: ['name', 'factory'],
  quotes: ['packSpec', 'price'],
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
  /** The row taken as the header (title and note rows above it are skipped); the preview can change it. */
  headerRow: z.number().int(),
  /** The header row's texts, one per column. */
  headers: z.array(z.string()),
  /** Data rows below the header (blank rows are skipped). */
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

/** What a duplicate row may become; 'skip' unless the buyer chooses. */
export const DUPLICATE_ACTIONS = ['skip', 'update', 'add'] as const
export const DuplicateAction = z.enum(DUPLICATE_ACTIONS)
export type DuplicateAction = z.infer<typeof DuplicateAction>

/**
 * A row that names a factory already there: a live factory (factoryId) or an earlier row of the file
 * (row), by the same credit code or the same name and city.
 */
export const Duplicate = z.object({
  by: z.enum(['creditCode', 'nameCity']),
  /** The live factory it matches; null when it repeats an earlier row of the file. */
  factoryId: z.string().nullable(),
  factoryName: z.string(),
  /** The earlier row it repeats; null when it matches a live factory. */
  row: z.number().int().nullable(),
  /** What the buyer may choose: update only for a live factory, add only for a name + city match. */
  actions: z.array(DuplicateAction),
})
export type Duplicate = z.infer<typeof Duplicate>

export const PreviewRow = z.object({
  /** The row number Excel shows. */
  rowNumber: z.number().int(),
  cells: z.array(z.string()),
  errors: z.array(CellError),
  /** Set when the row names a factory already there (factory imports only). */
  duplicate: Duplicate.nullable().default(null),
})
export type PreviewRowInput = z.input<typeof PreviewRow>

/** Rows the import leaves out, and why: above the header (titles, notes), blank, or a note below. */
export const SkippedRows = z.object({
  from: z.number().int(),
  to: z.number().int(),
  reason: z.enum(['aboveHeader', 'blank', 'note']),
})
export type SkippedRows = z.infer<typeof SkippedRows>

/** A row the header picker offers: its number and texts. */
export const HeaderCandidate = z.object({ rowNumber: z.number().int(), cells: z.array(z.string()) })
export type PreviewRow = z.infer<typeof PreviewRow>

export const ImportPreview = z.object({
  importId: z.string(),
  kind: ImportKind,
  /** The row read as the header: the one found, or the one asked for. */
  headerRow: z.number().int(),
  /** The first rows of the sheet, any of which may be picked as the header. */
  headerCandidates: z.array(HeaderCandidate),
  /** Rows left out (titles and notes above the header, blank rows, notes below the data). */
  skipped: z.array(SkippedRows),
  headers: z.array(z.string()),
  /** The field each column is read as (the suggestion, or the mapping given). */
  mapping: z.array(MappedField),
  /** Problems with the mapping itself (a required field without a column, a field mapped twice). */
  mappingErrors: z.array(CellError),
  total: z.number().int(),
  /** Rows without errors, duplicates included. */
  good: z.number().int(),
  bad: z.number().int(),
  /** Good rows that name a factory already there (each shown, with its choices). */
  duplicates: z.number().int(),
  /** Quotes the rows make (quote imports: one per product and pack, its rows as tiers). */
  quotes: z.number().int(),
  /** The first rows, every bad row and every duplicate (up to a cap), in file order. */
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

/** Where a quote sheet's quotes go: one SKU and factory, chosen in the import dialog. */
export const QuoteImportTarget = z
  .object({ skuId: z.uuid('errors.id.invalid'), factoryId: z.uuid('errors.id.invalid') })
  .strict()
export type QuoteImportTarget = z.infer<typeof QuoteImportTarget>

const mappingInput = {
  importId: ImportId,
  kind: ImportKind,
  /** The header's row number; omitted, the row found is used. A new header resets the mapping. */
  headerRow: z.number().int().min(1).optional(),
  /** One entry per column; omitted, the suggested mapping is used. */
  mapping: z.array(MappedField).max(500).optional(),
  /** Quote imports: the SKU and factory the quotes are for (required for them). */
  target: QuoteImportTarget.optional(),
}

const needsTarget = (input: { kind: ImportKind; target?: QuoteImportTarget }) =>
  input.kind !== 'quotes' || input.target !== undefined
const targetRequired = { message: 'errors.required', path: ['target'] }

export const importCalls = defineCalls({
  'imports.preview': {
    summary:
      'Validates every row of an uploaded spreadsheet with the same rules as the forms and returns the ' +
      'header row found (and the rows it skipped), the column mapping, counts, per-cell errors and the ' +
      'rows that duplicate a factory already there; writes nothing. The file comes from POST ' +
      '/upload/import (see Binary routes).',
    input: z.object(mappingInput).strict().refine(needsTarget, targetRequired),
    output: ImportPreview,
  },
  'imports.commit': {
    summary:
      'Writes every row in one transaction (all or nothing); refused while a row not excluded has errors. ' +
      'Rows are checked again against the database inside the transaction: a factory added since the ' +
      'preview makes the commit refuse (conflict) rather than write it twice. Duplicates are skipped, ' +
      'updated (imported non-empty fields merged in) or added as the buyer chose. Answers when done or ' +
      'cancelled; poll imports.progress meanwhile.',
    input: z
      .object({
        ...mappingInput,
        /** Row numbers (as in the preview) the user chose to leave out. */
        excludedRows: z.array(z.number().int().min(1)).max(100_000).default([]),
        /** What to do with each duplicate row (by row number); a duplicate not named is skipped. */
        duplicates: z
          .array(z.object({ row: z.number().int().min(1), action: DuplicateAction }).strict())
          .max(100_000)
          .default([]),
      })
      .strict()
      .refine(needsTarget, targetRequired),
    output: z.object({
      outcome: z.enum(['imported', 'cancelled']),
      /** Records written: new ones and updated ones (0 when cancelled). */
      imported: z.number().int(),
      /** Existing factories updated from duplicate rows. */
      updated: z.number().int(),
      /** Duplicate rows left out. */
      skipped: z.number().int(),
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
