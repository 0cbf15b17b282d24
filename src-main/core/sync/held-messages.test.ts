import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ok } from '../../../test/integration/support/api-result'
import { createTempCore, type TempCore } from '../../../test/integration/support/temp-core'
import type { QuarantinedSave } from './held-messages.contract'
import { applyPage } from './apply'
import { formatHlc, makeHlc } from './hlc'
import { storeDirectory } from './sync-directory'
import { readSetting, SETTING } from './sync.settings'
import type { LoggedMessage } from './wire/sync-wire.contract'

/**
 * The laptop's second check on apply: a save with a value no local save could write is quarantined
 * whole and listed on the Sync screen with who sent it; a newer version's table or column is parked
 * and applied by the version that knows it; the cursor moves on without losing either.
 */

const NODE = '00000000000000b7'
const FACTORY = '01937a9e-2f4b-7c3d-8e5f-6a7b8c9d0e1f'

let core: TempCore
let seq = 0

beforeEach(async () => {
  core = await createTempCore()
  seq = 0
  await storeDirectory(core.context.db, [{ id: 'hq-device-7', name: '王强的笔记本', nodeId: NODE }])
})
afterEach(() => core.dispose())

const ctx = () => ({ db: core.context.db, clock: core.context.write.clock, now: core.context.write.now })

/** One save: every given column of one row under one HLC, as the write path sends it. */
function save(
  row: string,
  values: Record<string, unknown>,
  millisAgo = 60_000,
  table = 'factories',
): LoggedMessage[] {
  const hlc = formatHlc(makeHlc(Date.now() - millisAgo, 0, NODE))
  return Object.entries(values).map(([column, value]) => ({
    seq: ++seq,
    hlc,
    table,
    row,
    column,
    value: JSON.stringify(value),
    device: 'wang-laptop',
    base: null,
  }))
}

const stamp = '2026-11-30T08:00:00.000Z'
const factoryValues = (overrides: Record<string, unknown> = {}) => ({
  name: '晋江恒安纸业',
  shop_id: '',
  credit_code: '',
  province: '福建',
  city: '晋江',
  address: '',
  industrial_belt: '晋江',
  categories: '["生活用纸"]',
  oem_brands: '[]',
  certifications: '[]',
  capacity: '',
  contacts: '[]',
  status: 'qualified',
  notes: '',
  created_at: stamp,
  updated_at: stamp,
  deleted_at: null,
  ...overrides,
})

describe('apply checks every message again', () => {
  it('quarantines a save with an invalid field whole, applies nothing of it, and lists it with its sender', async () => {
    const good = save('01937a9e-2f4b-7c3d-8e5f-6a7b8c9d0e20', factoryValues(), 90_000)
    const bad = save(FACTORY, factoryValues({ status: 'hacked', name: '幽灵工厂' }))
    const result = await applyPage(ctx(), [...good, ...bad], seq)
    expect(result).toMatchObject({ applied: good.length, quarantined: bad.length, parked: 0 })
    expect(Number(await readSetting(core.context.db, SETTING.cursor))).toBe(seq)

    const list = ok<{ items: { name: string }[] }>(await core.dispatch('factories.list', {}))
    expect(list.items.map((f) => f.name)).toEqual(['晋江恒安纸业'])
    expect((await core.dispatch('factories.get', { id: FACTORY })).ok).toBe(false)

    type Quarantine = { total: number; parked: number; items: QuarantinedSave[] }
    const quarantine = ok<Quarantine>(await core.dispatch('sync.quarantine', { limit: 100 }))
    // One entry per save: the field that broke the rules, with why; the rest of the save counted.
    expect(quarantine.total).toBe(1)
    expect(quarantine.items[0]).toMatchObject({
      kind: 'factories',
      rowId: FACTORY,
      title: '幽灵工厂',
      unknownRecord: true,
      changes: bad.length,
      device: '王强的笔记本',
      problems: [
        {
          column: 'status',
          field: 'status',
          value: 'hacked',
          reason: expect.stringContaining('prospect'),
          problem: { messageKey: 'errors.invalidOption' },
        },
      ],
    })
    const held = core.database.sqlite
      .prepare('SELECT column_name, field, reason FROM sync_quarantine')
      .all() as {
      column_name: string
      field: string
      reason: string
    }[]
    expect(held).toHaveLength(bad.length)
    expect(held.find((h) => h.column_name === 'name')).toMatchObject({
      field: 'status',
      reason: expect.stringContaining('another field of the same save was refused (status:'),
    })

    // Pulled again (a repeated page): recognised, nothing held twice.
    await applyPage(ctx(), bad, seq)
    expect(ok<Quarantine>(await core.dispatch('sync.quarantine', {})).total).toBe(1)
    expect(core.database.sqlite.prepare('SELECT count(*) AS n FROM sync_quarantine').get()).toEqual({
      n: bad.length,
    })
  })

  it('parks a newer version’s table and column, applies the known fields, and moves the cursor', async () => {
    const messages = [
      ...save(FACTORY, factoryValues({ evil_column: 'x' })),
      ...save('01937a9e-2f4b-7c3d-8e5f-6a7b8c9d0e21', { name: '新表' }, 60_000, 'factory_documents'),
    ]
    const result = await applyPage(ctx(), messages, seq)
    expect(result).toMatchObject({ parked: 2, quarantined: 0, applied: messages.length - 2 })
    expect(Number(await readSetting(core.context.db, SETTING.cursor))).toBe(seq)
    expect(ok<{ status: string }>(await core.dispatch('factories.get', { id: FACTORY })).status).toBe(
      'qualified',
    )
    expect(ok(await core.dispatch('sync.quarantine', {}))).toMatchObject({ total: 0, parked: 2 })
  })

  it('applies parked messages when a version that knows them starts, through the normal apply path', async () => {
    // As an older version parked them: fields its factories table did not have yet.
    const messages = save(FACTORY, factoryValues())
    const { sqlite } = core.database
    const insert = sqlite.prepare(
      `INSERT INTO sync_parked (seq, hlc, table_name, row_id, column_name, value, device_id, base_hlc, reason, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, NULL, 'unknown column', ?)`,
    )
    for (const m of messages) insert.run(m.seq, m.hlc, m.table, m.row, m.column, m.value, m.device, stamp)
    sqlite
      .prepare(
        `INSERT INTO sync_parked (seq, hlc, table_name, row_id, column_name, value, device_id, base_hlc, reason, recorded_at)
       VALUES (999, ?, 'factory_documents', ?, 'name', '"x"', 'd', NULL, 'unknown table', ?)`,
      )
      .run(messages[0]!.hlc, FACTORY, stamp)

    const { dataDir } = core
    await core.close()
    core = await createTempCore({ dataDir })
    expect(ok(await core.dispatch('factories.get', { id: FACTORY }))).toMatchObject({
      name: '晋江恒安纸业',
      status: 'qualified',
      categories: ['生活用纸'],
    })
    // Still unknown to this version: stays parked. Applied ones are in the change log as received.
    expect(core.database.sqlite.prepare('SELECT table_name FROM sync_parked').all()).toEqual([
      { table_name: 'factory_documents' },
    ])
    const logged = core.database.sqlite
      .prepare('SELECT count(*) AS n FROM change_log WHERE row_id = ? AND sent_at IS NOT NULL')
      .get(FACTORY) as { n: number }
    expect(logged.n).toBe(messages.length)
  })

  it('applies a quarantined save once a version that takes every field of it starts; a still bad one stays', async () => {
    // As an older version quarantined them: a value it did not know (here simulated with a good save
    // put in quarantine) and a save that is bad for this version too.
    const good = save(FACTORY, factoryValues())
    const other = '01937a9e-2f4b-7c3d-8e5f-6a7b8c9d0e22'
    const bad = save(other, factoryValues({ status: 'hacked' }), 50_000)
    const { sqlite } = core.database
    const insert = sqlite.prepare(
      `INSERT INTO sync_quarantine (seq, hlc, table_name, row_id, column_name, value, device_id, base_hlc, reason, recorded_at, field)
       VALUES (?, ?, ?, ?, ?, ?, ?, NULL, 'not an option of this version', ?, 'owner_table')`,
    )
    for (const m of [...good, ...bad])
      insert.run(m.seq, m.hlc, m.table, m.row, m.column, m.value, m.device, stamp)

    const { dataDir } = core
    await core.close()
    core = await createTempCore({ dataDir })
    expect(ok(await core.dispatch('factories.get', { id: FACTORY }))).toMatchObject({
      name: '晋江恒安纸业',
      status: 'qualified',
    })
    // The bad save stays whole, none of its fields applied.
    const left = core.database.sqlite.prepare('SELECT DISTINCT row_id FROM sync_quarantine').all()
    expect(left).toEqual([{ row_id: other }])
    expect((await core.dispatch('factories.get', { id: other })).ok).toBe(false)
  })
})
