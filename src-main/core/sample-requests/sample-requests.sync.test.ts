import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ok } from '../../../test/integration/support/api-result'
import { startSyncFleet, type SyncFleet } from '../../../test/sync-harness/sync-device'
import { addDays } from '../domain/sample-request'
import { localDate } from '../targets/targets.service'
import type { SampleRequest } from './sample-requests.contract'

/** Sample requests between two laptops through a real HQ on 127.0.0.1, like every other record. */

describe('sample requests sync', () => {
  let fleet: SyncFleet

  beforeEach(async () => {
    fleet = await startSyncFleet(['王敏的笔记本', '李强的笔记本'])
  })
  afterEach(async () => {
    await fleet.dispose()
  })

  it('reach the other laptop, and its shipping and the sample it registered come back', async () => {
    const [wang, li] = fleet.laptops as [
      NonNullable<SyncFleet['laptops'][0]>,
      NonNullable<SyncFleet['laptops'][0]>,
    ]
    const today = localDate(new Date())
    const factory = ok<{ id: string }>(
      await wang.core.dispatch('factories.create', { name: '晋江禾映纸业有限公司' }),
    ).id
    const asked = ok<SampleRequest>(
      await wang.core.dispatch('sampleRequests.create', {
        factoryId: factory,
        item: '竹浆本色抽纸 3层130抽',
        quantity: 6,
        promisedShipDate: addDays(today, 3),
      }),
    )
    await wang.sync()
    await li.sync()

    const onLi = ok<SampleRequest>(await li.core.dispatch('sampleRequests.get', { id: asked.id }))
    expect(onLi).toEqual({ ...asked, updatedAt: onLi.updatedAt, createdAt: onLi.createdAt })
    expect(onLi.factoryName).toBe('晋江禾映纸业有限公司')

    ok(
      await li.core.dispatch('sampleRequests.ship', {
        id: asked.id,
        courier: '顺丰',
        trackingNumber: 'SF1234567890',
      }),
    )
    await li.sync()
    await wang.sync()
    expect(ok<SampleRequest>(await wang.core.dispatch('sampleRequests.get', { id: asked.id }))).toMatchObject(
      {
        status: 'shipped',
        courier: '顺丰',
        trackingNumber: 'SF1234567890',
      },
    )

    const received = ok<SampleRequest>(
      await wang.core.dispatch('sampleRequests.receive', { id: asked.id, sample: { name: '竹浆本色抽纸' } }),
    )
    await wang.sync()
    await li.sync()
    expect(ok<SampleRequest>(await li.core.dispatch('sampleRequests.get', { id: asked.id }))).toMatchObject({
      status: 'received',
      sampleId: received.sampleId,
      sampleCode: received.sampleCode,
    })

    ok(await li.core.dispatch('sampleRequests.delete', { id: asked.id }))
    await li.sync()
    await wang.sync()
    expect(ok<SampleRequest[]>(await wang.core.dispatch('sampleRequests.list', {}))).toEqual([])
    const trash = ok<{ items: { id: string }[] }>(
      await wang.core.dispatch('trash.list', { kind: 'sample_requests' }),
    )
    expect(trash.items.map((item) => item.id)).toEqual([asked.id])
  })
})
