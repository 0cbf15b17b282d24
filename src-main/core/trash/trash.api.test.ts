import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { failed, ok } from '../../../test/integration/support/api-result'
import { seedPaperSku } from '../../../test/integration/support/paper-sku'
import { createTempCore, type TempCore } from '../../../test/integration/support/temp-core'
import { photosTable } from '../photos/photos.columns'
import { inTransaction, insertRow } from '../write/write-path'
import type { RestoredRecord, TrashItem } from './trash.contract'

/** The Trash through the dispatcher: every kind a laptop deletes is listed, by whom, and restorable. */

type Listed = { total: number; items: TrashItem[] }
const NOW = Date.parse('2026-11-20T02:00:00.000Z')
const SHA = 'a'.repeat(64)

describe('trash API', () => {
  let core: TempCore
  let now = NOW
  const call = (name: string, input: unknown) => core.dispatch(name, input)
  const trash = async (kind?: string) => ok<Listed>(await call('trash.list', kind ? { kind } : {}))
  const restore = async (kind: string, id: string) =>
    ok<{ restored: RestoredRecord[] }>(await call('trash.restore', { kind, id })).restored
  const later = () => {
    now += 60_000
  }

  beforeEach(async () => {
    now = NOW
    core = await createTempCore({ wallClock: () => now })
  })
  afterEach(async () => {
    await core.dispose()
  })

  it('lists each kind deleted, newest first, and restores each one through the write path', async () => {
    const { factories, quoteA, sku } = await seedPaperSku(call)
    const factory = factories[0]!
    const tour = ok<{ id: string }>(
      await call('tours.create', { name: '晋江纸品线', startDate: '2026-11-01', endDate: '2026-11-05' }),
    )
    const visit = ok<{ id: string }>(
      await call('visits.create', {
        factoryId: factory.id,
        visitDate: '2026-11-18',
        followUps: [{ text: '寄送竹浆样品' }],
      }),
    )
    const followUp = ok<{ id: string }>(
      await call('followUps.create', { visitId: visit.id, text: '确认交期' }),
    )
    const sample = ok<{ id: string }>(
      await call('samples.create', { source: 'selectionCenter', factoryId: factory.id, name: '竹浆抽纸' }),
    )
    const quote = ok<{ id: string }>(await call('quotes.create', quoteA()))
    ok(await call('rates.set', { currency: 'EUR', rate: '7.80' }))
    const rateId = core.database.sqlite
      .prepare("SELECT id FROM currency_rates WHERE currency = 'EUR'")
      .get() as {
      id: string
    }
    const { context } = core
    await inTransaction(context.db, (trx) =>
      insertRow(
        trx,
        context.write,
        photosTable,
        { mime: 'image/jpeg', width: 4, height: 3, bytes: 10, taken_at: null },
        SHA,
      ),
    )
    const link = ok<{ linkId: string }>(
      await call('photos.attach', {
        sha256: SHA,
        ownerTable: 'samples',
        ownerId: sample.id,
        caption: '正面',
      }),
    )
    expect(await trash()).toEqual({ total: 0, items: [] })

    const deletions: [string, string, () => Promise<unknown>][] = [
      ['visit_follow_ups', followUp.id, () => call('followUps.delete', { id: followUp.id })],
      ['photo_links', link.linkId, () => call('photos.unlink', { linkId: link.linkId })],
      ['samples', sample.id, () => call('samples.delete', { id: sample.id })],
      ['quotes', quote.id, () => call('quotes.delete', { id: quote.id })],
      ['currency_rates', rateId.id, () => call('rates.delete', { currency: 'EUR' })],
      ['tours', tour.id, () => call('tours.delete', { id: tour.id })],
    ]
    for (const [, , remove] of deletions) {
      later()
      ok((await remove()) as never)
    }
    const listed = await trash()
    expect(listed.items.map((i) => [i.kind, i.id])).toEqual(
      deletions.map(([kind, id]) => [kind, id]).reverse(),
    )
    const titles = Object.fromEntries(listed.items.map((i) => [i.kind, i.title]))
    expect(titles).toMatchObject({
      samples: expect.stringMatching(/^S-.* 竹浆抽纸$/),
      quotes: `${factory.name} · ${sku.name}`,
      currency_rates: 'EUR',
      tours: '晋江纸品线',
      visit_follow_ups: '确认交期',
      photo_links: expect.stringContaining('竹浆抽纸'),
    })
    // Not enrolled: this laptop is named by its node; the delete's time is its tombstone.
    expect(listed.items[0]!.deletedBy).toMatchObject({ mine: true, at: new Date(now).toISOString() })
    expect(listed.items[0]!.deletedAt).toBe(new Date(now).toISOString())
    expect((await trash('samples')).items.map((i) => i.id)).toEqual([sample.id])

    // Newest delete first, as the Trash lists them (a photo restored before its sample brings the sample).
    for (const [kind, id] of [...deletions].reverse()) {
      later()
      expect((await restore(kind, id)).map((r) => [r.kind, r.id])).toEqual([[kind, id]])
    }
    expect(await trash()).toEqual({ total: 0, items: [] })
    ok(await call('samples.get', { id: sample.id }))
    ok(await call('quotes.get', { id: quote.id }))
    ok(await call('tours.get', { id: tour.id }))
    expect(
      ok<{ items: { linkId: string }[] }>(
        await call('photos.list', { ownerTable: 'samples', ownerId: sample.id }),
      ).items,
    ).toHaveLength(1)
    expect(ok<{ currency: string }[]>(await call('rates.list', {})).map((r) => r.currency)).toContain('EUR')
    // The restore is recorded as changes to send, and the search finds the sample again.
    const unsent = core.database.sqlite
      .prepare(
        "SELECT value FROM change_log WHERE row_id = ? AND column_name = 'deleted_at' ORDER BY seq DESC LIMIT 1",
      )
      .get(sample.id)
    expect(unsent).toEqual({ value: 'null' })
    const found = ok<{ results: { id: string }[] }>(
      await call('search.query', { text: '竹浆抽纸', kinds: ['sample'] }),
    )
    expect(found.results.map((r) => r.id)).toContain(sample.id)
    // Restoring what is live restores nothing.
    expect(await restore('samples', sample.id)).toEqual([])
    expect(failed(await call('trash.restore', { kind: 'samples', id: 'no-such-row' })).code).toBe('not_found')
  })

  it('brings a visit back with its factory and the follow-ups deleted with it, not one deleted before', async () => {
    const factory = ok<{ id: string; name: string }>(await call('factories.create', { name: '晋江恒安纸业' }))
    const visit = ok<{ id: string }>(
      await call('visits.create', {
        factoryId: factory.id,
        visitDate: '2026-11-18',
        followUps: [{ text: '寄送竹浆样品' }, { text: '确认交期' }],
      }),
    )
    const [kept, droppedEarlier] = ok<{ id: string; text: string }[]>(
      await call('followUps.list', { visitId: visit.id, status: 'all' }),
    )
    later()
    ok(await call('followUps.delete', { id: droppedEarlier!.id }))
    later()
    ok(await call('visits.delete', { id: visit.id }))
    later()
    ok(await call('factories.delete', { id: factory.id }))
    // Follow-ups deleted with their visit come back with it, so the Trash lists the visit only.
    expect((await trash()).items.map((i) => i.kind)).toEqual(['factories', 'visits', 'visit_follow_ups'])
    expect((await trash()).items[2]!.id).toBe(droppedEarlier!.id)

    later()
    const restored = await restore('visits', visit.id)
    expect(restored.map((r) => r.kind)).toEqual(['factories', 'visits', 'visit_follow_ups'])
    expect(restored.map((r) => r.id)).toEqual([factory.id, visit.id, kept!.id])
    const back = ok<{ factoryName: string; followUps: { id: string }[] }>(
      await call('visits.get', { id: visit.id }),
    )
    expect(back.factoryName).toBe('晋江恒安纸业')
    expect(back.followUps.map((f) => f.id)).toEqual([kept!.id])
    expect((await trash()).items.map((i) => i.id)).toEqual([droppedEarlier!.id])
  })

  it('refuses to restore an old rate over the current one of the same currency', async () => {
    ok(await call('rates.set', { currency: 'USD', rate: '7.10' }))
    later()
    ok(await call('rates.delete', { currency: 'USD' }))
    later()
    ok(await call('rates.set', { currency: 'USD', rate: '7.20' }))
    const [old] = (await trash()).items
    expect(failed(await call('trash.restore', { kind: 'currency_rates', id: old!.id }))).toMatchObject({
      code: 'conflict',
      messageKey: 'errors.trash.rateExists',
    })
    expect(ok<{ rate: string }[]>(await call('rates.list', {})).find((r) => r)?.rate).toBe('7.20')
  })

  it('refuses kinds HQ owns', async () => {
    expect(failed(await call('trash.restore', { kind: 'skus', id: 'x' })).code).toBe('validation')
  })
})
