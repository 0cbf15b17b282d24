import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHqStore, hqBackends, startStoreHq, type HqStore } from '../../../src-hq/testing/test-hq'
import type { Hq } from '../../../src-hq/hq'
import { failed, ok } from '../../../test/integration/support/api-result'
import { createSyncDevice, type SyncDevice } from '../../../test/sync-harness/sync-device'
import { samplesTable } from '../samples/samples.columns'
import { inTransaction, updateRow } from '../write/write-path'
import type { DeleteConflict, TrashItem } from './trash.contract'

/**
 * A delete and an offline edit of one sample, two laptops and a real HQ on 127.0.0.1, in both orders:
 * the sample stays deleted everywhere, the edit is kept in it and listed as a conflict on every laptop,
 * and one restore brings the edited sample back on all of them.
 */

type Listed<T> = { total: number; items: T[] }

describe.each(hqBackends())('a delete that meets an unseen edit tells (HQ on %s)', (backend) => {
  let store: HqStore
  let hq: Hq
  let li: SyncDevice
  let wang: SyncDevice
  let zhang: SyncDevice
  let sampleId: string
  let factoryId: string
  let t = Date.parse('2026-11-20T02:00:00.000Z')
  const tick = () => {
    t += 60_000
    for (const laptop of [li, wang, zhang]) laptop.setWall(t)
  }

  beforeEach(async () => {
    store = await createHqStore(backend)
    hq = await startStoreHq(store)
    li = await createSyncDevice(hq, '李娜的笔记本', t)
    wang = await createSyncDevice(hq, '王强的笔记本', t)
    zhang = await createSyncDevice(hq, '张伟的笔记本', t)
    factoryId = ok<{ id: string }>(await li.core.dispatch('factories.create', { name: '晋江恒安纸业' })).id
    sampleId = ok<{ id: string }>(
      await li.core.dispatch('samples.create', {
        source: 'selectionCenter',
        factoryId,
        name: '竹浆抽纸',
      }),
    ).id
    await li.sync()
    await wang.sync()
  })
  afterEach(async () => {
    for (const laptop of [li, wang, zhang]) await laptop?.dispose()
    await hq?.close()
    await store?.dispose()
  })

  const deleteOnLi = async () => {
    tick()
    ok(await li.core.dispatch('samples.delete', { id: sampleId }))
  }
  const editOnWang = async () => {
    tick()
    const { context } = wang.core
    await inTransaction(context.db, (trx) =>
      updateRow(trx, context.write, samplesTable, sampleId, { notes: '王：厂家同意改用竹浆' }),
    )
  }
  const conflictsOf = async (laptop: SyncDevice) =>
    ok<Listed<DeleteConflict>>(await laptop.core.dispatch('trash.conflicts', {}))
  const samplesOf = (laptop: SyncDevice) => laptop.core.database.sqlite.prepare('SELECT * FROM samples').all()

  async function expectConflictEverywhere(restored: boolean) {
    for (const laptop of [li, wang, zhang]) {
      const listed = await conflictsOf(laptop)
      expect(listed.total).toBe(1)
      expect(listed.items[0]).toMatchObject({
        kind: 'samples',
        rowId: sampleId,
        title: expect.stringContaining('竹浆抽纸'),
        deleted: { device: '李娜的笔记本', mine: laptop === li },
        edited: { device: '王强的笔记本', mine: laptop === wang },
        fields: [{ field: 'notes', value: '王：厂家同意改用竹浆' }],
        restored,
      })
      // The Sync screen's count includes it.
      expect(ok<{ conflicts: number }>(await laptop.core.dispatch('sync.status', {})).conflicts).toBe(1)
    }
    expect(samplesOf(wang)).toEqual(samplesOf(li))
    expect(samplesOf(zhang)).toEqual(samplesOf(li))
  }

  async function expectRestoreSyncs() {
    // The deleted sample is in every Trash, by who deleted it; one restore brings the edit back.
    for (const laptop of [li, wang, zhang]) {
      const trash = ok<Listed<TrashItem>>(await laptop.core.dispatch('trash.list', {}))
      expect(trash.items).toEqual([
        expect.objectContaining({
          kind: 'samples',
          id: sampleId,
          deletedBy: expect.objectContaining({ device: '李娜的笔记本' }),
        }),
      ])
      expect(failed(await laptop.core.dispatch('samples.get', { id: sampleId })).code).toBe('not_found')
    }
    tick()
    const restored = ok<{ restored: { kind: string; id: string }[] }>(
      await wang.core.dispatch('trash.restore', { kind: 'samples', id: sampleId }),
    )
    expect(restored.restored).toEqual([expect.objectContaining({ kind: 'samples', id: sampleId })])
    await wang.sync()
    await li.sync()
    await zhang.sync()
    for (const laptop of [li, wang, zhang]) {
      const sample = ok<{ notes: string }>(await laptop.core.dispatch('samples.get', { id: sampleId }))
      expect(sample.notes).toBe('王：厂家同意改用竹浆')
      expect(ok<Listed<TrashItem>>(await laptop.core.dispatch('trash.list', {})).total).toBe(0)
    }
    await expectConflictEverywhere(true)
  }

  it('delete first: 李娜 deletes and syncs, 王强 edits offline and syncs after', async () => {
    await deleteOnLi()
    await li.sync()
    await editOnWang()
    const wangReport = await wang.sync()
    expect(wangReport).toMatchObject({ outcome: 'ok', conflicts: 1 })
    const liReport = await li.sync()
    expect(liReport).toMatchObject({ outcome: 'ok', conflicts: 1 })
    await zhang.sync()
    await expectConflictEverywhere(false)
    await expectRestoreSyncs()
  })

  it('edit first: 王强 edits and syncs, 李娜 deletes offline and syncs after', async () => {
    await editOnWang()
    await wang.sync()
    await deleteOnLi()
    expect(await li.sync()).toMatchObject({ outcome: 'ok', conflicts: 1 })
    expect(await wang.sync()).toMatchObject({ outcome: 'ok', conflicts: 1 })
    await zhang.sync()
    await expectConflictEverywhere(false)
    await expectRestoreSyncs()
  })

  it('a delete made after seeing the edit is no conflict', async () => {
    await editOnWang()
    await wang.sync()
    await li.sync()
    await deleteOnLi()
    await li.sync()
    await wang.sync()
    await zhang.sync()
    for (const laptop of [li, wang, zhang]) expect((await conflictsOf(laptop)).total).toBe(0)
    expect(samplesOf(wang)).toEqual(samplesOf(li))
  })

  it('a visit recorded offline for a factory someone deleted names the factory, marked deleted, until restored', async () => {
    tick()
    ok(await li.core.dispatch('factories.delete', { id: factoryId }))
    await li.sync()
    tick()
    const visit = ok<{ id: string }>(
      await wang.core.dispatch('visits.create', { factoryId, visitDate: '2026-11-20' }),
    )
    await wang.sync()
    await li.sync()
    for (const laptop of [li, wang]) {
      expect(ok(await laptop.core.dispatch('visits.get', { id: visit.id }))).toMatchObject({
        factoryName: '晋江恒安纸业',
        factoryDeleted: true,
      })
      expect(ok(await laptop.core.dispatch('samples.get', { id: sampleId }))).toMatchObject({
        factoryName: '晋江恒安纸业',
        factoryDeleted: true,
      })
      const [listed] = ok<{ factoryName: string; factoryDeleted?: boolean }[]>(
        await laptop.core.dispatch('visits.list', {}),
      )
      expect(listed).toMatchObject({ factoryName: '晋江恒安纸业', factoryDeleted: true })
    }
    tick()
    ok(await li.core.dispatch('trash.restore', { kind: 'factories', id: factoryId }))
    await li.sync()
    await wang.sync()
    const restored = ok<Record<string, unknown>>(await wang.core.dispatch('visits.get', { id: visit.id }))
    expect(restored.factoryName).toBe('晋江恒安纸业')
    expect(restored).not.toHaveProperty('factoryDeleted')
  })
})
