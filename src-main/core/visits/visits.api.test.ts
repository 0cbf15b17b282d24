import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTempCore, writeCounts, type TempCore } from '../../../test/integration/support/temp-core'
import { failed, ok } from '../../../test/integration/support/api-result'
import type { ApiError } from '../api/errors'
import type { Tour, TourSummary } from '../tours/tours.contract'
import type { FactoryScorecard, FollowUp, FollowUpItem, Visit, VisitSummary } from './visits.contract'

/** Tours, visits, follow-ups and the factory scorecard through the dispatcher, on a real SQLite file. */

const MISSING_ID = '01890a5d-ac96-774b-bcce-b302099a8057'
// The wall clock stands still at noon on 2026-03-10 (UTC) so phases and overdue flags are fixed.
const NOW = Date.parse('2026-03-10T04:00:00.000Z')

describe('tours and visits API', () => {
  let core: TempCore
  let paper: string
  let chemicals: string
  let tour: Tour
  const call = (name: string, input: unknown) => core.dispatch(name, input)
  const createFactory = async (name: string, city: string) =>
    ok<{ id: string }>(await call('factories.create', { name, city })).id
  const createVisit = async (input: Record<string, unknown>) => ok<Visit>(await call('visits.create', input))

  beforeEach(async () => {
    core = await createTempCore({ wallClock: () => NOW })
    paper = await createFactory('晋江恒信纸业', '晋江')
    chemicals = await createFactory('泉州净洁日化', '泉州')
    tour = ok<Tour>(
      await call('tours.create', {
        name: '晋江/泉州 纸品与卫生用品',
        startDate: '2026-03-09',
        endDate: '2026-03-12',
        belts: ['晋江纸品', '泉州卫生用品'],
        members: ['王敏', '李强'],
        plannedFactoryIds: [paper, chemicals, paper],
      }),
    )
  })
  afterEach(async () => {
    await core.dispose()
  })

  it('plans a tour with planned factories, its phase against today and no progress yet', () => {
    expect(tour).toMatchObject({
      phase: 'ongoing',
      plannedFactoryIds: [paper, chemicals],
      progress: { visited: 0, planned: 2 },
      plannedFactories: [
        { factoryId: paper, factoryName: '晋江恒信纸业', city: '晋江', visited: false },
        { factoryId: chemicals, factoryName: '泉州净洁日化', visited: false },
      ],
      itinerary: [],
    })
  })

  it('records a scored visit with follow-ups and shows it on the tour itinerary and progress', async () => {
    const visit = await createVisit({
      factoryId: paper,
      tourId: tour.id,
      visitDate: '2026-03-10',
      attendees: ['王敏', '陈厂长'],
      scores: { design: { score: 4, note: '花型多' }, capacity: { score: 5 } },
      followUps: [{ text: '寄 3 层 130 抽样品', dueDate: '2026-03-20' }, { text: '报价含税价' }],
    })
    expect(visit).toMatchObject({
      factoryName: '晋江恒信纸业',
      tourName: '晋江/泉州 纸品与卫生用品',
      averageScore: 4.5,
      scores: {
        design: { score: 4, note: '花型多' },
        rnd: { score: null, note: '' },
        capacity: { score: 5 },
      },
    })
    expect(visit.followUps.map((f) => [f.text, f.dueDate, f.done])).toEqual([
      ['寄 3 层 130 抽样品', '2026-03-20', false],
      ['报价含税价', null, false],
    ])

    const updated = ok<Tour>(await call('tours.get', { id: tour.id }))
    expect(updated.progress).toEqual({ visited: 1, planned: 2 })
    expect(updated.plannedFactories.map((p) => p.visited)).toEqual([true, false])
    expect(updated.itinerary).toEqual([
      {
        date: '2026-03-10',
        visits: [
          {
            visitId: visit.id,
            factoryId: paper,
            factoryName: '晋江恒信纸业',
            planned: true,
            averageScore: 4.5,
            openFollowUps: 2,
          },
        ],
      },
    ])
    const [summary] = ok<TourSummary[]>(await call('tours.list', {}))
    expect(summary).toMatchObject({ visitCount: 1, progress: { visited: 1, planned: 2 }, phase: 'ongoing' })
    expect(ok<TourSummary[]>(await call('tours.list', { phase: 'upcoming' }))).toEqual([])
    const [listed] = ok<VisitSummary[]>(await call('visits.list', { tourId: tour.id }))
    expect(listed).toMatchObject({ id: visit.id, scoredCount: 2, openFollowUps: 2, tourName: tour.name })
  })

  it('ticks follow-ups done and reopens them, each its own synced row', async () => {
    const visit = await createVisit({
      factoryId: paper,
      visitDate: '2026-03-01',
      followUps: [{ text: '补充检测报告', dueDate: '2026-03-05' }, { text: '确认产能' }],
    })
    const [first, second] = visit.followUps as [FollowUp, FollowUp]
    const before = writeCounts(core).changes
    const done = ok<FollowUp>(await call('followUps.setDone', { id: first.id, done: true }))
    expect(done).toMatchObject({ done: true, doneAt: new Date(NOW).toISOString() })
    // Only this follow-up's done and done_at (and updated_at) were recorded: another device ticking the
    // second follow-up offline touches a different row, so both ticks survive a sync.
    const recorded = core.database.sqlite
      .prepare('SELECT row_id, column_name FROM change_log WHERE seq > ? ORDER BY column_name')
      .all(before) as { row_id: string; column_name: string }[]
    expect(recorded).toEqual([
      { row_id: first.id, column_name: 'done' },
      { row_id: first.id, column_name: 'done_at' },
      { row_id: first.id, column_name: 'updated_at' },
    ])
    // Ticking again changes nothing.
    const counts = writeCounts(core)
    ok(await call('followUps.setDone', { id: first.id, done: true }))
    expect(writeCounts(core)).toEqual(counts)

    const open = ok<FollowUpItem[]>(await call('followUps.list', { factoryId: paper }))
    expect(open.map((f) => f.id)).toEqual([second.id])
    expect(ok<FollowUpItem[]>(await call('followUps.list', { status: 'done' })).map((f) => f.id)).toEqual([
      first.id,
    ])
    const reopened = ok<FollowUp>(await call('followUps.setDone', { id: first.id, done: false }))
    expect(reopened).toMatchObject({ done: false, doneAt: null })
    const all = ok<FollowUpItem[]>(await call('followUps.list', { status: 'open' }))
    // Dated first; the 03-05 one is overdue on 03-10.
    expect(all.map((f) => [f.text, f.overdue])).toEqual([
      ['补充检测报告', true],
      ['确认产能', false],
    ])

    const added = ok<FollowUp>(
      await call('followUps.create', { visitId: visit.id, text: '约下次打样', dueDate: '2026-04-01' }),
    )
    ok(
      await call('followUps.update', { id: added.id, values: { text: '约下次打样（两款）', dueDate: null } }),
    )
    ok(await call('followUps.delete', { id: second.id }))
    expect(ok<Visit>(await call('visits.get', { id: visit.id })).followUps.map((f) => f.text)).toEqual([
      '补充检测报告',
      '约下次打样（两款）',
    ])
  })

  it("builds a factory's scorecard across repeat visits: latest, average, delta and open follow-ups", async () => {
    await createVisit({
      factoryId: paper,
      visitDate: '2025-09-15',
      scores: { design: { score: 2 }, rnd: { score: 3 }, qualitySystem: { score: 4 } },
      followUps: [{ text: '送检 SGS', dueDate: '2025-10-01' }],
    })
    await createVisit({
      factoryId: paper,
      visitDate: '2025-12-02',
      scores: { design: { score: 3 }, rnd: { score: 4, note: '新建实验室' } },
    })
    const latest = await createVisit({
      factoryId: paper,
      tourId: tour.id,
      visitDate: '2026-03-10',
      scores: { design: { score: 4, note: '新花型' }, rnd: { score: 3 } },
    })
    await createVisit({ factoryId: chemicals, visitDate: '2026-03-11', scores: { design: { score: 1 } } })

    const card = ok<FactoryScorecard>(await call('factories.scorecard', { factoryId: paper }))
    expect(card.factoryName).toBe('晋江恒信纸业')
    expect(card.visits.map((v) => v.visitDate)).toEqual(['2026-03-10', '2025-12-02', '2025-09-15'])
    const byDimension = Object.fromEntries(card.dimensions.map((d) => [d.dimension, d]))
    expect(byDimension.design).toMatchObject({
      latest: 4,
      latestNote: '新花型',
      latestVisitId: latest.id,
      previous: 3,
      delta: 1,
      average: 3,
      count: 3,
    })
    expect(byDimension.rnd).toMatchObject({ latest: 3, previous: 4, delta: -1, average: 3.33 })
    // Quality was scored once, long ago: it is still the latest, with no change to show.
    expect(byDimension.qualitySystem).toMatchObject({ latest: 4, latestDate: '2025-09-15', delta: null })
    expect(byDimension.capacity).toMatchObject({ latest: null, average: null, count: 0 })
    expect(card.dimensions.map((d) => d.dimension)).toEqual([
      'design',
      'rnd',
      'quickResponse',
      'newProductDevelopment',
      'beltLeadership',
      'qualitySystem',
      'capacity',
    ])
    expect(card.overall).toEqual({ latest: 3.67, average: 3.44 })
    expect(card.openFollowUps).toEqual([
      expect.objectContaining({ text: '送检 SGS', overdue: true, factoryName: '晋江恒信纸业' }),
    ])

    // Rescoring the latest visit moves the delta; deleting it falls back to the visit before.
    const {
      id,
      createdAt: _c,
      updatedAt: _u,
      factoryName: _f,
      tourName: _t,
      averageScore: _a,
      followUps: _fu,
      ...values
    } = latest
    ok(
      await call('visits.update', {
        id,
        values: { ...values, scores: { ...values.scores, design: { score: 5, note: '' } } },
      }),
    )
    const rescored = ok<FactoryScorecard>(await call('factories.scorecard', { factoryId: paper }))
    expect(rescored.dimensions[0]).toMatchObject({ latest: 5, delta: 2 })
    ok(await call('visits.delete', { id }))
    const fallback = ok<FactoryScorecard>(await call('factories.scorecard', { factoryId: paper }))
    expect(fallback.dimensions[0]).toMatchObject({ latest: 3, previous: 2, delta: 1 })
    expect(fallback.visits).toHaveLength(2)
  })

  it('refuses new tour dates that would leave a visit outside, and deleting a tour with visits', async () => {
    await createVisit({ factoryId: paper, tourId: tour.id, visitDate: '2026-03-12' })
    const {
      id,
      phase: _p,
      progress: _g,
      plannedFactories: _f,
      plannedDays: _d,
      itinerary: _i,
      createdAt: _c,
      updatedAt: _u,
      ...values
    } = tour
    const error = failed(await call('tours.update', { id, values: { ...values, endDate: '2026-03-11' } }))
    expect(error.fields).toEqual([
      {
        path: ['values', 'endDate'],
        messageKey: 'errors.tour.visitsOutside',
        params: { date: '2026-03-12' },
      },
    ])
    expect(failed(await call('tours.delete', { id })).fields[0]?.messageKey).toBe('errors.tour.hasVisits')
    ok(await call('tours.update', { id, values: { ...values, endDate: '2026-03-13', notes: '延长一天' } }))
  })

  describe('bad input gets a specific error on its field and writes nothing', () => {
    const cases: {
      what: string
      call: string
      input: (ids: { paper: string; tour: string }) => unknown
      code: ApiError['code']
      path: (string | number)[]
      messageKey: string
    }[] = [
      {
        what: 'a score above 5',
        call: 'visits.create',
        input: ({ paper }) => ({
          factoryId: paper,
          visitDate: '2026-03-10',
          scores: { design: { score: 6 } },
        }),
        code: 'validation',
        path: ['scores', 'design', 'score'],
        messageKey: 'errors.score.range',
      },
      {
        what: 'a score of 0',
        call: 'visits.create',
        input: ({ paper }) => ({
          factoryId: paper,
          visitDate: '2026-03-10',
          scores: { capacity: { score: 0 } },
        }),
        code: 'validation',
        path: ['scores', 'capacity', 'score'],
        messageKey: 'errors.score.range',
      },
      {
        what: 'a score that is not a whole number',
        call: 'visits.create',
        input: ({ paper }) => ({
          factoryId: paper,
          visitDate: '2026-03-10',
          scores: { rnd: { score: 3.5 } },
        }),
        code: 'validation',
        path: ['scores', 'rnd', 'score'],
        messageKey: 'errors.score.range',
      },
      {
        what: 'a score given as text',
        call: 'visits.create',
        input: ({ paper }) => ({
          factoryId: paper,
          visitDate: '2026-03-10',
          scores: { rnd: { score: '4' } },
        }),
        code: 'validation',
        path: ['scores', 'rnd', 'score'],
        messageKey: 'errors.score.range',
      },
      {
        what: 'an unknown dimension',
        call: 'visits.create',
        input: ({ paper }) => ({
          factoryId: paper,
          visitDate: '2026-03-10',
          scores: { price: { score: 3 } },
        }),
        code: 'validation',
        path: ['scores'],
        messageKey: 'errors.unknownKeys',
      },
      {
        what: 'a visit date outside its tour',
        call: 'visits.create',
        input: ({ paper, tour }) => ({ factoryId: paper, tourId: tour, visitDate: '2026-03-13' }),
        code: 'validation',
        path: ['visitDate'],
        messageKey: 'errors.visit.outsideTour',
      },
      {
        what: 'an unknown factory',
        call: 'visits.create',
        input: () => ({ factoryId: MISSING_ID, visitDate: '2026-03-10', followUps: [{ text: '不应写入' }] }),
        code: 'validation',
        path: ['factoryId'],
        messageKey: 'errors.reference.missing',
      },
      {
        what: 'an unknown tour',
        call: 'visits.create',
        input: ({ paper }) => ({ factoryId: paper, tourId: MISSING_ID, visitDate: '2026-03-10' }),
        code: 'validation',
        path: ['tourId'],
        messageKey: 'errors.reference.missing',
      },
      {
        what: 'an impossible date',
        call: 'visits.create',
        input: ({ paper }) => ({ factoryId: paper, visitDate: '2026-02-30' }),
        code: 'validation',
        path: ['visitDate'],
        messageKey: 'errors.date.invalid',
      },
      {
        what: 'an empty follow-up',
        call: 'visits.create',
        input: ({ paper }) => ({ factoryId: paper, visitDate: '2026-03-10', followUps: [{ text: ' ' }] }),
        code: 'validation',
        path: ['followUps', 0, 'text'],
        messageKey: 'errors.required',
      },
      {
        what: 'a follow-up on an unknown visit',
        call: 'followUps.create',
        input: () => ({ visitId: MISSING_ID, text: '跟进' }),
        code: 'validation',
        path: ['visitId'],
        messageKey: 'errors.reference.missing',
      },
      {
        what: 'ticking an unknown follow-up',
        call: 'followUps.setDone',
        input: () => ({ id: MISSING_ID, done: true }),
        code: 'not_found',
        path: ['id'],
        messageKey: 'errors.notFound',
      },
      {
        what: 'an unknown visit (update)',
        call: 'visits.update',
        input: ({ paper }) => ({ id: MISSING_ID, values: { factoryId: paper, visitDate: '2026-03-10' } }),
        code: 'not_found',
        path: ['id'],
        messageKey: 'errors.notFound',
      },
      {
        what: 'a scorecard of an unknown factory',
        call: 'factories.scorecard',
        input: () => ({ factoryId: MISSING_ID }),
        code: 'not_found',
        path: ['factoryId'],
        messageKey: 'errors.notFound',
      },
      {
        what: 'a tour ending before it starts',
        call: 'tours.create',
        input: () => ({ name: '倒序', startDate: '2026-04-02', endDate: '2026-04-01' }),
        code: 'validation',
        path: ['endDate'],
        messageKey: 'errors.tour.dateOrder',
      },
      {
        what: 'a tour planning an unknown factory',
        call: 'tours.create',
        input: ({ paper }) => ({
          name: '广州日化',
          startDate: '2026-04-01',
          endDate: '2026-04-03',
          plannedFactoryIds: [paper, MISSING_ID],
        }),
        code: 'validation',
        path: ['plannedFactoryIds', 1],
        messageKey: 'errors.reference.missing',
      },
      {
        what: 'an unknown tour (delete)',
        call: 'tours.delete',
        input: () => ({ id: MISSING_ID }),
        code: 'not_found',
        path: ['id'],
        messageKey: 'errors.notFound',
      },
    ]

    it.each(cases)('$what → $path ($messageKey)', async (c) => {
      const before = writeCounts(core)
      const error = failed(await call(c.call, c.input({ paper, tour: tour.id })))
      expect(error.code).toBe(c.code)
      expect(error.fields).toContainEqual(expect.objectContaining({ path: c.path, messageKey: c.messageKey }))
      expect(writeCounts(core)).toEqual(before)
      expect(ok<VisitSummary[]>(await call('visits.list', {}))).toEqual([])
    })

    it('names the tour dates in the outside-tour error', async () => {
      const error = failed(
        await call('visits.create', { factoryId: paper, tourId: tour.id, visitDate: '2026-03-08' }),
      )
      expect(error.fields).toEqual([
        {
          path: ['visitDate'],
          messageKey: 'errors.visit.outsideTour',
          params: { start: '2026-03-09', end: '2026-03-12' },
        },
      ])
    })
  })
})
