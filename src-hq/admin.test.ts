import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Hq } from './hq'
import { HQ_OWNED_TABLES } from './hq.contract'
import { OWNED_TABLE_NAMES } from './admin.contract'
import { countMessages, readMessages } from './messages.repository'
import { createHqStore, hqBackends, hqCall, startStoreHq, type HqStore } from './testing/test-hq'

const SKU = {
  category: '生活用纸',
  name: '抽纸 3层 100抽 24包',
  comparableUnit: '抽',
  retailPackSpec: [
    { count: 24, label: '包' },
    { count: 100, label: '抽' },
  ],
  plannedOrderPacks: 5000,
  targetMargin: '0.35',
}

/** A console request: JSON with the session cookie, the way the page sends it. */
async function consoleCall(url: string, name: string, input: unknown, cookie?: string) {
  const response = await fetch(`${url}/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(input),
  })
  const body = (await response.json()) as {
    ok: boolean
    value?: Record<string, unknown>
    error?: { code: string; messageKey: string; fields: { path: unknown[] }[] }
  }
  return { status: response.status, body, setCookie: response.headers.get('set-cookie') }
}

describe('HQ-owned tables', () => {
  it('are the same list the push path refuses from devices', () => {
    expect([...OWNED_TABLE_NAMES].sort()).toEqual([...HQ_OWNED_TABLES].sort())
  })
})

describe.each(hqBackends())('HQ console routes on %s', (backend) => {
  let store: HqStore
  let hq: Hq

  beforeAll(async () => {
    store = await createHqStore(backend)
    hq = await startStoreHq(store, { enrolRateLimit: { max: 6, windowMs: 60_000 } })
  })
  afterAll(async () => {
    await hq?.close()
    await store?.dispose()
  })

  it('logs in with the admin token into an HttpOnly, SameSite=Strict cookie, and out again', async () => {
    const reply = await consoleCall(hq.url, 'admin.login', { token: hq.adminToken })
    expect(reply.status).toBe(200)
    expect(reply.setCookie).toMatch(
      /^hq_admin_session=[A-Za-z0-9_-]{40,}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=43200$/,
    )
    const cookie = reply.setCookie!.split(';')[0]!

    expect((await consoleCall(hq.url, 'admin.session', {})).status).toBe(401)
    const session = await consoleCall(hq.url, 'admin.session', {}, cookie)
    expect(session.status).toBe(200)
    expect(session.body.value).toMatchObject({
      database: backend,
      nodeId: expect.stringMatching(/^[0-9a-f]{16}$/),
    })
    expect((await consoleCall(hq.url, 'admin.codes.create', {}, cookie)).status).toBe(200)

    const out = await consoleCall(hq.url, 'admin.logout', {}, cookie)
    expect(out.body.value).toEqual({ ended: true })
    expect(out.setCookie).toMatch(/Max-Age=0/)
    expect((await consoleCall(hq.url, 'admin.session', {}, cookie)).status).toBe(401)
    // The bearer token keeps working for scripts.
    expect((await hqCall(hq.url, 'admin.session', {}, hq.adminToken)).status).toBe(200)
  })

  it('refuses a wrong token with its own message, a forged cookie, and too many tries', async () => {
    const wrong = await consoleCall(hq.url, 'admin.login', { token: 'not-the-admin-token' })
    expect(wrong.status).toBe(401)
    expect(wrong.body.error).toMatchObject({ code: 'unauthorized', messageKey: 'errors.hq.adminTokenWrong' })
    expect(wrong.setCookie).toBeNull()
    const forged = await consoleCall(
      hq.url,
      'admin.rows.list',
      { table: 'skus' },
      `hq_admin_session=${'A'.repeat(43)}`,
    )
    expect(forged.status).toBe(401)
    expect(forged.body.error?.messageKey).toBe('errors.hq.loginNeeded')
    let status = 0
    for (let i = 0; i < 6 && status !== 429; i++) {
      status = (await consoleCall(hq.url, 'admin.login', { token: 'guess' })).status
    }
    expect(status).toBe(429)
  })

  it('writes owned rows as messages under HQ’s node and reads them back from the log', async () => {
    // The admin token as a bearer (scripts); the cookie path is covered above.
    const cookie = hq.adminToken
    const nodeId = ((await hqCall(hq.url, 'admin.session', {}, cookie)).body.value as { nodeId: string })
      .nodeId
    const before = await countMessages(hq.database.db)

    const created = await hqCall(hq.url, 'admin.rows.create', { table: 'skus', values: SKU }, cookie)
    expect(created.status).toBe(200)
    const sku = created.body.value as { id: string; values: Record<string, unknown> }
    expect(sku.values).toMatchObject({ name: SKU.name, targetRatio: '1/3', categoryOverride: null })

    const written = (await readMessages(hq.database.db, 0, 10_000)).messages.filter(
      (m) => m.row_id === sku.id,
    )
    // Every column of the laptop's skus table, with its timestamps, as one HLC under HQ's node.
    expect(written.map((m) => m.column_name).sort()).toEqual(
      [
        'benchmark_channel',
        'category',
        'category_override_reason',
        'comparable_unit',
        'created_at',
        'deleted_at',
        'name',
        'notes',
        'planned_order_packs',
        'retail_pack_spec',
        'target_margin',
        'target_ratio',
        'unit_scale',
        'updated_at',
      ].sort(),
    )
    expect(new Set(written.map((m) => m.node_id))).toEqual(new Set([nodeId]))
    expect(written.every((m) => m.hlc.endsWith(`-${nodeId}`) && m.origin_device === 'hq')).toBe(true)
    expect(await countMessages(hq.database.db)).toBe(before + written.length)

    const renamed = await hqCall(
      hq.url,
      'admin.rows.update',
      { table: 'skus', id: sku.id, values: { ...SKU, name: '抽纸 3层 120抽' } },
      cookie,
    )
    expect((renamed.body.value as { values: { name: string } }).values.name).toBe('抽纸 3层 120抽')
    expect(await countMessages(hq.database.db)).toBe(before + written.length + 2) // name + updated_at

    const benchmark = await hqCall(
      hq.url,
      'admin.rows.create',
      {
        table: 'benchmarks',
        values: {
          skuId: sku.id,
          brand: '维达',
          channel: '天猫',
          packSpec: SKU.retailPackSpec,
          shelfPrice: '59.90',
          observedAt: '2026-11-20',
        },
      },
      cookie,
    )
    expect(benchmark.status).toBe(200)
    const demand = await hqCall(
      hq.url,
      'admin.rows.create',
      {
        table: 'demand_signals',
        values: { skuId: sku.id, month: '2026-10', channel: '山姆', monthlyUnits: 12000 },
      },
      cookie,
    )
    expect(demand.status).toBe(200)

    const deleted = await hqCall(hq.url, 'admin.rows.delete', { table: 'skus', id: sku.id }, cookie)
    expect(deleted.status).toBe(200)
    const listed = await hqCall(hq.url, 'admin.rows.list', { table: 'skus' }, cookie)
    expect((listed.body.value as { rows: { id: string }[] }).rows.map((r) => r.id)).not.toContain(sku.id)
    const demandRows = await hqCall(hq.url, 'admin.rows.list', { table: 'demand_signals' }, cookie)
    expect((demandRows.body.value as { rows: unknown[] }).rows).toHaveLength(1)
  })

  it('refuses invalid values, dangling references and duplicate categories, appending nothing', async () => {
    const token = hq.adminToken
    const before = await countMessages(hq.database.db)
    const invalid = await hqCall(
      hq.url,
      'admin.rows.create',
      { table: 'skus', values: { ...SKU, name: '', targetMargin: '1.5' } },
      token,
    )
    expect(invalid.status).toBe(400)
    expect(invalid.body.error?.code).toBe('validation')
    const dangling = await hqCall(
      hq.url,
      'admin.rows.create',
      {
        table: 'demand_signals',
        values: {
          skuId: '01900000-0000-7000-8000-000000000000',
          month: '2026-10',
          channel: '京东',
          monthlyUnits: 1,
        },
      },
      token,
    )
    expect(dangling.status).toBe(400)
    const policy = {
      table: 'categories',
      values: { name: '宠物主粮', status: 'excluded', note: '试过，已放弃' },
    }
    expect((await hqCall(hq.url, 'admin.rows.create', policy, token)).status).toBe(200)
    const after = await countMessages(hq.database.db)
    const twice = await hqCall(hq.url, 'admin.rows.create', policy, token)
    expect(twice.status).toBe(409)
    expect(twice.body.error?.code).toBe('conflict')
    const missing = await hqCall(
      hq.url,
      'admin.rows.update',
      { table: 'categories', id: '01900000-0000-7000-8000-000000000000', values: policy.values },
      token,
    )
    expect(missing.status).toBe(404)
    expect(await countMessages(hq.database.db)).toBe(after)
    expect(after).toBeGreaterThan(before)
  })

  it('files a brief in an excluded category only with a reason, as a laptop would, and keeps it on edits', async () => {
    const token = hq.adminToken
    const policy = { table: 'categories', values: { name: '宠物零食', status: 'excluded', note: '不做宠物' } }
    expect((await hqCall(hq.url, 'admin.rows.create', policy, token)).status).toBe(200)
    const brief = { ...SKU, category: ' 宠物零食 ', name: '冻干鸡肉粒 500g' }
    const before = await countMessages(hq.database.db)

    const refused = await hqCall(hq.url, 'admin.rows.create', { table: 'skus', values: brief }, token)
    expect(refused.status).toBe(400)
    expect(refused.body.error?.fields).toEqual([
      {
        path: ['values', 'category'],
        messageKey: 'errors.category.excluded',
        params: { category: '宠物零食' },
      },
    ])
    expect(await countMessages(hq.database.db)).toBe(before)

    const reason = '山姆要求试一款自有品牌零食'
    const filed = await hqCall(
      hq.url,
      'admin.rows.create',
      { table: 'skus', values: { ...brief, categoryOverride: { override: true, reason } } },
      token,
    )
    expect(filed.status).toBe(200)
    const id = (filed.body.value as { id: string }).id
    // An edit that keeps the category keeps the reason it was filed with; a move to a normal one drops it.
    const renamed = await hqCall(
      hq.url,
      'admin.rows.update',
      { table: 'skus', id, values: { ...brief, name: '冻干鸡肉粒 1kg' } },
      token,
    )
    expect(renamed.status).toBe(200)
    expect((renamed.body.value as { values: object }).values).toMatchObject({
      name: '冻干鸡肉粒 1kg',
      categoryOverride: { override: true, reason },
    })
    const moved = await hqCall(
      hq.url,
      'admin.rows.update',
      {
        table: 'skus',
        id,
        values: { ...brief, category: '生活用纸', categoryOverride: { override: true, reason } },
      },
      token,
    )
    expect((moved.body.value as { values: object }).values).toMatchObject({ categoryOverride: null })
  })

  it('lists recent codes with what became of them', async () => {
    await hqCall(hq.url, 'admin.codes.create', {}, hq.adminToken)
    const listed = await hqCall(hq.url, 'admin.codes.list', {}, hq.adminToken)
    const codes = (listed.body.value as { codes: { prefix: string; state: string }[] }).codes
    expect(codes[0]).toMatchObject({ prefix: expect.stringMatching(/^[0-9A-Z]{4}$/), state: 'open' })
  })
})
