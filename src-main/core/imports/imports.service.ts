import type { Transaction } from 'kysely'
import type { CoreContext } from '../api/context'
import { AppError } from '../api/errors'
import type { DB } from '../db/schema'
import type { FactoryValues } from '../factories/factories.contract'
import { insertFactories, readFactory, writeFactoryUpdate } from '../factories/factories.service'
import { insertQuote } from '../quotes/quotes.service'
import type { SampleCreateValues } from '../samples/samples.contract'
import { insertSample } from '../samples/samples.service'
import { inTransaction } from '../write/write-path'
import { detectHeaderRow, headerCandidates, viewAt, type TableView } from './header-row'
import { duplicateSignature, findDuplicates, mergeIntoFactory } from './import-duplicates'
import { knownHeaderCells, suggestMapping } from './import-fields'
import { groupQuotes, validateQuoteRows, type QuoteRowValues } from './import-quotes'
import {
  columnsOf,
  mappingProblems,
  validateFactoryRows,
  validateSampleRows,
  type RowOutcome,
  type SampleLookups,
} from './import-rows'
import type { ImportSession } from './import-sessions'
import {
  PREVIEW_BAD_ROWS,
  PREVIEW_ROWS,
  type CellError,
  type Duplicate,
  type DuplicateAction,
  type ImportKind,
  type ImportPreview,
  type ImportProgress,
  type ImportUpload,
  type QuoteImportTarget,
} from './imports.contract'
import { excludedCategoryNames, liveFactoryKeys, liveFactoryNames, liveSkuNames } from './imports.repository'
import { readTable } from './read-table'

/**
 * Import: upload (read the file, keep it in memory), preview (find the header row, validate every row,
 * find duplicates; write nothing), commit (check the rows against the database again and write them in
 * one transaction, or none). The commit yields to the event loop between batches so the host keeps
 * answering imports.progress (which reads only memory) and imports.cancel, whose flag makes the next
 * batch throw and the transaction roll back.
 */

/** Rows written between two looks at the cancel flag (and two progress updates). */
const COMMIT_BATCH = 250

type ValidatedRows = RowOutcome<unknown>[]

interface Validation {
  key: string
  view: TableView
  mapping: (string | null)[]
  mappingErrors: CellError[]
  rows: ValidatedRows
  /** The row's column of the status field had a word (a factory update changes status only then). */
  statusGiven: ReadonlySet<number>
}

/** What preview and commit take besides the import id. */
interface ImportRequest {
  kind: ImportKind
  headerRow?: number
  mapping?: (string | null)[]
  target?: QuoteImportTarget
}

class Cancelled extends Error {}

export async function uploadImport(
  ctx: CoreContext,
  bytes: Uint8Array,
  fileName: string,
): Promise<ImportUpload> {
  const table = await readTable(bytes)
  // The kind is chosen later; any kind's field names tell a header here.
  const view = viewAt(
    table,
    detectHeaderRow(table, (cells) => knownHeaderCells(null, cells)),
  )
  const session = ctx.imports.add(fileName, table)
  return {
    importId: session.id,
    fileName,
    format: table.format,
    encoding: table.encoding,
    sheetName: table.sheetName,
    headerRow: view.headerRow,
    headers: view.headers,
    rowCount: view.rows.length,
  }
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const k = key(item)
    const group = groups.get(k)
    if (group) group.push(item)
    else groups.set(k, [item])
  }
  return groups
}

async function sampleLookups(ctx: CoreContext): Promise<SampleLookups> {
  const [factories, skus, excludedCategories] = await Promise.all([
    liveFactoryNames(ctx.db),
    liveSkuNames(ctx.db),
    excludedCategoryNames(ctx.db),
  ])
  return {
    factoriesByName: new Map(
      [...groupBy(factories, (f) => f.name.trim())].map(([name, rows]) => [name, rows.map((r) => r.id)]),
    ),
    skusByName: groupBy(skus, (s) => s.name.trim()),
    excludedCategories,
  }
}

async function validate(
  ctx: CoreContext,
  session: ImportSession,
  request: ImportRequest,
): Promise<Validation> {
  const { kind } = request
  const headerRow =
    request.headerRow ?? detectHeaderRow(session.table, (cells) => knownHeaderCells(kind, cells))
  const view = viewAt(session.table, headerRow)
  const mapping = request.mapping ?? suggestMapping(kind, view.headers)
  const key = JSON.stringify([kind, headerRow, mapping, request.target ?? null])
  if (session.validated?.key === key) return session.validated.value as Validation
  const mappingErrors = mappingProblems(kind, view.headers.length, mapping)
  let rows: ValidatedRows = []
  const statusGiven = new Set<number>()
  if (mappingErrors.length === 0) {
    const columns = columnsOf(mapping)
    switch (kind) {
      case 'factories': {
        rows = validateFactoryRows(view.rows, columns)
        const status = columns.get('status')
        if (status !== undefined) {
          for (const row of view.rows) if (row.cells[status] !== '') statusGiven.add(row.rowNumber)
        }
        break
      }
      case 'samples':
        rows = validateSampleRows(view.rows, columns, await sampleLookups(ctx))
        break
      case 'quotes':
        rows = validateQuoteRows(view.rows, view.headers, columns, request.target as QuoteImportTarget)
        break
      default:
        assertNever(kind)
    }
  }
  const validation: Validation = { key, view, mapping, mappingErrors, rows, statusGiven }
  session.validated = { key, value: validation }
  return validation
}

function assertNever(value: never): never {
  throw new Error(`unhandled import kind ${JSON.stringify(value)}`)
}

/** The duplicates of a factory import's rows, as the given connection (or transaction) sees the factories. */
async function duplicatesOf(
  db: CoreContext['db'] | Transaction<DB>,
  validation: Validation,
): Promise<Map<number, Duplicate>> {
  return findDuplicates(validation.rows as RowOutcome<FactoryValues>[], await liveFactoryKeys(db))
}

const signatures = (duplicates: ReadonlyMap<number, Duplicate>) =>
  new Map([...duplicates].map(([row, d]) => [row, duplicateSignature(d)]))

export async function previewImport(
  ctx: CoreContext,
  input: { importId: string } & ImportRequest,
): Promise<ImportPreview> {
  const session = ctx.imports.get(input.importId)
  const validation = await validate(ctx, session, input)
  const { view, mapping, mappingErrors, rows } = validation
  const duplicates =
    input.kind === 'factories' && mappingErrors.length === 0
      ? await duplicatesOf(ctx.db, validation)
      : new Map<number, Duplicate>()
  session.previewed = { key: validation.key, duplicates: signatures(duplicates) }
  const bad = rows.filter((r) => r.values === null).length
  const notable = new Set(
    rows
      .filter((r) => r.values === null || duplicates.has(r.rowNumber))
      .slice(0, PREVIEW_BAD_ROWS)
      .map((r) => r.rowNumber),
  )
  const cellsOf = new Map(view.rows.map((r) => [r.rowNumber, r.cells]))
  const shown = rows.filter((r, index) => index < PREVIEW_ROWS || notable.has(r.rowNumber))
  const previewRows =
    mappingErrors.length > 0
      ? view.rows.slice(0, PREVIEW_ROWS).map((r) => ({ ...r, errors: [], duplicate: null }))
      : shown.map((r) => ({
          rowNumber: r.rowNumber,
          cells: cellsOf.get(r.rowNumber) ?? [],
          errors: r.errors,
          duplicate: duplicates.get(r.rowNumber) ?? null,
        }))
  return {
    importId: session.id,
    kind: input.kind,
    headerRow: view.headerRow,
    headerCandidates: headerCandidates(session.table),
    skipped: view.skipped,
    headers: view.headers,
    mapping,
    mappingErrors,
    total: view.rows.length,
    good: rows.length - bad,
    bad,
    duplicates: duplicates.size,
    quotes:
      input.kind === 'quotes' && mappingErrors.length === 0
        ? groupQuotes(rows as RowOutcome<QuoteRowValues>[]).length
        : 0,
    rows: previewRows,
  }
}

function refuse(
  code: 'validation' | 'conflict',
  messageKey: string,
  message: string,
  params?: CellError['params'],
) {
  return new AppError(code, messageKey, message, [{ path: [], messageKey, params }])
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}

/** An error of the write path on one row, said with the row number the user sees. */
function rowFailure(error: AppError, rowNumber: number): AppError {
  return new AppError(
    error.code === 'internal' ? 'internal' : 'validation',
    'errors.import.rowFailed',
    `row ${rowNumber}: ${error.message}`,
    [
      { path: [], messageKey: 'errors.import.rowFailed', params: { row: rowNumber } },
      ...error.fields.map((f) => ({ ...f, path: ['rows', rowNumber, ...f.path] })),
    ],
  )
}

/** What a factory commit does with each included row. */
interface FactoryPlan {
  inserts: RowOutcome<FactoryValues>[]
  updates: { row: RowOutcome<FactoryValues>; factoryId: string }[]
  skipped: number
}

/**
 * Checks the rows against the factories as the commit's transaction sees them: a row that names a
 * factory added (or removed) since the preview refuses the whole commit, so nothing is written twice;
 * every duplicate gets the buyer's choice (skip when none was made).
 */
async function planFactories(
  trx: Transaction<DB>,
  validation: Validation,
  included: RowOutcome<unknown>[],
  previewed: ReadonlyMap<number, string>,
  decisions: ReadonlyMap<number, DuplicateAction>,
): Promise<FactoryPlan> {
  const now = await duplicatesOf(trx, validation)
  const changed = included.filter(
    (r) => duplicateSignature(now.get(r.rowNumber)) !== (previewed.get(r.rowNumber) ?? 'new'),
  )
  const first = changed[0]
  if (first) {
    const duplicate = now.get(first.rowNumber)
    throw refuse(
      'conflict',
      'errors.import.changedSinceCheck',
      `row ${first.rowNumber}: the factories changed since the preview (${changed.length} rows)`,
      { row: first.rowNumber, count: changed.length, name: duplicate?.factoryName ?? '' },
    )
  }
  const plan: FactoryPlan = { inserts: [], updates: [], skipped: 0 }
  for (const row of included as RowOutcome<FactoryValues>[]) {
    const duplicate = now.get(row.rowNumber)
    if (!duplicate) {
      plan.inserts.push(row)
      continue
    }
    const action = decisions.get(row.rowNumber) ?? 'skip'
    if (!duplicate.actions.includes(action)) {
      throw refuse(
        'validation',
        'errors.import.duplicateAction',
        `row ${row.rowNumber} cannot be "${action}"`,
        { row: row.rowNumber },
      )
    }
    if (action === 'skip') plan.skipped++
    else if (action === 'add') plan.inserts.push(row)
    else plan.updates.push({ row, factoryId: duplicate.factoryId as string })
  }
  return plan
}

type CommitResult = { outcome: 'imported' | 'cancelled'; imported: number; updated: number; skipped: number }

export async function commitImport(
  ctx: CoreContext,
  input: {
    importId: string
    excludedRows: number[]
    duplicates: { row: number; action: DuplicateAction }[]
  } & ImportRequest,
): Promise<CommitResult> {
  const session = ctx.imports.get(input.importId)
  if (session.progress.state === 'running') {
    throw refuse('conflict', 'errors.import.busy', 'this spreadsheet is being imported')
  }
  if (session.progress.state === 'done') {
    throw refuse('conflict', 'errors.import.committed', 'this spreadsheet was imported already')
  }
  const validation = await validate(ctx, session, input)
  const { mappingErrors, rows } = validation
  if (mappingErrors.length > 0) {
    throw refuse('validation', 'errors.import.mapping', 'the column mapping has problems')
  }
  const excluded = new Set(input.excludedRows)
  const included = rows.filter((r) => !excluded.has(r.rowNumber))
  const bad = included.filter((r) => r.values === null)
  if (bad.length > 0) {
    throw refuse('validation', 'errors.import.badRows', `${bad.length} rows have errors`, {
      count: bad.length,
      row: bad[0]?.rowNumber ?? 0,
    })
  }
  if (included.length === 0) throw refuse('validation', 'errors.import.nothing', 'every row is excluded')
  // What the buyer saw; a commit without a preview of these rows compares with the database now.
  const previewed =
    session.previewed?.key === validation.key
      ? session.previewed.duplicates
      : input.kind === 'factories'
        ? signatures(await duplicatesOf(ctx.db, validation))
        : new Map<number, string>()
  const decisions = new Map(input.duplicates.map((d) => [d.row, d.action]))

  const progress: ImportProgress = { state: 'running', done: 0, total: included.length }
  session.progress = progress
  session.cancelRequested = false
  const step = async (done: number) => {
    progress.done = done
    await yieldToEventLoop()
    if (session.cancelRequested) throw new Cancelled()
  }
  let counts = { imported: 0, updated: 0, skipped: 0 }
  try {
    counts = await inTransaction(ctx.db, async (trx) => {
      const written = await writeRows(trx, ctx, input.kind, validation, included, previewed, decisions, step)
      // A cancel that arrived during the last batch still wins: nothing is committed yet.
      await step(progress.total)
      return written
    })
  } catch (error) {
    if (error instanceof Cancelled) {
      session.progress = { state: 'cancelled', done: 0, total: progress.total }
      return { outcome: 'cancelled', imported: 0, updated: 0, skipped: 0 }
    }
    session.progress = { state: 'failed', done: 0, total: progress.total }
    // A refusal because the factories changed: the next preview shows the new duplicates.
    if (error instanceof AppError && error.messageKey === 'errors.import.changedSinceCheck') {
      session.previewed = null
    }
    throw error
  }
  session.progress = { state: 'done', done: progress.total, total: progress.total }
  return { outcome: 'imported', ...counts }
}

/** Every write of a commit, in its transaction; `step` reports progress and throws on cancel. */
async function writeRows(
  trx: Transaction<DB>,
  ctx: CoreContext,
  kind: ImportKind,
  validation: Validation,
  included: RowOutcome<unknown>[],
  previewed: ReadonlyMap<number, string>,
  decisions: ReadonlyMap<number, DuplicateAction>,
  step: (done: number) => Promise<void>,
): Promise<{ imported: number; updated: number; skipped: number }> {
  switch (kind) {
    case 'factories': {
      const plan = await planFactories(trx, validation, included, previewed, decisions)
      // Factories go in multi-row batches; updates one by one through the factories' write path.
      for (let start = 0; start < plan.inserts.length; start += COMMIT_BATCH) {
        await step(start)
        const batch = plan.inserts.slice(start, start + COMMIT_BATCH)
        await insertFactories(
          trx,
          ctx,
          batch.map((r) => r.values as FactoryValues),
        )
      }
      for (const [index, { row, factoryId }] of plan.updates.entries()) {
        if (index % COMMIT_BATCH === 0) await step(plan.inserts.length + index)
        const existing = await readFactory(trx, factoryId)
        const merged = mergeIntoFactory(
          existing,
          row.values as FactoryValues,
          validation.statusGiven.has(row.rowNumber),
        )
        try {
          await writeFactoryUpdate(trx, ctx, factoryId, merged)
        } catch (error) {
          throw error instanceof AppError ? rowFailure(error, row.rowNumber) : error
        }
      }
      return {
        imported: plan.inserts.length + plan.updates.length,
        updated: plan.updates.length,
        skipped: plan.skipped,
      }
    }
    case 'samples': {
      // One by one: each takes the next code of this device and checks its references in the transaction.
      for (const [index, row] of included.entries()) {
        if (index % COMMIT_BATCH === 0) await step(index)
        try {
          await insertSample(trx, ctx, row.values as SampleCreateValues)
        } catch (error) {
          throw error instanceof AppError ? rowFailure(error, row.rowNumber) : error
        }
      }
      return { imported: included.length, updated: 0, skipped: 0 }
    }
    case 'quotes': {
      const quotes = groupQuotes(included as RowOutcome<QuoteRowValues>[])
      let done = 0
      for (const quote of quotes) {
        await step(done)
        try {
          await insertQuote(trx, ctx, quote.values)
        } catch (error) {
          throw error instanceof AppError ? rowFailure(error, quote.rows[0] ?? 0) : error
        }
        done += quote.rows.length
      }
      return { imported: quotes.length, updated: 0, skipped: 0 }
    }
    default:
      return assertNever(kind)
  }
}

export function importProgress(ctx: CoreContext, importId: string): ImportProgress {
  return { ...ctx.imports.get(importId).progress }
}

export function cancelImport(ctx: CoreContext, importId: string): { cancelling: boolean } {
  const session = ctx.imports.get(importId)
  const running = session.progress.state === 'running'
  if (running) session.cancelRequested = true
  return { cancelling: running }
}

export function discardImport(ctx: CoreContext, importId: string): void {
  ctx.imports.discard(importId)
}
