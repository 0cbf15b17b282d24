import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTempCore, writeCounts, type TempCore } from '../../../test/integration/support/temp-core'
import { failed, ok } from '../../../test/integration/support/api-result'
import { startSyncFleet, type SyncDevice, type SyncFleet } from '../../../test/sync-harness/sync-device'
import type { Tour } from './tours.contract'

/** A tour's itinerary (day and order of each planned factory) through the dispatcher, on a real SQLite file. */

// 2026-03-10 noon in China: the tour runs 03-09 – 03-12.
const NOW = Date.parse('2026-03-10T04:00:00.000Z')

describe('tour itinerary', () => {
  let core: TempCore
  let paper: string
  let chemicals: string
  let towels: string
  let tour: Tour
  const call = (name: string, input: unknown) => core.dispatch(name, input)
  const factory = async (values: Record<string, unknown>) =>
    ok<{ id: string }>(await call('factories.create', values)).id

  beforeEach(async () => {
    core = await createTempCore({ wallClock: () => NOW })
    paper = await factory({
      name: '晋江恒信纸业',
      province: '福建省',
      city: '泉州市',
      address: '晋江市安海镇工业区 8 号',
      status: 'qualified',
      contacts: [{ name: '陈厂长', role: '厂长', phone: '13905951234' }],
    })
    chemicals = await factory({ name: '泉州净洁日化', city: '泉州市' })
    towels = await factory({ name: '晋江柔巾无纺布', city: '泉州市' })
    tour = ok<Tour>(
      await call('tours.create', {
        name: '晋江/泉州 纸品与卫生用品',
        startDate: '2026-03-09',
        endDate: '2026-03-12',
        plannedFactoryIds: [paper, chemicals, towels],
      }),
    )
  })
  afterEach(async () => {
    await core.dispose()
  })

  it('plans two days in order and returns the stops by day, then by the order given', async () => {
    const planned = ok<Tour>(
      await call('tours.plan', {
        id: tour.id,
        stops: [
          { factoryId: towels, day: '2026-03-11' },
          { factoryId: chemicals, day: '2026-03-10' },
          { factoryId: paper, day: '2026-03-11' },
        ],
      }),
    )
    expect(planned.plannedFactories.map((f) => [f.factoryName, f.day])).toEqual([
      ['泉州净洁日化', '2026-03-10'],
      ['晋江柔巾无纺布', '2026-03-11'],
      ['晋江恒信纸业', '2026-03-11'],
    ])
    // Reordering day 2 (what a drag or "move up" sends) is kept after a fresh read.
    ok(
      await call('tours.plan', {
        id: tour.id,
        stops: [
          { factoryId: chemicals, day: '2026-03-10' },
          { factoryId: paper, day: '2026-03-11' },
          { factoryId: towels, day: '2026-03-11' },
        ],
      }),
    )
    const read = ok<Tour>(await call('tours.get', { id: tour.id }))
    expect(read.plannedFactories.map((f) => f.factoryId)).toEqual([chemicals, paper, towels])
    expect(read.plannedDays).toEqual({
      [chemicals]: '2026-03-10',
      [paper]: '2026-03-11',
      [towels]: '2026-03-11',
    })
  })

  it('shows each stop with address, contact and phone, status, last visit, score and open follow-ups', async () => {
    ok(
      await call('visits.create', {
        factoryId: paper,
        visitDate: '2026-02-20',
        scores: { design: { score: 4 }, capacity: { score: 5 } },
        followUps: [{ text: '寄 3 层 130 抽样品', dueDate: '2026-03-20' }, { text: '报价含税价' }],
      }),
    )
    // A newer visit left unscored: the last visit moves, the score stays the last one given.
    ok(await call('visits.create', { factoryId: paper, visitDate: '2026-03-01' }))
    const read = ok<Tour>(await call('tours.get', { id: tour.id }))
    expect(read.plannedFactories.find((f) => f.factoryId === paper)).toMatchObject({
      address: '晋江市安海镇工业区 8 号',
      province: '福建省',
      city: '泉州市',
      status: 'qualified',
      contact: { name: '陈厂长', role: '厂长', phone: '13905951234' },
      glance: { lastVisitDate: '2026-03-01', latestScore: 4.5, openFollowUps: 2 },
      day: null,
    })
    expect(read.plannedFactories.find((f) => f.factoryId === chemicals)).toMatchObject({
      contact: null,
      glance: { lastVisitDate: null, latestScore: null, openFollowUps: 0 },
    })
  })

  it('refuses a day outside the tour with a field error on that stop, and writes nothing', async () => {
    const before = writeCounts(core)
    const error = failed(
      await call('tours.plan', {
        id: tour.id,
        stops: [
          { factoryId: paper, day: '2026-03-10' },
          { factoryId: chemicals, day: '2026-03-13' },
        ],
      }),
    )
    expect(error.fields).toEqual([
      {
        path: ['stops', 1, 'day'],
        messageKey: 'errors.tour.dayOutside',
        params: { start: '2026-03-09', end: '2026-03-12' },
      },
    ])
    expect(writeCounts(core)).toEqual(before)
    const repeat = failed(
      await call('tours.plan', { id: tour.id, stops: [{ factoryId: paper }, { factoryId: paper }] }),
    )
    expect(repeat.fields).toEqual([{ path: ['stops', 1, 'factoryId'], messageKey: 'errors.tour.planRepeat' }])
    const missing = failed(
      await call('tours.plan', {
        id: tour.id,
        stops: [{ factoryId: '01890a5d-ac96-774b-bcce-b302099a8057', day: null }],
      }),
    )
    expect(missing.fields[0]).toMatchObject({ path: ['stops', 0, 'factoryId'] })
    expect(writeCounts(core)).toEqual(before)
  })

  it('keeps the days when the tour is edited, and refuses new dates that would leave a planned day out', async () => {
    ok(
      await call('tours.plan', {
        id: tour.id,
        stops: [
          { factoryId: paper, day: '2026-03-12' },
          { factoryId: chemicals, day: '2026-03-09' },
        ],
      }),
    )
    const values = {
      name: '晋江/泉州 第二轮',
      startDate: '2026-03-09',
      endDate: '2026-03-12',
      plannedFactoryIds: [paper, chemicals, towels],
    }
    const renamed = ok<Tour>(await call('tours.update', { id: tour.id, values }))
    expect(renamed.plannedDays).toEqual({ [chemicals]: '2026-03-09', [paper]: '2026-03-12' })
    const shortened = failed(
      await call('tours.update', { id: tour.id, values: { ...values, endDate: '2026-03-11' } }),
    )
    expect(shortened.fields).toEqual([
      {
        path: ['values', 'endDate'],
        messageKey: 'errors.tour.plannedOutside',
        params: { date: '2026-03-12' },
      },
    ])
    // Taking a factory off the plan drops its day.
    const fewer = ok<Tour>(
      await call('tours.update', { id: tour.id, values: { ...values, plannedFactoryIds: [chemicals] } }),
    )
    expect(fewer.plannedDays).toEqual({ [chemicals]: '2026-03-09' })
  })
})

describe('tour itinerary sync', () => {
  let fleet: SyncFleet | undefined
  afterEach(() => fleet?.dispose())

  it('carries the day and order planned on one laptop to another through HQ, and merges with an edit of the notes', async () => {
    let t = Date.now()
    fleet = await startSyncFleet(['李工的笔记本', '王工的笔记本'], t)
    const [li, wang] = fleet.laptops as [SyncDevice, SyncDevice]
    const tick = (device: SyncDevice) => device.setWall((t += 1000))
    tick(li)
    const a = ok<{ id: string }>(await li.core.dispatch('factories.create', { name: '晋江恒信纸业' })).id
    const b = ok<{ id: string }>(await li.core.dispatch('factories.create', { name: '泉州净洁日化' })).id
    const values = {
      name: '晋江行',
      startDate: '2026-03-09',
      endDate: '2026-03-10',
      plannedFactoryIds: [a, b],
    }
    const tour = ok<Tour>(await li.core.dispatch('tours.create', values))
    expect((await li.sync()).outcome).toBe('ok')
    expect((await wang.sync()).outcome).toBe('ok')

    tick(li)
    ok(
      await li.core.dispatch('tours.plan', {
        id: tour.id,
        stops: [
          { factoryId: b, day: '2026-03-09' },
          { factoryId: a, day: '2026-03-10' },
        ],
      }),
    )
    tick(wang)
    ok(await wang.core.dispatch('tours.update', { id: tour.id, values: { ...values, notes: '带样品袋' } }))
    for (const device of [li, wang, li]) expect((await device.sync()).outcome).toBe('ok')

    for (const device of [li, wang]) {
      const read = ok<Tour>(await device.core.dispatch('tours.get', { id: tour.id }))
      expect(read.plannedFactories.map((f) => [f.factoryId, f.day])).toEqual([
        [b, '2026-03-09'],
        [a, '2026-03-10'],
      ])
      expect(read.notes).toBe('带样品袋')
    }
  })
})
