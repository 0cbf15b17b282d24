import type { Transaction } from 'kysely'
import type { z } from 'zod'
import type { CoreContext } from '../api/context'
import { AppError, notFound } from '../api/errors'
import { checkCategoryPolicy, overrideFromReason } from '../categories/categories.service'
import type { DB } from '../db/schema'
import {
  devicePrefix,
  formatSampleCode,
  normalizeSampleCode,
  parseSampleCode,
  sampleCodeStem,
} from '../domain/sample-code'
import {
  canTransition,
  reasonRequired,
  SAMPLE_TRANSITIONS,
  type SampleStatus,
} from '../domain/sample-workflow'
import { factoryLabelsWithDeleted, findAnyVisit, findLiveVisit } from '../visits/visits.repository'
import { inTransaction, insertRow, requireLiveReference, tombstoneRow, updateRow } from '../write/write-path'
import {
  EvaluationInput,
  SampleFields,
  type Verdict,
  type EvaluationValues,
  type Sample,
  type SampleCreateValues,
  type SampleRegisterValues,
  type SampleSummary,
  type SampleValues,
} from './samples.contract'
import {
  findLiveSample,
  findLiveSampleByCode,
  findSkuLabel,
  lastCodeWithPrefix,
  listLiveSamples,
  listStatusHistory,
  type SampleFilter,
  type SampleListRow,
  type SampleRow,
  type StatusChangeRow,
} from './samples.repository'
import { samplesTable, statusHistoryTable } from './samples.columns'
import { linkPhoto } from '../photos/photos.service'
import { readJson } from '../write/stored-columns'

/**
 * Samples and their workflow.
 *
 * Codes (S-2026-K7QX-00042) must stay unique while several laptops register samples offline, with no
 * server to hand out numbers. Each device therefore numbers its own samples: the code carries a prefix
 * derived from the device id (domain/sample-code.ts says why four Crockford characters) and the next
 * number after the highest code with that prefix this year — computed in the write's transaction, over
 * deleted samples too, so a code is never given out twice. The UUID stays the identity every reference
 * uses; the code is for people: printed on the label, scanned or typed into search.
 */

/** The columns a buyer edits (code, status and evaluation have their own calls). */
function fieldColumns(
  values: SampleValues,
  category: string,
  overrideReason: string,
): Record<string, unknown> {
  return {
    source: values.source,
    visit_id: values.visitId,
    factory_id: values.factoryId,
    sku_id: values.skuId,
    category,
    category_override_reason: overrideReason,
    name: values.name,
    specs: JSON.stringify(values.specs),
    storage_location: values.storageLocation,
    notes: values.notes,
  }
}

function toStatusChange(row: StatusChangeRow): Sample['history'][number] {
  return {
    id: row.id,
    from: row.from_status as SampleStatus | null,
    to: row.to_status as SampleStatus,
    reason: row.reason,
    by: row.actor,
    deviceId: row.device_id,
    at: row.changed_at,
  }
}

function evaluationOf(row: SampleRow): Sample['evaluation'] {
  if (row.evaluation_verdict === null || row.evaluated_at === null) return null
  return {
    benchmark: row.evaluation_benchmark,
    scores: readJson(row.evaluation_scores, EvaluationInput.shape.scores, []),
    verdict: row.evaluation_verdict as z.infer<typeof Verdict>,
    note: row.evaluation_note,
    evaluatedAt: row.evaluated_at,
  }
}

function toSummary(row: SampleListRow): SampleSummary {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    source: row.source as SampleSummary['source'],
    category: row.category,
    overridden: row.category_override_reason !== '',
    factoryId: row.factory_id,
    factoryName: row.factory_name,
    ...(row.factory_deleted_at !== null ? { factoryDeleted: true } : {}),
    skuId: row.sku_id,
    skuName: row.sku_name,
    visitId: row.visit_id,
    status: row.status as SampleStatus,
    storageLocation: row.storage_location,
    verdict: row.evaluation_verdict as SampleSummary['verdict'],
    updatedAt: row.updated_at,
  }
}

async function toSample(ctx: CoreContext, row: SampleRow): Promise<Sample> {
  const [factories, sku, visit, history] = await Promise.all([
    factoryLabelsWithDeleted(ctx.db, [row.factory_id]),
    row.sku_id ? findSkuLabel(ctx.db, row.sku_id) : undefined,
    row.visit_id ? findAnyVisit(ctx.db, row.visit_id) : undefined,
    listStatusHistory(ctx.db, row.id),
  ])
  const status = row.status as SampleStatus
  return {
    id: row.id,
    code: row.code,
    source: row.source as Sample['source'],
    visitId: row.visit_id,
    factoryId: row.factory_id,
    skuId: row.sku_id,
    category: row.category,
    categoryOverride: overrideFromReason(row.category_override_reason),
    name: row.name,
    specs: readJson(row.specs, SampleFields.shape.specs, []),
    storageLocation: row.storage_location,
    notes: row.notes,
    status,
    statusReason: row.status_reason,
    nextStatuses: [...SAMPLE_TRANSITIONS[status]],
    factoryName: factories.get(row.factory_id)?.name ?? null,
    ...(factories.get(row.factory_id)?.deleted ? { factoryDeleted: true } : {}),
    skuName: sku?.name ?? null,
    visitDate: visit?.visit_date ?? null,
    ...(visit && visit.deleted_at !== null ? { visitDeleted: true } : {}),
    evaluation: evaluationOf(row),
    history: history.map(toStatusChange),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

function fieldError(
  code: 'validation' | 'conflict',
  path: (string | number)[],
  messageKey: string,
  message: string,
  params?: Record<string, string>,
) {
  return new AppError(code, code === 'validation' ? 'errors.validation' : messageKey, message, [
    { path, messageKey, params },
  ])
}

/**
 * References and category policy, in the write's transaction; returns the category to store (the SKU's
 * when none is given) and the override reason to record.
 */
async function checkSample(
  trx: Transaction<DB>,
  values: SampleValues,
  previous: SampleRow | null,
  prefix: string[],
): Promise<{ category: string; overrideReason: string }> {
  await requireLiveReference(trx, 'factories', values.factoryId, [...prefix, 'factoryId'])
  let skuCategory = ''
  if (values.skuId !== null) {
    await requireLiveReference(trx, 'skus', values.skuId, [...prefix, 'skuId'])
    skuCategory = (await findSkuLabel(trx, values.skuId))?.category ?? ''
  }
  if (values.visitId !== null) {
    await requireLiveReference(trx, 'visits', values.visitId, [...prefix, 'visitId'])
    const visit = await findLiveVisit(trx, values.visitId)
    if (visit && visit.factory_id !== values.factoryId) {
      throw fieldError(
        'validation',
        [...prefix, 'factoryId'],
        'errors.sample.visitFactory',
        'the factory is not the visited one',
      )
    }
  }
  const category = values.category !== '' ? values.category : skuCategory
  const overrideReason = await checkCategoryPolicy(
    trx,
    category,
    values.categoryOverride,
    previous ? { category: previous.category, reason: previous.category_override_reason } : null,
    [...prefix, 'category'],
  )
  return { category, overrideReason }
}

/** The next code of this device for this year (see the comment at the top). */
async function nextCode(trx: Transaction<DB>, ctx: CoreContext): Promise<string> {
  const year = ctx.write.now().getFullYear()
  const prefix = devicePrefix(ctx.write.deviceId)
  const last = await lastCodeWithPrefix(trx, sampleCodeStem(year, prefix))
  const seq = last ? (parseSampleCode(last)?.seq ?? 0) + 1 : 1
  return formatSampleCode(year, prefix, seq)
}

async function recordTransition(
  trx: Transaction<DB>,
  ctx: CoreContext,
  sampleId: string,
  change: { from: SampleStatus | null; to: SampleStatus; reason: string; by: string },
): Promise<void> {
  await insertRow(trx, ctx.write, statusHistoryTable, {
    sample_id: sampleId,
    from_status: change.from,
    to_status: change.to,
    reason: change.reason,
    actor: change.by,
    device_id: ctx.write.deviceId,
    changed_at: ctx.write.now().toISOString(),
  })
}

export async function getSample(ctx: CoreContext, id: string): Promise<Sample> {
  const row = await findLiveSample(ctx.db, id)
  if (!row) throw notFound('sample', id)
  return toSample(ctx, row)
}

export async function findSampleByCode(ctx: CoreContext, code: string): Promise<Sample> {
  const normalized = normalizeSampleCode(code)
  const row =
    (await findLiveSampleByCode(ctx.db, normalized)) ?? (await findLiveSampleByCode(ctx.db, code.trim()))
  if (!row) {
    throw new AppError('not_found', 'errors.notFound', `no sample with code ${code}`, [
      { path: ['code'], messageKey: 'errors.notFound', params: { entity: 'sample' } },
    ])
  }
  return toSample(ctx, row)
}

export async function listSamples(ctx: CoreContext, filter: SampleFilter): Promise<SampleSummary[]> {
  return (await listLiveSamples(ctx.db, filter)).map(toSummary)
}

/** Registers a sample in the caller's transaction and returns its id (an import writes many in one). */
export async function insertSample(
  trx: Transaction<DB>,
  ctx: CoreContext,
  input: SampleCreateValues,
): Promise<string> {
  const { status, by, ...values } = input
  const { category, overrideReason } = await checkSample(trx, values, null, [])
  const sampleId = await insertRow(trx, ctx.write, samplesTable, {
    ...fieldColumns(values, category, overrideReason),
    code: await nextCode(trx, ctx),
    status,
    status_reason: '',
    evaluation_scores: '[]',
    evaluation_verdict: null,
    evaluation_note: '',
    evaluation_benchmark: '',
    evaluated_at: null,
  })
  await recordTransition(trx, ctx, sampleId, { from: null, to: status, reason: '', by })
  return sampleId
}

/** Registers a sample with the photos taken for it before it was saved: all of it, or nothing. */
export async function createSample(
  ctx: CoreContext,
  input: SampleCreateValues & { photos?: SampleRegisterValues['photos'] },
): Promise<Sample> {
  const { photos = [], ...values } = input
  const id = await inTransaction(ctx.db, async (trx) => {
    const sampleId = await insertSample(trx, ctx, values)
    for (const [index, photo] of photos.entries()) {
      const link = { ...photo, ownerTable: 'samples' as const, ownerId: sampleId }
      await linkPhoto(trx, ctx, link, ['photos', index, 'sha256'])
    }
    return sampleId
  })
  return getSample(ctx, id)
}

export async function updateSample(ctx: CoreContext, id: string, values: SampleValues): Promise<Sample> {
  await inTransaction(ctx.db, async (trx) => {
    const current = await findLiveSample(trx, id)
    if (!current) throw notFound('sample', id)
    const { category, overrideReason } = await checkSample(trx, values, current, ['values'])
    await updateRow(trx, ctx.write, samplesTable, id, fieldColumns(values, category, overrideReason))
  })
  return getSample(ctx, id)
}

/** Only the workflow's transitions are accepted; rejecting needs a reason. Each is kept in the history. */
export async function transitionSample(
  ctx: CoreContext,
  change: { id: string; to: SampleStatus; reason: string; by: string },
): Promise<Sample> {
  await inTransaction(ctx.db, async (trx) => {
    const current = await findLiveSample(trx, change.id)
    if (!current) throw notFound('sample', change.id)
    const from = current.status as SampleStatus
    if (!canTransition(from, change.to)) {
      throw fieldError(
        'conflict',
        ['to'],
        'errors.sample.transition',
        `a sample cannot go from ${from} to ${change.to}`,
        {
          from,
          to: change.to,
        },
      )
    }
    if (reasonRequired(change.to) && change.reason === '') {
      throw fieldError(
        'validation',
        ['reason'],
        'errors.sample.rejectReason',
        'rejecting a sample needs a reason',
      )
    }
    await updateRow(trx, ctx.write, samplesTable, change.id, {
      status: change.to,
      status_reason: change.reason,
    })
    await recordTransition(trx, ctx, change.id, { from, to: change.to, reason: change.reason, by: change.by })
  })
  return getSample(ctx, change.id)
}

export async function evaluateSample(
  ctx: CoreContext,
  id: string,
  evaluation: EvaluationValues | null,
): Promise<Sample> {
  const columns = evaluation
    ? {
        evaluation_scores: JSON.stringify(evaluation.scores),
        evaluation_verdict: evaluation.verdict,
        evaluation_note: evaluation.note,
        evaluation_benchmark: evaluation.benchmark,
        evaluated_at: ctx.write.now().toISOString(),
      }
    : {
        evaluation_scores: '[]',
        evaluation_verdict: null,
        evaluation_note: '',
        evaluation_benchmark: '',
        evaluated_at: null,
      }
  await inTransaction(ctx.db, async (trx) => {
    const current = await findLiveSample(trx, id)
    if (!current) throw notFound('sample', id)
    const from = current.status as SampleStatus
    if (evaluation && from === 'requested') {
      throw fieldError(
        'conflict',
        ['evaluation'],
        'errors.sample.notReceived',
        'a sample is evaluated once it is in hand',
      )
    }
    // Filling in the evaluation is what starts it: the buyer is not asked to move the status as well.
    const starts = evaluation !== null && from === 'received' && canTransition(from, 'evaluating')
    await updateRow(trx, ctx.write, samplesTable, id, starts ? { ...columns, status: 'evaluating' } : columns)
    if (starts) await recordTransition(trx, ctx, id, { from, to: 'evaluating', reason: '', by: '' })
  })
  return getSample(ctx, id)
}

export async function deleteSample(ctx: CoreContext, id: string): Promise<void> {
  await inTransaction(ctx.db, (trx) => tombstoneRow(trx, ctx.write, samplesTable, id))
}
