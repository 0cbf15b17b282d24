import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ok } from '../../../test/integration/support/api-result'
import { seedPaperSku, type PaperSku } from '../../../test/integration/support/paper-sku'
import { createTempCore, type TempCore } from '../../../test/integration/support/temp-core'
import type { Quote } from '../quotes/quotes.contract'
import type { SampleRequest } from '../sample-requests/sample-requests.contract'
import type { Sample } from '../samples/samples.contract'
import type { FollowUpItem, Visit } from '../visits/visits.contract'
import type { Today } from './today.contract'

/**
 * Today's lists through the dispatcher on a real SQLite file. Today is Tuesday 2026-12-01 (noon, so
 * every time zone agrees on the date); last Friday is 2026-11-27.
 */

describe('Today', () => {
  let core: TempCore
  let paper: PaperSku
  const call = (name: string, input: unknown) => core.dispatch(name, input)
  const today = async () => ok<Today>(await call('today.get', {}))

  beforeEach(async () => {
    core = await createTempCore({ wallClock: () => Date.parse('2026-12-01T12:00:00+08:00') })
    paper = await seedPaperSku(call)
  })
  afterEach(async () => {
    await core.dispose()
  })

  it('lists follow-ups overdue and due this week, judging overdue exactly as the visit does', async () => {
    const factory = paper.factories[0]!.id
    const visit = ok<Visit>(
      await call('visits.create', {
        factoryId: factory,
        visitDate: '2026-11-20',
        followUps: [
          { text: '寄检测报告', dueDate: '2026-11-30' },
          { text: '确认包装', dueDate: '2026-12-01' },
          { text: '报第二轮价', dueDate: '2026-12-08' },
          { text: '下个月再说', dueDate: '2026-12-09' },
          { text: '没有日期', dueDate: null },
          { text: '已经办了', dueDate: '2026-11-25' },
        ],
      }),
    )
    const done = visit.followUps.find((f) => f.text === '已经办了')!
    ok(await call('followUps.setDone', { id: done.id, done: true }))
    const deletedVisit = ok<Visit>(
      await call('visits.create', {
        factoryId: factory,
        visitDate: '2026-11-10',
        followUps: [{ text: '删掉的拜访', dueDate: '2026-11-15' }],
      }),
    )
    ok(await call('visits.delete', { id: deletedVisit.id }))

    const result = await today()
    expect(result.today).toBe('2026-12-01')
    expect(result.overdueFollowUps.items.map((f) => f.text)).toEqual(['寄检测报告'])
    expect(result.overdueFollowUps.total).toBe(1)
    expect(result.dueFollowUps.items.map((f) => [f.text, f.overdue])).toEqual([
      ['确认包装', false],
      ['报第二轮价', false],
    ])
    expect(result.dueFollowUps.items[0]).toMatchObject({ factoryId: factory, factoryName: '晋江示例纸业' })
    // The same follow-ups the follow-up list calls overdue.
    const open = ok<FollowUpItem[]>(await call('followUps.list', {}))
    expect(open.filter((f) => f.overdue).map((f) => f.id)).toEqual(
      result.overdueFollowUps.items.map((f) => f.id),
    )
  })

  it('lists samples waiting for evaluation and sample requests that are late', async () => {
    const factory = paper.factories[1]!.id
    const sample = (name: string, status: 'requested' | 'received') =>
      call('samples.create', { source: 'selectionCenter', factoryId: factory, name, status }).then((r) =>
        ok<Sample>(r),
      )
    const arrived = await sample('到了没评', 'received')
    const evaluating = await sample('评估中', 'received')
    ok(await call('samples.transition', { id: evaluating.id, to: 'evaluating' }))
    await sample('还没到', 'requested')

    const request = (item: string, requestedOn: string, promisedShipDate: string) =>
      call('sampleRequests.create', {
        factoryId: factory,
        item,
        quantity: 3,
        requestedOn,
        promisedShipDate,
      }).then((r) => ok<SampleRequest>(r))
    const friday = await request('禾映答应周五寄的样', '2026-11-20', '2026-11-27')
    await request('下周才寄', '2026-11-30', '2026-12-04')
    const onTheWay = await request('在路上', '2026-11-20', '2026-11-21')
    ok(await call('sampleRequests.ship', { id: onTheWay.id, shippedOn: '2026-11-28', courier: '顺丰' }))

    const result = await today()
    expect(result.samplesToEvaluate.items.map((s) => [s.name, s.status])).toEqual([
      ['到了没评', 'received'],
      ['评估中', 'evaluating'],
    ])
    expect(result.samplesToEvaluate.items[0]).toMatchObject({
      code: arrived.code,
      factoryId: factory,
      days: 0,
    })
    expect(result.lateSampleRequests.total).toBe(1)
    expect(result.lateSampleRequests.items).toEqual([
      expect.objectContaining({ id: friday.id, late: { reason: 'notShipped', daysLate: 4 } }),
    ])
  })

  it('lists latest quotes expiring within 14 days and SKUs whose newest benchmark is stale', async () => {
    const quote = async (validUntil: string | null) =>
      ok<Quote>(await call('quotes.create', { ...paper.quoteA(), validUntil }))
    const soon = await quote('2026-12-10')
    await quote('2026-11-30') // expired already
    await quote('2026-12-16') // beyond 14 days
    const lastDay = await quote('2026-12-15')
    const revised = await quote('2026-12-05')
    ok(
      await call('quotes.revise', {
        id: revised.id,
        values: { ...paper.quoteA(), validUntil: '2027-03-01' },
      }),
    )

    const result = await today()
    expect(result.expiringQuotes.items.map((q) => [q.id, q.daysLeft])).toEqual([
      [soon.id, 9],
      [lastDay.id, 14],
    ])
    expect(result.expiringQuotes.items[0]).toMatchObject({
      skuId: paper.sku.id,
      skuName: '三层抽纸 100抽×24包',
      factoryName: '晋江示例纸业',
    })
    // The benchmarks were seen on 2026-11-02: 29 days, not stale at the default 30.
    expect(result.staleBenchmarkDays).toBe(30)
    expect(result.staleBenchmarks.items).toEqual([])
    ok(await call('preferences.set', { staleBenchmarkDays: 20 }))
    const stricter = await today()
    expect(stricter.staleBenchmarks.items).toEqual([
      expect.objectContaining({ skuId: paper.sku.id, latestObservedAt: '2026-11-02', daysOld: 29 }),
    ])
  })
})
