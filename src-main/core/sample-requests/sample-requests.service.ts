import type { Transaction } from 'kysely'
import type { CoreContext } from '../api/context'
import { AppError, notFound } from '../api/errors'
import type { DB } from '../db/schema'
import { addDays, lateness, requestStatus, SHIPPED_LATE_AFTER_DAYS } from '../domain/sample-request'
import { insertSample } from '../samples/samples.service'
import { localDate } from '../targets/targets.service'
import { findLiveVisit } from '../visits/visits.repository'
import { inTransaction, insertRow, requireLiveReference, tombstoneRow, updateRow } from '../write/write-path'
import { sampleRequestsTable } from './sample-requests.columns'
import type {
  ReceiveValues,
  SampleRequest,
  SampleRequestCreateValues,
  SampleRequestValues,
  ShipValues,
} from './sample-requests.contract'
import {
  findLiveRequest,
  findRequestWithLabels,
  listLateCandidates,
  listLiveRequests,
  type SampleRequestFilter,
  type SampleRequestListRow,
  type SampleRequestRow,
} from './sample-requests.repository'

/**
 * Sample requests and their steps. Each step is a date (shipped_on, received_on) rather than a stored
 * status, so steps two laptops take offline merge field by field. A step is checked in the write's
 * transaction against the request as stored; an impossible one (twice, before the request, before the
 * shipping, in the future) throws a field error and writes nothing. "Today" is the buyer's local date,
 * as follow-ups judge overdue.
 */

export function toSampleRequest(row: SampleRequestListRow, today: string): SampleRequest {
  const dates = { shippedOn: row.shipped_on, receivedOn: row.received_on }
  return {
    id: row.id,
    factoryId: row.factory_id,
    factoryName: row.factory_name,
    ...(row.factory_deleted_at !== null ? { factoryDeleted: true } : {}),
    visitId: row.visit_id,
    visitDate: row.visit_date,
    skuId: row.sku_id,
    skuName: row.sku_name,
    item: row.item,
    quantity: row.quantity,
    requestedOn: row.requested_on,
    promisedShipDate: row.promised_ship_date,
    status: requestStatus(dates),
    shippedOn: row.shipped_on,
    courier: row.courier,
    trackingNumber: row.tracking_number,
    receivedOn: row.received_on,
    sampleId: row.sample_id,
    sampleCode: row.sample_code,
    late: lateness({ promisedShipDate: row.promised_ship_date, ...dates }, today),
    notes: row.notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

function fieldError(path: (string | number)[], messageKey: string, message: string): AppError {
  return new AppError('validation', 'errors.validation', message, [{ path, messageKey }])
}

function conflictError(path: (string | number)[], messageKey: string, message: string): AppError {
  return new AppError('conflict', messageKey, message, [{ path, messageKey }])
}

const todayOf = (ctx: CoreContext) => localDate(ctx.write.now())

/** Factory, visit (of that factory) and SKU exist; the promised date is not before the request. */
async function checkFields(
  trx: Transaction<DB>,
  values: SampleRequestValues,
  requestedOn: string,
  prefix: string[],
): Promise<void> {
  await requireLiveReference(trx, 'factories', values.factoryId, [...prefix, 'factoryId'])
  if (values.skuId !== null) await requireLiveReference(trx, 'skus', values.skuId, [...prefix, 'skuId'])
  if (values.visitId !== null) {
    await requireLiveReference(trx, 'visits', values.visitId, [...prefix, 'visitId'])
    const visit = await findLiveVisit(trx, values.visitId)
    if (visit && visit.factory_id !== values.factoryId)
      throw fieldError(
        [...prefix, 'visitId'],
        'errors.sampleRequest.visitFactory',
        'a visit of another factory',
      )
  }
  if (values.promisedShipDate < requestedOn)
    throw fieldError(
      [...prefix, 'promisedShipDate'],
      'errors.sampleRequest.promisedBeforeRequest',
      `promised ${values.promisedShipDate} is before the request on ${requestedOn}`,
    )
}

function fieldColumns(values: SampleRequestValues): Record<string, unknown> {
  return {
    factory_id: values.factoryId,
    visit_id: values.visitId,
    sku_id: values.skuId,
    item: values.item,
    quantity: values.quantity,
    promised_ship_date: values.promisedShipDate,
    notes: values.notes,
  }
}

export async function getSampleRequest(ctx: CoreContext, id: string): Promise<SampleRequest> {
  const row = await findRequestWithLabels(ctx.db, id)
  if (!row) throw notFound('sample request', id)
  return toSampleRequest(row, todayOf(ctx))
}

/** Late first (most days late first), then by promised ship date. */
function byUrgency(a: SampleRequest, b: SampleRequest): number {
  const lateA = a.late?.daysLate ?? -1
  const lateB = b.late?.daysLate ?? -1
  if (lateA !== lateB) return lateB - lateA
  return a.promisedShipDate < b.promisedShipDate ? -1 : a.promisedShipDate > b.promisedShipDate ? 1 : 0
}

export async function listSampleRequests(
  ctx: CoreContext,
  filter: SampleRequestFilter & { lateOnly: boolean },
): Promise<SampleRequest[]> {
  const today = todayOf(ctx)
  const requests = (await listLiveRequests(ctx.db, filter)).map((row) => toSampleRequest(row, today))
  return (filter.lateOnly ? requests.filter((r) => r.late !== null) : requests).sort(byUrgency)
}

/** Requests late on the buyer's today, most days late first (Today's list). */
export async function listLateSampleRequests(ctx: CoreContext): Promise<SampleRequest[]> {
  const today = todayOf(ctx)
  const rows = await listLateCandidates(ctx.db, today, addDays(today, -SHIPPED_LATE_AFTER_DAYS - 1))
  return rows
    .map((row) => toSampleRequest(row, today))
    .filter((r) => r.late !== null)
    .sort(byUrgency)
}

export async function createSampleRequest(
  ctx: CoreContext,
  input: SampleRequestCreateValues,
): Promise<SampleRequest> {
  const { requestedOn: given, ...values } = input
  const today = todayOf(ctx)
  const requestedOn = given ?? today
  const id = await inTransaction(ctx.db, async (trx) => {
    if (requestedOn > today)
      throw fieldError(
        ['requestedOn'],
        'errors.sampleRequest.future',
        `requested on ${requestedOn}, after today`,
      )
    await checkFields(trx, values, requestedOn, [])
    return insertRow(trx, ctx.write, sampleRequestsTable, {
      ...fieldColumns(values),
      requested_on: requestedOn,
      shipped_on: null,
      courier: '',
      tracking_number: '',
      received_on: null,
      sample_id: null,
    })
  })
  return getSampleRequest(ctx, id)
}

export async function updateSampleRequest(
  ctx: CoreContext,
  id: string,
  values: SampleRequestValues,
): Promise<SampleRequest> {
  await inTransaction(ctx.db, async (trx) => {
    const current = await requireRequest(trx, id)
    await checkFields(trx, values, current.requested_on, ['values'])
    if (current.sample_id !== null && values.factoryId !== current.factory_id)
      throw fieldError(
        ['values', 'factoryId'],
        'errors.sampleRequest.receivedFactory',
        'the sample was received from the request’s factory',
      )
    await updateRow(trx, ctx.write, sampleRequestsTable, id, fieldColumns(values))
  })
  return getSampleRequest(ctx, id)
}

async function requireRequest(trx: Transaction<DB>, id: string): Promise<SampleRequestRow> {
  const row = await findLiveRequest(trx, id)
  if (!row) throw notFound('sample request', id)
  return row
}

/** A step's date: given or today; never in the future, never before the request. */
function stepDate(
  given: string | undefined,
  today: string,
  request: SampleRequestRow,
  field: string,
  beforeKey: string,
): string {
  const date = given ?? today
  if (date > today)
    throw fieldError([field], 'errors.sampleRequest.future', `${field} ${date} is after today`)
  if (date < request.requested_on)
    throw fieldError([field], beforeKey, `${field} ${date} is before the request on ${request.requested_on}`)
  return date
}

export async function shipSampleRequest(ctx: CoreContext, input: ShipValues): Promise<SampleRequest> {
  const today = todayOf(ctx)
  await inTransaction(ctx.db, async (trx) => {
    const current = await requireRequest(trx, input.id)
    if (current.received_on !== null)
      throw conflictError(
        ['shippedOn'],
        'errors.sampleRequest.alreadyReceived',
        'the sample has arrived already',
      )
    if (current.shipped_on !== null)
      throw conflictError(
        ['shippedOn'],
        'errors.sampleRequest.alreadyShipped',
        'the sample was shipped already',
      )
    const shippedOn = stepDate(
      input.shippedOn,
      today,
      current,
      'shippedOn',
      'errors.sampleRequest.shippedBeforeRequest',
    )
    await updateRow(trx, ctx.write, sampleRequestsTable, input.id, {
      shipped_on: shippedOn,
      courier: input.courier,
      tracking_number: input.trackingNumber,
    })
  })
  return getSampleRequest(ctx, input.id)
}

/**
 * Marks a request received and registers its sample in the same transaction: the sample comes from the
 * request's factory, its visit (source 'visit') or, mailed without a visit, is kept like a selection
 * center pick (source 'selectionCenter'); its status starts at received, waiting for evaluation.
 */
export async function receiveSampleRequest(ctx: CoreContext, input: ReceiveValues): Promise<SampleRequest> {
  const today = todayOf(ctx)
  await inTransaction(ctx.db, async (trx) => {
    const current = await requireRequest(trx, input.id)
    if (current.received_on !== null)
      throw conflictError(
        ['receivedOn'],
        'errors.sampleRequest.alreadyReceived',
        'the sample has arrived already',
      )
    const receivedOn = stepDate(
      input.receivedOn,
      today,
      current,
      'receivedOn',
      'errors.sampleRequest.receivedBeforeRequest',
    )
    if (current.shipped_on !== null && receivedOn < current.shipped_on)
      throw fieldError(
        ['receivedOn'],
        'errors.sampleRequest.receivedBeforeShipped',
        `received ${receivedOn} before it was shipped on ${current.shipped_on}`,
      )
    const { by, ...fields } = input.sample
    const sampleId = await insertSample(trx, ctx, {
      ...fields,
      source: current.visit_id !== null ? 'visit' : 'selectionCenter',
      visitId: current.visit_id,
      factoryId: current.factory_id,
      status: 'received',
      by,
    }).catch((error: unknown) => {
      // The sample's own field errors name the fields of `sample` in this call's input.
      if (error instanceof AppError)
        throw new AppError(
          error.code,
          error.messageKey,
          error.message,
          error.fields.map((f) => ({ ...f, path: ['sample', ...f.path] })),
        )
      throw error
    })
    await updateRow(trx, ctx.write, sampleRequestsTable, input.id, {
      received_on: receivedOn,
      sample_id: sampleId,
    })
  })
  return getSampleRequest(ctx, input.id)
}

export async function deleteSampleRequest(ctx: CoreContext, id: string): Promise<void> {
  await inTransaction(ctx.db, (trx) => tombstoneRow(trx, ctx.write, sampleRequestsTable, id))
}
