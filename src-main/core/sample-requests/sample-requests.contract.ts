import { z } from 'zod'
import { defineCalls } from '../api/define'
import { IsoDateText } from '../domain/pricing/pricing.schema'
import { SAMPLE_REQUEST_STATUSES } from '../domain/sample-request'
import { SampleFields } from '../samples/samples.contract'

/**
 * Sample requests (样品申请): samples a factory promised to send — what, how many, by when — marked
 * shipped with courier and tracking number, then received, which registers the sample. Late ones are
 * flagged (domain/sample-request.ts states the rule). Messages are i18n keys.
 */

const text = (max: number) => z.string().trim().max(max, 'errors.tooLong')
const RecordId = z.uuid('errors.id.invalid')

export const MAX_REQUEST_QUANTITY = 100_000

export const SampleRequestStatus = z.enum(SAMPLE_REQUEST_STATUSES)
export type SampleRequestStatus = z.infer<typeof SampleRequestStatus>

export const SampleRequestFields = z.object({
  factoryId: RecordId,
  /** The visit it was asked for in (of the same factory), or null. */
  visitId: RecordId.nullable().default(null),
  skuId: RecordId.nullable().default(null),
  /** What was asked for, e.g. 竹浆本色抽纸 3层130抽. */
  item: text(200).min(1, 'errors.required'),
  quantity: z
    .number('errors.invalidType')
    .int('errors.integer')
    .min(1, 'errors.sampleRequest.quantity')
    .max(MAX_REQUEST_QUANTITY, 'errors.tooBig.number'),
  /** The day the factory promised to ship by; not before the request. */
  promisedShipDate: IsoDateText,
  notes: text(2000).default(''),
})

export const SampleRequestCreateInput = SampleRequestFields.extend({
  /** The day it was asked for; today when left out. */
  requestedOn: IsoDateText.optional(),
}).strict()
export type SampleRequestCreateValues = z.output<typeof SampleRequestCreateInput>

export const SampleRequestUpdateValues = SampleRequestFields.strict()
export type SampleRequestValues = z.output<typeof SampleRequestUpdateValues>

export const ShipInput = z
  .object({
    id: RecordId,
    /** The day the factory shipped it; today when left out. */
    shippedOn: IsoDateText.optional(),
    courier: text(40).min(1, 'errors.required'),
    trackingNumber: text(60).default(''),
  })
  .strict()
export type ShipValues = z.output<typeof ShipInput>

/** The sample registered on arrival: a sample's fields but its factory (the request's). */
export const ReceivedSampleFields = SampleFields.omit({ factoryId: true, source: true, visitId: true })
  .extend({ by: text(40).default('') })
  .strict()

export const ReceiveInput = z
  .object({
    id: RecordId,
    /** The day it arrived; today when left out. */
    receivedOn: IsoDateText.optional(),
    /** The sample as registered (name, specs, where it is kept …), prefilled from the request. */
    sample: ReceivedSampleFields,
  })
  .strict()
export type ReceiveValues = z.output<typeof ReceiveInput>

/** Why a request is late, and by how many days (null: on time, or received). */
export const Lateness = z
  .object({ reason: z.enum(['notShipped', 'notReceived']), daysLate: z.number().int() })
  .nullable()

export const SampleRequest = z.object({
  id: z.string(),
  factoryId: z.string(),
  factoryName: z.string().nullable(),
  /** Present (true) when the factory has been deleted: its name is still shown. */
  factoryDeleted: z.boolean().optional(),
  visitId: z.string().nullable(),
  visitDate: z.string().nullable(),
  skuId: z.string().nullable(),
  skuName: z.string().nullable(),
  item: z.string(),
  quantity: z.number().int(),
  requestedOn: z.string(),
  promisedShipDate: z.string(),
  status: SampleRequestStatus,
  shippedOn: z.string().nullable(),
  courier: z.string(),
  trackingNumber: z.string(),
  receivedOn: z.string().nullable(),
  /** The sample registered on arrival, and its code. */
  sampleId: z.string().nullable(),
  sampleCode: z.string().nullable(),
  late: Lateness,
  notes: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type SampleRequest = z.infer<typeof SampleRequest>

const byId = z.object({ id: RecordId }).strict()

export const sampleRequestCalls = defineCalls({
  'sampleRequests.list': {
    summary:
      'Lists live sample requests, late ones first (most days late first), then by promised ship date; ' +
      'filtered by status, factory (a factory’s page) or late only.',
    input: z
      .object({
        statuses: z.array(SampleRequestStatus).max(SAMPLE_REQUEST_STATUSES.length).default([]),
        factoryId: RecordId.optional(),
        lateOnly: z.boolean().default(false),
      })
      .strict(),
    output: z.array(SampleRequest),
  },
  'sampleRequests.get': {
    summary: 'Returns one sample request with its status and whether it is late.',
    input: byId,
    output: SampleRequest,
  },
  'sampleRequests.create': {
    summary:
      'Asks a factory for samples: what, how many, the promised ship date (not before the request); ' +
      'optionally for a visit of that factory and an SKU.',
    input: SampleRequestCreateInput,
    output: SampleRequest,
  },
  'sampleRequests.update': {
    summary:
      'Changes what was asked for, how many, the promised date or the notes; only changed fields are written.',
    input: z.object({ id: RecordId, values: SampleRequestUpdateValues }).strict(),
    output: SampleRequest,
  },
  'sampleRequests.ship': {
    summary:
      'Marks a request shipped with courier and tracking number; once only, not before the request, not in the future.',
    input: ShipInput,
    output: SampleRequest,
  },
  'sampleRequests.receive': {
    summary:
      'Marks a request received and registers its sample (status received) in the same save; the request ' +
      'links to the sample. Not twice, not before the request or the shipping, not in the future.',
    input: ReceiveInput,
    output: SampleRequest,
  },
  'sampleRequests.delete': {
    summary: 'Deletes a sample request (a tombstone; it can be restored from the Trash).',
    input: byId,
    output: z.object({ id: z.string() }),
  },
})
