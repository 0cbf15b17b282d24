import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTempCore, writeCounts, type TempCore } from '../../../test/integration/support/temp-core'
import { AppError } from '../api/errors'
import { factoriesTable } from '../factories/factories.columns'
import { parseHlc } from '../sync/hlc'
import { inTransaction, insertRow, tombstoneRow, updateRow } from './write-path'

const T0 = Date.UTC(2025, 4, 20, 6, 0, 0, 0)

/** A complete set of writable factory columns, as the service would pass them. */
function columns(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: '晋江恒安纸业',
    shop_id: 'hengan88',
    credit_code: '91350100M000100Y43',
    credit_code_note: '',
    province: '福建',
    city: '泉州',
    address: '晋江市安海镇',
    industrial_belt: '晋江纸品',
    categories: JSON.stringify(['生活用纸']),
    oem_brands: JSON.stringify(['心相印']),
    certifications: JSON.stringify(['ISO9001']),
    capacity: '120 t/day',
    contacts: JSON.stringify([{ name: '王经理', role: '销售', phone: '13800138000', wechat: '' }]),
    status: 'prospect',
    notes: '',
    ...overrides,
  }
}

interface ChangeRow {
  hlc: string
  table_name: string
  row_id: string
  column_name: string
  value: string
  device_id: string
  sent_at: string | null
}

describe('the one write path', () => {
  let core: TempCore
  let wall = T0

  beforeEach(async () => {
    wall = T0
    core = await createTempCore({ wallClock: () => wall })
  })
  afterEach(async () => {
    await core.dispose()
  })

  const changesFor = (rowId: string) =>
    core.database.sqlite
      .prepare('SELECT * FROM change_log WHERE row_id = ? ORDER BY seq')
      .all(rowId) as ChangeRow[]
  const rowOf = (id: string) =>
    core.database.sqlite.prepare('SELECT * FROM factories WHERE id = ?').get(id) as Record<string, unknown>
  const insert = (values = columns()) =>
    inTransaction(core.context.db, (trx) => insertRow(trx, core.context.write, factoriesTable, values))

  it('insert writes the row and one message per column, with one HLC and the device id', async () => {
    const id = await insert()
    const row = rowOf(id)
    expect(row).toMatchObject({
      name: '晋江恒安纸业',
      created_at: new Date(T0).toISOString(),
      deleted_at: null,
    })
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)

    const changes = changesFor(id)
    const everyColumnButId = Object.keys(row).filter((c) => c !== 'id')
    expect(changes.map((c) => c.column_name).sort()).toEqual(everyColumnButId.sort())
    expect(new Set(changes.map((c) => c.hlc)).size).toBe(1)
    expect(parseHlc(changes[0]!.hlc).millis).toBe(T0)
    for (const change of changes) {
      expect(change).toMatchObject({
        table_name: 'factories',
        device_id: core.context.write.deviceId,
        sent_at: null,
      })
      // Each message carries the JSON of the value now in the row.
      expect(JSON.parse(change.value)).toEqual(row[change.column_name])
    }
  })

  it('update writes and records only the columns whose value changes, under a newer HLC', async () => {
    const id = await insert()
    const inserted = changesFor(id)
    wall = T0 + 1000
    const changed = await inTransaction(core.context.db, (trx) =>
      updateRow(trx, core.context.write, factoriesTable, id, columns({ city: '晋江', notes: '样品已寄' })),
    )
    expect(changed.sort()).toEqual(['city', 'notes'])
    expect(rowOf(id)).toMatchObject({ city: '晋江', notes: '样品已寄', name: '晋江恒安纸业' })

    const update = changesFor(id).slice(inserted.length)
    expect(update.map((c) => c.column_name).sort()).toEqual(['city', 'notes', 'updated_at'])
    expect(update.find((c) => c.column_name === 'city')?.value).toBe('"晋江"')
    expect(update[0]!.hlc > inserted[0]!.hlc).toBe(true)
    expect(rowOf(id).updated_at).toBe(new Date(T0 + 1000).toISOString())
  })

  it('an update that changes nothing records nothing and keeps updated_at', async () => {
    const id = await insert()
    const before = writeCounts(core)
    wall = T0 + 5000
    const changed = await inTransaction(core.context.db, (trx) =>
      updateRow(trx, core.context.write, factoriesTable, id, columns()),
    )
    expect(changed).toEqual([])
    expect(writeCounts(core)).toEqual(before)
    expect(rowOf(id).updated_at).toBe(new Date(T0).toISOString())
  })

  it('tombstone sets deleted_at, records it, and the row can no longer be updated or deleted', async () => {
    const id = await insert()
    wall = T0 + 2000
    await inTransaction(core.context.db, (trx) => tombstoneRow(trx, core.context.write, factoriesTable, id))
    const stamp = new Date(T0 + 2000).toISOString()
    expect(rowOf(id)).toMatchObject({ deleted_at: stamp, name: '晋江恒安纸业' })
    const tombstone = changesFor(id).filter((c) => c.column_name === 'deleted_at')
    expect(tombstone.map((c) => JSON.parse(c.value))).toEqual([null, stamp])

    const before = writeCounts(core)
    await expect(
      inTransaction(core.context.db, (trx) => tombstoneRow(trx, core.context.write, factoriesTable, id)),
    ).rejects.toMatchObject({ code: 'not_found' })
    await expect(
      inTransaction(core.context.db, (trx) =>
        updateRow(trx, core.context.write, factoriesTable, id, { name: '复活' }),
      ),
    ).rejects.toMatchObject({ code: 'not_found' })
    expect(writeCounts(core)).toEqual(before)
  })

  it('a failure inside the transaction leaves neither the row nor its messages', async () => {
    const before = writeCounts(core)
    let insertedId = ''
    await expect(
      inTransaction(core.context.db, async (trx) => {
        insertedId = await insertRow(trx, core.context.write, factoriesTable, columns())
        await updateRow(trx, core.context.write, factoriesTable, insertedId, { notes: 'second write' })
        throw new Error('power cut in the middle')
      }),
    ).rejects.toThrow('power cut in the middle')
    expect(insertedId).not.toBe('')
    expect(rowOf(insertedId)).toBeUndefined()
    expect(changesFor(insertedId)).toEqual([])
    expect(writeCounts(core)).toEqual(before)
  })

  it('rejects an unknown column or a wrong value type with a validation error and writes nothing', async () => {
    const before = writeCounts(core)
    const unknown = insert(columns({ owner: 'me' })).catch((e: unknown) => e)
    const error = await unknown
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('validation')
    expect((error as AppError).fields[0]).toMatchObject({ messageKey: 'errors.unknownKeys' })

    await expect(insert(columns({ status: 'friendly' }))).rejects.toMatchObject({ code: 'validation' })
    await expect(insert(columns({ name: 42 }))).rejects.toMatchObject({ code: 'validation' })
    const { name: _name, ...withoutName } = columns()
    await expect(insert(withoutName)).rejects.toMatchObject({ code: 'validation' })

    const id = await insert()
    const afterInsert = writeCounts(core)
    await expect(
      inTransaction(core.context.db, (trx) =>
        updateRow(trx, core.context.write, factoriesTable, id, { id: 'someone-else' }),
      ),
    ).rejects.toMatchObject({ code: 'validation' })
    expect(writeCounts(core)).toEqual(afterInsert)
    expect(afterInsert.factories).toBe(before.factories + 1)
  })
})
