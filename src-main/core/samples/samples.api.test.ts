import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTempCore, writeCounts, type TempCore } from '../../../test/integration/support/temp-core'
import { failed, ok } from '../../../test/integration/support/api-result'
import type { ApiError } from '../api/errors'
import { devicePrefix } from '../domain/sample-code'
import type { Visit } from '../visits/visits.contract'
import type { Photo, PhotoLink } from '../photos/photos.contract'
import { photoRoutes } from '../photos/photos.api'
import sharp from 'sharp'
import type { Sample, SampleSummary } from './samples.contract'

/** Samples through the dispatcher: codes, workflow with history, evaluation, category policy. */

const MISSING_ID = '01890a5d-ac96-774b-bcce-b302099a8057'
const NOW = Date.parse('2026-03-10T04:00:00.000Z')

describe('samples API', () => {
  let core: TempCore
  let factory: string
  let otherFactory: string
  let visit: Visit
  let sku: string
  const call = (name: string, input: unknown) => core.dispatch(name, input)
  const create = async (input: Record<string, unknown>) => ok<Sample>(await call('samples.create', input))
  const fromSelectionCenter = (name: string, extra: Record<string, unknown> = {}) =>
    create({ source: 'selectionCenter', factoryId: factory, name, ...extra })

  beforeEach(async () => {
    core = await createTempCore({ wallClock: () => NOW })
    factory = ok<{ id: string }>(await call('factories.create', { name: '晋江恒信纸业' })).id
    otherFactory = ok<{ id: string }>(await call('factories.create', { name: '佛山宠优食品' })).id
    visit = ok<Visit>(await call('visits.create', { factoryId: factory, visitDate: '2026-03-09' }))
    sku = ok<{ id: string }>(
      await call('skus.create', {
        category: '生活用纸',
        name: '三层抽纸 130抽×24包',
        comparableUnit: '抽',
        retailPackSpec: [
          { count: 24, label: '包' },
          { count: 130, label: '抽' },
        ],
        plannedOrderPacks: 10000,
        targetMargin: '0.35',
      }),
    ).id
    ok(await call('categories.create', { name: '宠物主粮', status: 'excluded', note: '试过，放弃' }))
  })
  afterEach(async () => {
    await core.dispose()
  })

  it('registers a sample from a visit with a device code, specs, storage and its first history entry', async () => {
    const sample = await create({
      source: 'visit',
      visitId: visit.id,
      factoryId: factory,
      skuId: sku,
      name: '竹浆本色抽纸',
      specs: [
        { key: '层数', value: '3' },
        { key: '抽数', value: '130' },
        { key: '原料', value: '竹浆' },
      ],
      storageLocation: '选品中心 B-3 架',
      status: 'received',
      by: '王敏',
    })
    const prefix = devicePrefix(core.context.write.deviceId)
    expect(sample).toMatchObject({
      code: `S-2026-${prefix}-00001`,
      source: 'visit',
      category: '生活用纸', // taken from the SKU brief
      categoryOverride: null,
      factoryName: '晋江恒信纸业',
      skuName: '三层抽纸 130抽×24包',
      visitDate: '2026-03-09',
      status: 'received',
      nextStatuses: ['evaluating'],
      evaluation: null,
    })
    expect(sample.specs.map((s) => s.key)).toEqual(['层数', '抽数', '原料'])
    expect(sample.history).toEqual([
      expect.objectContaining({
        from: null,
        to: 'received',
        by: '王敏',
        deviceId: core.context.write.deviceId,
      }),
    ])
    const second = await fromSelectionCenter('湿厕纸 80 片')
    expect(second.code).toBe(`S-2026-${prefix}-00002`)
    // A deleted sample's code is never given out again.
    ok(await call('samples.delete', { id: second.id }))
    expect((await fromSelectionCenter('湿厕纸 40 片')).code).toBe(`S-2026-${prefix}-00003`)
  })

  it('finds a sample by its code as scanned or typed by hand', async () => {
    const sample = await fromSelectionCenter('洁厕液 500ml')
    expect(ok<Sample>(await call('samples.findByCode', { code: sample.code })).id).toBe(sample.id)
    const typed = ` ${sample.code.toLowerCase().replace(/0/g, 'o')} `
    expect(ok<Sample>(await call('samples.findByCode', { code: typed })).id).toBe(sample.id)
    expect(failed(await call('samples.findByCode', { code: 'S-2026-ZZZZ-99999' }))).toMatchObject({
      code: 'not_found',
      fields: [{ path: ['code'], messageKey: 'errors.notFound' }],
    })
    const [listed] = ok<SampleSummary[]>(await call('samples.list', { search: sample.code.slice(-5) }))
    expect(listed?.id).toBe(sample.id)
  })

  it('walks the workflow to approved, keeping who, when, from, to and why', async () => {
    const sample = await fromSelectionCenter('三层抽纸')
    ok(await call('samples.transition', { id: sample.id, to: 'received', by: '李强' }))
    ok(await call('samples.transition', { id: sample.id, to: 'evaluating' }))
    const evaluated = ok<Sample>(
      await call('samples.evaluate', {
        id: sample.id,
        evaluation: {
          benchmark: '维达 超韧 3层 130抽',
          scores: [
            { dimension: 'softness', score: 4, note: '略硬' },
            { dimension: 'strength', score: 5 },
          ],
          verdict: 'onPar',
          note: '价格三分之一，品质相当',
        },
      }),
    )
    expect(evaluated.evaluation).toEqual({
      benchmark: '维达 超韧 3层 130抽',
      scores: [
        { dimension: 'softness', score: 4, note: '略硬' },
        { dimension: 'strength', score: 5, note: '' },
      ],
      verdict: 'onPar',
      note: '价格三分之一，品质相当',
      evaluatedAt: new Date(NOW).toISOString(),
    })
    const approved = ok<Sample>(
      await call('samples.transition', { id: sample.id, to: 'approved', reason: '进入打样' }),
    )
    expect(approved).toMatchObject({ status: 'approved', statusReason: '进入打样', nextStatuses: [] })
    expect(approved.history.map((h) => [h.from, h.to, h.reason, h.by])).toEqual([
      [null, 'requested', '', ''],
      ['requested', 'received', '', '李强'],
      ['received', 'evaluating', '', ''],
      ['evaluating', 'approved', '进入打样', ''],
    ])
    expect(ok<SampleSummary[]>(await call('samples.list', { statuses: ['approved'] }))).toEqual([
      expect.objectContaining({ id: sample.id, verdict: 'onPar' }),
    ])
    const cleared = ok<Sample>(await call('samples.evaluate', { id: sample.id, evaluation: null }))
    expect(cleared.evaluation).toBeNull()
  })

  it('registers a sample with the photos taken before it was saved, in one transaction', async () => {
    const routes = photoRoutes(core.context)
    const jpeg = (color: string) =>
      sharp({ create: { width: 64, height: 48, channels: 3, background: color } })
        .jpeg()
        .toBuffer()
    const front = ok<Photo>(await routes.upload(await jpeg('#c00')))
    const back = ok<Photo>(await routes.upload(await jpeg('#00c')))
    const sample = await create({
      source: 'visit',
      visitId: visit.id,
      factoryId: factory,
      name: '竹浆本色抽纸',
      status: 'received',
      photos: [{ sha256: front.sha256, caption: '正面' }, { sha256: back.sha256 }],
    })
    const { items } = ok<{ items: PhotoLink[] }>(
      await call('photos.list', { ownerTable: 'samples', ownerId: sample.id }),
    )
    expect(items.map((p) => [p.sha256, p.caption, p.sortOrder])).toEqual([
      [front.sha256, '正面', 0],
      [back.sha256, '', 1],
    ])

    // A photo that was never stored fails the whole save: no sample, no link, no change recorded.
    const sampleCount = () =>
      (core.database.sqlite.prepare('SELECT count(*) AS n FROM samples').get() as { n: number }).n
    const links = () =>
      (core.database.sqlite.prepare('SELECT count(*) AS n FROM photo_links').get() as { n: number }).n
    const before = { samples: sampleCount(), links: links(), writes: writeCounts(core) }
    const error = failed(
      await call('samples.create', {
        source: 'visit',
        visitId: visit.id,
        factoryId: factory,
        name: '第二个样品',
        photos: [{ sha256: front.sha256 }, { sha256: 'f'.repeat(64) }],
      }),
    )
    expect(error.fields[0]?.path).toEqual(['photos', 1, 'sha256'])
    expect({ samples: sampleCount(), links: links(), writes: writeCounts(core) }).toEqual(before)
  })

  it('filling in the evaluation starts it: received → evaluating, kept in the history', async () => {
    const sample = await fromSelectionCenter('湿厕纸', { status: 'received' })
    const evaluation = { verdict: 'onPar', scores: [{ dimension: 'softness', score: 4 }] }
    const evaluated = ok<Sample>(await call('samples.evaluate', { id: sample.id, evaluation }))
    expect(evaluated).toMatchObject({ status: 'evaluating', nextStatuses: ['approved', 'rejected'] })
    expect(evaluated.history.map((h) => [h.from, h.to])).toEqual([
      [null, 'received'],
      ['received', 'evaluating'],
    ])
    // Editing it again moves nothing further.
    const again = ok<Sample>(
      await call('samples.evaluate', { id: sample.id, evaluation: { ...evaluation, verdict: 'better' } }),
    )
    expect(again.status).toBe('evaluating')
    expect(again.history).toHaveLength(2)

    // A sample still on its way cannot be evaluated; nothing is written.
    const promised = await fromSelectionCenter('洁厕液')
    const refused = failed(await call('samples.evaluate', { id: promised.id, evaluation }))
    expect(refused).toMatchObject({ code: 'conflict', messageKey: 'errors.sample.notReceived' })
    const unchanged = ok<Sample>(await call('samples.get', { id: promised.id }))
    expect(unchanged).toMatchObject({ status: 'requested', evaluation: null })
  })

  it('rejects with a reason, and records the reason', async () => {
    const sample = await fromSelectionCenter('湿厕纸', { status: 'received' })
    ok(await call('samples.transition', { id: sample.id, to: 'evaluating' }))
    const rejected = ok<Sample>(
      await call('samples.transition', { id: sample.id, to: 'rejected', reason: '可冲散性不达标' }),
    )
    expect(rejected).toMatchObject({ status: 'rejected', statusReason: '可冲散性不达标' })
    expect(rejected.history.at(-1)).toMatchObject({
      from: 'evaluating',
      to: 'rejected',
      reason: '可冲散性不达标',
    })
  })

  it('registers in an excluded category only with an override, which is recorded', async () => {
    const input = {
      source: 'selectionCenter',
      factoryId: otherFactory,
      name: '成犬粮 2kg',
      category: '宠物主粮',
    }
    const before = writeCounts(core)
    expect(failed(await call('samples.create', input)).fields).toEqual([
      { path: ['category'], messageKey: 'errors.category.excluded', params: { category: '宠物主粮' } },
    ])
    expect(writeCounts(core)).toEqual(before)
    const sample = await create({
      ...input,
      categoryOverride: { override: true, reason: '山姆会员需求验证' },
    })
    expect(sample.categoryOverride).toEqual({ override: true, reason: '山姆会员需求验证' })
    expect(ok<SampleSummary[]>(await call('samples.list', { search: '宠物' }))[0]?.overridden).toBe(true)

    // Editing it later keeps the recorded override without asking again.
    const values = {
      source: sample.source,
      visitId: sample.visitId,
      factoryId: sample.factoryId,
      skuId: sample.skuId,
      category: sample.category,
      name: sample.name,
      specs: sample.specs,
      storageLocation: sample.storageLocation,
      notes: sample.notes,
    }
    const id = sample.id
    const edited = ok<Sample>(
      await call('samples.update', { id, values: { ...values, categoryOverride: null, notes: '放入 C 区' } }),
    )
    expect(edited).toMatchObject({ notes: '放入 C 区', categoryOverride: { reason: '山姆会员需求验证' } })
  })

  describe('bad input gets a specific error on its field and writes nothing', () => {
    let requested: Sample
    let evaluating: Sample
    beforeEach(async () => {
      requested = await fromSelectionCenter('洗手液')
      evaluating = await fromSelectionCenter('地板清洁剂', { status: 'received' })
      ok(await call('samples.transition', { id: evaluating.id, to: 'evaluating' }))
    })

    const cases: {
      what: string
      call: string
      input: () => unknown
      code: ApiError['code']
      path: (string | number)[]
      messageKey: string
      params?: Record<string, string>
    }[] = [
      {
        what: 'an invalid status transition',
        call: 'samples.transition',
        input: () => ({ id: requested.id, to: 'approved' }),
        code: 'conflict',
        path: ['to'],
        messageKey: 'errors.sample.transition',
        params: { from: 'requested', to: 'approved' },
      },
      {
        what: 'a step back',
        call: 'samples.transition',
        input: () => ({ id: evaluating.id, to: 'received' }),
        code: 'conflict',
        path: ['to'],
        messageKey: 'errors.sample.transition',
        params: { from: 'evaluating', to: 'received' },
      },
      {
        what: 'reject without a reason',
        call: 'samples.transition',
        input: () => ({ id: evaluating.id, to: 'rejected', reason: '  ' }),
        code: 'validation',
        path: ['reason'],
        messageKey: 'errors.sample.rejectReason',
      },
      {
        what: 'an unknown status',
        call: 'samples.transition',
        input: () => ({ id: requested.id, to: 'lost' }),
        code: 'validation',
        path: ['to'],
        messageKey: 'errors.invalidOption',
      },
      {
        what: 'an unknown factory',
        call: 'samples.create',
        input: () => ({ source: 'selectionCenter', factoryId: MISSING_ID, name: '样品' }),
        code: 'validation',
        path: ['factoryId'],
        messageKey: 'errors.reference.missing',
      },
      {
        what: 'an unknown SKU',
        call: 'samples.create',
        input: () => ({ source: 'selectionCenter', factoryId: factory, skuId: MISSING_ID, name: '样品' }),
        code: 'validation',
        path: ['skuId'],
        messageKey: 'errors.reference.missing',
      },
      {
        what: 'a visit source without a visit',
        call: 'samples.create',
        input: () => ({ source: 'visit', factoryId: factory, name: '样品' }),
        code: 'validation',
        path: ['visitId'],
        messageKey: 'errors.sample.visitRequired',
      },
      {
        what: 'a selection-center sample naming a visit',
        call: 'samples.create',
        input: () => ({ source: 'selectionCenter', visitId: visit.id, factoryId: factory, name: '样品' }),
        code: 'validation',
        path: ['visitId'],
        messageKey: 'errors.sample.visitNotAllowed',
      },
      {
        what: 'a visit of another factory',
        call: 'samples.create',
        input: () => ({ source: 'visit', visitId: visit.id, factoryId: otherFactory, name: '样品' }),
        code: 'validation',
        path: ['factoryId'],
        messageKey: 'errors.sample.visitFactory',
      },
      {
        what: 'an excluded category without override',
        call: 'samples.create',
        input: () => ({ source: 'selectionCenter', factoryId: factory, name: '猫粮', category: '宠物主粮' }),
        code: 'validation',
        path: ['category'],
        messageKey: 'errors.category.excluded',
        params: { category: '宠物主粮' },
      },
      {
        what: 'an override without a reason',
        call: 'samples.create',
        input: () => ({
          source: 'selectionCenter',
          factoryId: factory,
          name: '猫粮',
          category: '宠物主粮',
          categoryOverride: { override: true, reason: '' },
        }),
        code: 'validation',
        path: ['categoryOverride', 'reason'],
        messageKey: 'errors.category.overrideReason',
      },
      {
        what: 'an evaluation score out of range',
        call: 'samples.evaluate',
        input: () => ({
          id: evaluating.id,
          evaluation: { verdict: 'better', scores: [{ dimension: 'scent', score: 6 }] },
        }),
        code: 'validation',
        path: ['evaluation', 'scores', 0, 'score'],
        messageKey: 'errors.score.range',
      },
      {
        what: 'a dimension scored twice',
        call: 'samples.evaluate',
        input: () => ({
          id: evaluating.id,
          evaluation: {
            verdict: 'worse',
            scores: [
              { dimension: 'scent', score: 3 },
              { dimension: 'scent', score: 4 },
            ],
          },
        }),
        code: 'validation',
        path: ['evaluation', 'scores', 1, 'dimension'],
        messageKey: 'errors.sample.dimensionDuplicate',
      },
      {
        what: 'an unknown verdict',
        call: 'samples.evaluate',
        input: () => ({ id: evaluating.id, evaluation: { verdict: 'great' } }),
        code: 'validation',
        path: ['evaluation', 'verdict'],
        messageKey: 'errors.invalidOption',
      },
      {
        what: 'an empty spec key',
        call: 'samples.create',
        input: () => ({
          source: 'selectionCenter',
          factoryId: factory,
          name: '样品',
          specs: [{ key: '', value: '3' }],
        }),
        code: 'validation',
        path: ['specs', 0, 'key'],
        messageKey: 'errors.required',
      },
      {
        what: 'an unknown sample (transition)',
        call: 'samples.transition',
        input: () => ({ id: MISSING_ID, to: 'received' }),
        code: 'not_found',
        path: ['id'],
        messageKey: 'errors.notFound',
      },
    ]

    it.each(cases)('$what → $path ($messageKey)', async (c) => {
      const before = writeCounts(core)
      const list = ok<SampleSummary[]>(await call('samples.list', {}))
      const error = failed(await call(c.call, c.input()))
      expect(error.code).toBe(c.code)
      expect(error.fields).toContainEqual(
        expect.objectContaining({
          path: c.path,
          messageKey: c.messageKey,
          ...(c.params ? { params: c.params } : {}),
        }),
      )
      expect(writeCounts(core)).toEqual(before)
      expect(ok<SampleSummary[]>(await call('samples.list', {}))).toEqual(list)
    })
  })
})
