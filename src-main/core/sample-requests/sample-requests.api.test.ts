import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTempCore, writeCounts, type TempCore } from '../../../test/integration/support/temp-core'
import { failed, ok } from '../../../test/integration/support/api-result'
import type { Sample } from '../samples/samples.contract'
import type { Visit } from '../visits/visits.contract'
import type { SampleRequest } from './sample-requests.contract'

/**
 * Sample requests through the dispatcher on a real SQLite file: the steps a request may take (asked →
 * shipped → received, which registers the sample), the impossible ones refused with a field error and
 * nothing written, and when a request counts as late. The wall clock is movable, noon UTC.
 */

const DAY_MS = 86_400_000
const START = Date.parse('2026-03-10T12:00:00.000Z')

describe('sample requests API', () => {
  let core: TempCore
  let now: number
  let factory: string
  let otherFactory: string
  let visit: Visit
  const call = (name: string, input: unknown) => core.dispatch(name, input)
  const request = async (input: Record<string, unknown> = {}) =>
    ok<SampleRequest>(
      await call('sampleRequests.create', {
        factoryId: factory,
        item: '竹浆本色抽纸 3层130抽',
        quantity: 6,
        promisedShipDate: '2026-03-13',
        ...input,
      }),
    )
  /** The call fails with `messageKey` on `path`, and nothing was written. */
  const refused = async (name: string, input: unknown, path: (string | number)[], messageKey: string) => {
    const before = writeCounts(core)
    const error = failed(await call(name, input))
    expect(error.fields).toContainEqual(expect.objectContaining({ path, messageKey }))
    expect(writeCounts(core)).toEqual(before)
  }

  beforeEach(async () => {
    now = START
    core = await createTempCore({ wallClock: () => now })
    factory = ok<{ id: string }>(await call('factories.create', { name: '晋江禾映纸业有限公司' })).id
    otherFactory = ok<{ id: string }>(await call('factories.create', { name: '保定满城纸业' })).id
    visit = ok<Visit>(await call('visits.create', { factoryId: factory, visitDate: '2026-03-09' }))
  })
  afterEach(async () => {
    await core.dispose()
  })

  it('asks a factory for samples on a visit, dated today, waiting to be shipped', async () => {
    const asked = await request({ visitId: visit.id, notes: '林总答应周五前寄出' })
    expect(asked).toMatchObject({
      factoryName: '晋江禾映纸业有限公司',
      visitId: visit.id,
      visitDate: '2026-03-09',
      item: '竹浆本色抽纸 3层130抽',
      quantity: 6,
      requestedOn: '2026-03-10',
      promisedShipDate: '2026-03-13',
      status: 'requested',
      shippedOn: null,
      receivedOn: null,
      sampleId: null,
      late: null,
    })
    expect(ok<SampleRequest[]>(await call('sampleRequests.list', { factoryId: factory }))).toEqual([asked])
    expect(ok<SampleRequest[]>(await call('sampleRequests.list', { factoryId: otherFactory }))).toEqual([])
  })

  it('refuses a promised date before the request, a future request, a visit of another factory', async () => {
    const input = { factoryId: factory, item: '湿厕纸 40片', quantity: 2 }
    await refused(
      'sampleRequests.create',
      { ...input, requestedOn: '2026-03-08', promisedShipDate: '2026-03-07' },
      ['promisedShipDate'],
      'errors.sampleRequest.promisedBeforeRequest',
    )
    await refused(
      'sampleRequests.create',
      { ...input, requestedOn: '2026-03-11', promisedShipDate: '2026-03-12' },
      ['requestedOn'],
      'errors.sampleRequest.future',
    )
    await refused(
      'sampleRequests.create',
      { ...input, factoryId: otherFactory, visitId: visit.id, promisedShipDate: '2026-03-12' },
      ['visitId'],
      'errors.sampleRequest.visitFactory',
    )
    await refused(
      'sampleRequests.create',
      { ...input, quantity: 0, promisedShipDate: '2026-03-12' },
      ['quantity'],
      'errors.sampleRequest.quantity',
    )
    const asked = await request()
    await refused(
      'sampleRequests.update',
      {
        id: asked.id,
        values: { factoryId: factory, item: asked.item, quantity: 6, promisedShipDate: '2026-03-01' },
      },
      ['values', 'promisedShipDate'],
      'errors.sampleRequest.promisedBeforeRequest',
    )
  })

  it('is shipped once with courier and tracking number, then received, which registers the sample', async () => {
    const asked = await request({ visitId: visit.id })
    now = START + 2 * DAY_MS
    const shipped = ok<SampleRequest>(
      await call('sampleRequests.ship', { id: asked.id, courier: '顺丰', trackingNumber: 'SF1234567890' }),
    )
    expect(shipped).toMatchObject({
      status: 'shipped',
      shippedOn: '2026-03-12',
      courier: '顺丰',
      trackingNumber: 'SF1234567890',
    })
    await refused(
      'sampleRequests.ship',
      { id: asked.id, courier: '中通', trackingNumber: '7' },
      ['shippedOn'],
      'errors.sampleRequest.alreadyShipped',
    )
    await refused(
      'sampleRequests.receive',
      { id: asked.id, receivedOn: '2026-03-11', sample: { name: '竹浆本色抽纸' } },
      ['receivedOn'],
      'errors.sampleRequest.receivedBeforeShipped',
    )

    now = START + 4 * DAY_MS
    const received = ok<SampleRequest>(
      await call('sampleRequests.receive', {
        id: asked.id,
        sample: {
          name: '竹浆本色抽纸',
          specs: [{ key: '层数', value: '3' }],
          storageLocation: '选品中心 B-3 架',
          by: '王敏',
        },
      }),
    )
    expect(received).toMatchObject({ status: 'received', receivedOn: '2026-03-14', late: null })
    expect(received.sampleCode).toMatch(/^S-2026-/)
    const sample = ok<Sample>(await call('samples.get', { id: received.sampleId }))
    expect(sample).toMatchObject({
      factoryId: factory,
      source: 'visit',
      visitId: visit.id,
      name: '竹浆本色抽纸',
      storageLocation: '选品中心 B-3 架',
      status: 'received',
    })
    expect(sample.history).toEqual([expect.objectContaining({ from: null, to: 'received', by: '王敏' })])
    await refused(
      'sampleRequests.receive',
      { id: asked.id, sample: { name: '又一个' } },
      ['receivedOn'],
      'errors.sampleRequest.alreadyReceived',
    )
    await refused(
      'sampleRequests.ship',
      { id: asked.id, courier: '顺丰' },
      ['shippedOn'],
      'errors.sampleRequest.alreadyReceived',
    )
  })

  it('refuses a step before the request or in the future, and a sample the policy refuses, writing nothing', async () => {
    const asked = await request({ requestedOn: '2026-03-08', promisedShipDate: '2026-03-09' })
    await refused(
      'sampleRequests.receive',
      { id: asked.id, receivedOn: '2026-03-07', sample: { name: '竹浆本色抽纸' } },
      ['receivedOn'],
      'errors.sampleRequest.receivedBeforeRequest',
    )
    await refused(
      'sampleRequests.ship',
      { id: asked.id, shippedOn: '2026-03-07', courier: '顺丰' },
      ['shippedOn'],
      'errors.sampleRequest.shippedBeforeRequest',
    )
    await refused(
      'sampleRequests.ship',
      { id: asked.id, shippedOn: '2026-03-11', courier: '顺丰' },
      ['shippedOn'],
      'errors.sampleRequest.future',
    )
    await refused('sampleRequests.ship', { id: asked.id, courier: '' }, ['courier'], 'errors.required')
    ok(await call('categories.create', { name: '宠物主粮', status: 'excluded' }))
    await refused(
      'sampleRequests.receive',
      { id: asked.id, sample: { name: '猫粮', category: '宠物主粮' } },
      ['sample', 'category'],
      'errors.category.excluded',
    )
    // A sample handed over without a courier: received straight from requested.
    const received = ok<SampleRequest>(
      await call('sampleRequests.receive', { id: asked.id, sample: { name: '竹浆本色抽纸' } }),
    )
    expect(received).toMatchObject({ status: 'received', shippedOn: null, receivedOn: '2026-03-10' })
    expect(ok<Sample>(await call('samples.get', { id: received.sampleId })).source).toBe('selectionCenter')
  })

  it('is late once the promised date passed unshipped, or a week after shipping unreceived', async () => {
    const unshipped = await request({ item: '未寄出', promisedShipDate: '2026-03-13' })
    const shipped = await request({ item: '在路上', promisedShipDate: '2026-03-10' })
    ok(await call('sampleRequests.ship', { id: shipped.id, courier: '顺丰', trackingNumber: 'SF1' }))

    // On the promised day it is not late yet.
    now = Date.parse('2026-03-13T12:00:00.000Z')
    expect(ok<SampleRequest>(await call('sampleRequests.get', { id: unshipped.id })).late).toBeNull()
    now = Date.parse('2026-03-14T12:00:00.000Z')
    expect(ok<SampleRequest>(await call('sampleRequests.get', { id: unshipped.id })).late).toEqual({
      reason: 'notShipped',
      daysLate: 1,
    })
    // Shipped on 03-10: on time through 03-17, late from 03-18.
    now = Date.parse('2026-03-17T12:00:00.000Z')
    expect(ok<SampleRequest>(await call('sampleRequests.get', { id: shipped.id })).late).toBeNull()
    now = Date.parse('2026-03-19T12:00:00.000Z')
    expect(ok<SampleRequest>(await call('sampleRequests.get', { id: shipped.id })).late).toEqual({
      reason: 'notReceived',
      daysLate: 2,
    })
    const onTime = await request({ item: '准时', requestedOn: '2026-03-19', promisedShipDate: '2026-03-25' })

    // Late ones first (most days late first), then by promised date; filters by status and lateness.
    const all = ok<SampleRequest[]>(await call('sampleRequests.list', {}))
    expect(all.map((r) => [r.item, r.late?.daysLate ?? null])).toEqual([
      ['未寄出', 6],
      ['在路上', 2],
      ['准时', null],
    ])
    const late = ok<SampleRequest[]>(await call('sampleRequests.list', { lateOnly: true }))
    expect(late.map((r) => r.id)).toEqual([unshipped.id, shipped.id])
    const inTransit = ok<SampleRequest[]>(await call('sampleRequests.list', { statuses: ['shipped'] }))
    expect(inTransit.map((r) => r.id)).toEqual([shipped.id])
    const waiting = ok<SampleRequest[]>(await call('sampleRequests.list', { statuses: ['requested'] }))
    expect(waiting.map((r) => r.id)).toEqual([unshipped.id, onTime.id])
  })

  it('is deleted to the Trash and restored with its factory', async () => {
    const asked = await request()
    ok(await call('sampleRequests.delete', { id: asked.id }))
    expect(ok<SampleRequest[]>(await call('sampleRequests.list', {}))).toEqual([])
    const trash = ok<{ items: { kind: string; id: string; title: string }[] }>(
      await call('trash.list', { kind: 'sample_requests' }),
    )
    expect(trash.items).toEqual([
      expect.objectContaining({ id: asked.id, title: '竹浆本色抽纸 3层130抽 · 晋江禾映纸业有限公司' }),
    ])
    ok(await call('trash.restore', { kind: 'sample_requests', id: asked.id }))
    expect(ok<SampleRequest>(await call('sampleRequests.get', { id: asked.id })).status).toBe('requested')
  })
})
