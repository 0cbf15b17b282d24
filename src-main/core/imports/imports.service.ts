import type { Transaction } from 'kysely'
import type { CoreContext } from '../api/context'
import { AppError } from '../api/errors'
import type { DB } from '../db/schema'
import type { FactoryValues } from '../factories/factories.contract'
import { insertFactories } from '../factories/factories.service'
import type { SampleCreateValues } from '../samples/samples.contract'
import { insertSample } from '../samples/samples.service'
import { inTransaction } from '../write/write-path'
import { suggestMapping } from './import-fields'
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
  type ImportKind,
  type ImportPreview,
  type ImportProgress,
  type ImportUpload,
} from './imports.contract'
import { excludedCategoryNames, liveCreditCodes, liveFactoryNames, liveSkuNames } from './imports.repository'
import { readTable } from './read-table'

/**
 * Import: upload (read the file, keep it in memory), preview (validate every row, write nothing), commit
 * (write every row in one transaction, or none). The commit yields to the event loop between batches so
 * the host keeps answering imports.progress (which reads only memory) and imports.cancel, whose flag
 * makes the next batch throw and the transaction roll back.
 */

/** Rows written between two looks at the cancel flag (and two progress updates). */
const COMMIT_BATCH = 250

type ValidatedRows = RowOutcome<unknown>[]

interface Validation {
  mapping: (string | null)[]
  mappingErrors: CellError[]
  rows: ValidatedRows
}

class Cancelled extends Error {}

export async function uploadImport(
  ctx: CoreContext,
  bytes: Uint8Array,
  fileName: string,
): Promise<ImportUpload> {
  const table = await readTable(bytes)
  const session = ctx.imports.add(fileName, table)
  return {
    importId: session.id,
    fileName,
    format: table.format,
    encoding: table.encoding,
    sheetName: table.sheetName,
    headers: table.headers,
    rowCount: table.rows.length,
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
  kind: ImportKind,
  given: (string | null)[] | undefined,
): Promise<Validation> {
  const mapping = given ?? suggestMapping(kind, session.table.headers)
  const key = `${kind}\n${JSON.stringify(mapping)}`
  if (session.validated?.key === key) return session.validated.value as Validation
  const mappingErrors = mappingProblems(kind, session.table.headers.length, mapping)
  let rows: ValidatedRows = []
  if (mappingErrors.length === 0) {
    const columns = columnsOf(mapping)
    rows =
      kind === 'factories'
        ? validateFactoryRows(session.table, columns, await liveCreditCodes(ctx.db))
        : validateSampleRows(session.table, columns, await sampleLookups(ctx))
  }
  const validation: Validation = { mapping, mappingErrors, rows }
  session.validated = { key, value: validation }
  return validation
}

export async function previewImport(
  ctx: CoreContext,
  input: { importId: string; kind: ImportKind; mapping?: (string | null)[] },
): Promise<ImportPreview> {
  const session = ctx.imports.get(input.importId)
  const { mapping, mappingErrors, rows } = await validate(ctx, session, input.kind, input.mapping)
  const bad = rows.filter((r) => r.values === null).length
  const badRowNumbers = new Set(
    rows
      .filter((r) => r.values === null)
      .slice(0, PREVIEW_BAD_ROWS)
      .map((r) => r.rowNumber),
  )
  const cellsOf = new Map(session.table.rows.map((r) => [r.rowNumber, r.cells]))
  const shown = rows.filter((r, index) => index < PREVIEW_ROWS || badRowNumbers.has(r.rowNumber))
  const previewRows =
    mappingErrors.length > 0
      ? session.table.rows.slice(0, PREVIEW_ROWS).map((r) => ({ ...r, errors: [] }))
      : shown.map((r) => ({
          rowNumber: r.rowNumber,
          cells: cellsOf.get(r.rowNumber) ?? [],
          errors: r.errors,
        }))
  return {
    importId: session.id,
    kind: input.kind,
    headers: session.table.headers,
    mapping,
    mappingErrors,
    total: session.table.rows.length,
    good: rows.length - bad,
    bad,
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

export async function commitImport(
  ctx: CoreContext,
  input: { importId: string; kind: ImportKind; mapping?: (string | null)[]; excludedRows: number[] },
): Promise<{ outcome: 'imported' | 'cancelled'; imported: number }> {
  const session = ctx.imports.get(input.importId)
  if (session.progress.state === 'running') {
    throw refuse('conflict', 'errors.import.busy', 'this spreadsheet is being imported')
  }
  if (session.progress.state === 'done') {
    throw refuse('conflict', 'errors.import.committed', 'this spreadsheet was imported already')
  }
  const { mappingErrors, rows } = await validate(ctx, session, input.kind, input.mapping)
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

  const progress: ImportProgress = { state: 'running', done: 0, total: included.length }
  session.progress = progress
  session.cancelRequested = false
  // Factories go in multi-row batches; samples one by one (each takes the next code of this device
  // and checks its references in the transaction).
  const write = async (trx: Transaction<DB>, batch: RowOutcome<unknown>[]) => {
    if (input.kind === 'factories') {
      await insertFactories(
        trx,
        ctx,
        batch.map((r) => r.values as FactoryValues),
      )
      return
    }
    for (const row of batch) {
      try {
        await insertSample(trx, ctx, row.values as SampleCreateValues)
      } catch (error) {
        throw error instanceof AppError ? rowFailure(error, row.rowNumber) : error
      }
    }
  }
  try {
    await inTransaction(ctx.db, async (trx) => {
      for (let start = 0; start < included.length; start += COMMIT_BATCH) {
        progress.done = start
        await yieldToEventLoop()
        if (session.cancelRequested) throw new Cancelled()
        await write(trx, included.slice(start, start + COMMIT_BATCH))
      }
      progress.done = included.length
      // A cancel that arrived during the last batch still wins: nothing is committed yet.
      await yieldToEventLoop()
      if (session.cancelRequested) throw new Cancelled()
    })
  } catch (error) {
    if (error instanceof Cancelled) {
      session.progress = { state: 'cancelled', done: 0, total: included.length }
      return { outcome: 'cancelled', imported: 0 }
    }
    session.progress = { state: 'failed', done: 0, total: included.length }
    throw error
  }
  session.progress = { state: 'done', done: included.length, total: included.length }
  return { outcome: 'imported', imported: included.length }
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
